package dev.fleetsim.cluster;

/**
 * CPU and memory an ECS container instance keeps back from tasks. The ECS agent reserves memory only when
 * ECS_RESERVED_MEMORY is set (default 0, ECS developer guide, ecs-agent-config.md) and reserves no CPU, so
 * the default is {@link #NONE}: a container instance offers its type's full vCPU x 1024 units and nominal
 * memory. (A real instance registers the memory its OS reports, a few percent below the nominal size;
 * set a reservation to model that.)
 */
public record EcsReservation(int cpuUnits, int memoryMiB) {

    public static final EcsReservation NONE = new EcsReservation(0, 0);

    public EcsReservation {
        if (cpuUnits < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException("an ECS reservation must be >= 0: " + cpuUnits + " CPU units, "
                    + memoryMiB + " MiB");
        }
    }
}
