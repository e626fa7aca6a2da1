package dev.fleetsim.placement;

import dev.fleetsim.cluster.ContainerHosts;

/**
 * Identical tasks or pods placed by one scheduler on one cluster's hosts: an ECS task group (a service's
 * tasks, or a family's standalone tasks) or the pods of one Kubernetes workload. The group keeps the
 * per-host counts that spread and distinctInstance rules and topology spread constraints need.
 *
 * <p>The hot path is {@link #tryPlace()} and {@link #release(int)}: primitive, allocation-free.
 * {@link #decide()} and {@link #place()} wrap them in a {@link PlacementDecision} with a reason.
 */
public interface PlacementGroup {

    String name();

    ContainerHosts hosts();

    /** CPU each task requests, in the cluster's CPU unit. */
    int cpuRequest();

    int memoryRequestMiB();

    /** The host the next task would go to, or -1 when none fits now. Allocates nothing. */
    int findHost();

    /** Places one task on {@code host} (normally the one {@link #findHost()} returned). */
    void commit(int host);

    /** Removes one task of this group from {@code host}, freeing its capacity. */
    void release(int host);

    /** Tasks of this group on {@code host}. */
    int runningOn(int host);

    /** Tasks of this group placed and not released. */
    int runningCount();

    /** Why no host fits now (a diagnostic scan; call it only after {@link #findHost()} returned -1). */
    String pendingReason();

    /** Finds a host and places the task there; -1 (and nothing placed) when none fits. */
    default int tryPlace() {
        int host = findHost();
        if (host >= 0) {
            commit(host);
        }
        return host;
    }

    /** What {@link #tryPlace()} would do, without placing anything. */
    default PlacementDecision decide() {
        int host = findHost();
        return host >= 0 ? new PlacementDecision.Placed(host) : new PlacementDecision.Pending(pendingReason());
    }

    /** Places the task if a host fits. */
    default PlacementDecision place() {
        int host = tryPlace();
        return host >= 0 ? new PlacementDecision.Placed(host) : new PlacementDecision.Pending(pendingReason());
    }
}
