package dev.fleetsim.cluster;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.processor.Architecture;

/**
 * Read-only view of the container hosts of one cluster, indexed by int. Indices run from 0 to
 * {@link #hostSlots()} - 1; a removed host's index is inactive until a new host reuses it.
 *
 * <p>Units: CPU in the cluster's unit ({@link HostKind#cpuPerVcpu()}: ECS CPU units or Kubernetes
 * millicores), memory in MiB. Allocatable = capacity - reserved; free = allocatable - allocated.
 */
public interface HostView {

    HostKind kind();

    /** One more than the highest index ever used. */
    int hostSlots();

    int activeHostCount();

    boolean isActive(int host);

    /** True if the host is active but cordoned (draining): it takes no new tasks. */
    default boolean isCordoned(int host) {
        return false;
    }

    /** The id given at {@code addHost}, e.g. an EC2 instance id; also the Kubernetes hostname. */
    String hostId(int host);

    int hostClass(int host);

    HostSpec spec(int host);

    InstanceType instanceType(int host);

    Architecture architecture(int host);

    String zone(int host);

    int cpuCapacity(int host);

    int cpuReserved(int host);

    int cpuAllocatable(int host);

    int cpuAllocated(int host);

    int cpuFree(int host);

    int memoryCapacityMiB(int host);

    int memoryReservedMiB(int host);

    int memoryAllocatableMiB(int host);

    int memoryAllocatedMiB(int host);

    int memoryFreeMiB(int host);

    /** The most pods (EKS: the type's max pods; ECS: unlimited, {@link Integer#MAX_VALUE}). */
    int podCapacity(int host);

    /** Pods holding a slot, DaemonSet pods included. */
    int podsAllocated(int host);

    /** Tasks or pods placed by workloads (DaemonSet pods not counted): ECS's runningTasksCount. */
    int runningCount(int host);

    /** An attribute or label value, or null if the host lacks it (see {@link HostAttributes}). */
    String attribute(int host, String name);
}
