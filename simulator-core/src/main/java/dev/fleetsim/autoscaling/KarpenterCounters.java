package dev.fleetsim.autoscaling;

/**
 * What one Karpenter pool did so far.
 *
 * @param launched node claims launched (replacements included)
 * @param launchFailures launch attempts that met InsufficientInstanceCapacity (the next offering was tried)
 * @param emptyDeleted empty nodes consolidation deleted
 * @param underutilizedDeleted non-empty nodes deleted because their pods fit on the other nodes
 * @param replaced nodes consolidation replaced by one cheaper node (counted when the old node is drained)
 * @param expired nodes drained because they reached expireAfter
 * @param lost nodes removed by something else (a Spot interruption, a host failure) or that never joined
 * @param nodes node claims alive now, pending ones included
 * @param peakNodes the most node claims alive at once
 * @param limitBlocked planned nodes not launched because the pool's cpu or memory limit would be exceeded
 */
public record KarpenterCounters(String pool, long launched, long launchFailures, long emptyDeleted,
        long underutilizedDeleted, long replaced, long expired, long lost, int nodes, int peakNodes,
        long limitBlocked) {

    /** Nodes consolidation removed, deleted or replaced. */
    public long consolidated() {
        return emptyDeleted + underutilizedDeleted + replaced;
    }
}
