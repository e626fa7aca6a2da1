package dev.fleetsim.placement;

import dev.fleetsim.processor.Architecture;
import java.util.Objects;

/**
 * What placement needs of an ECS task definition on EC2 capacity.
 *
 * @param cpuUnits 1024 = 1 vCPU; 0 reserves no CPU (allowed for the EC2 launch type)
 * @param memoryMiB the task's memory reservation
 * @param architecture the runtime platform's CPU architecture; only instances of it qualify
 */
public record EcsTaskDefinition(int cpuUnits, int memoryMiB, Architecture architecture) {
    public EcsTaskDefinition {
        Objects.requireNonNull(architecture, "architecture");
        if (cpuUnits < 0) {
            throw new IllegalArgumentException("cpuUnits must be >= 0, got " + cpuUnits);
        }
        if (memoryMiB <= 0) {
            throw new IllegalArgumentException("memoryMiB must be > 0, got " + memoryMiB);
        }
    }
}
