package dev.fleetsim.report;

import java.util.Objects;

/**
 * What one Karpenter NodePool did over the run (docs/containers.md, "Karpenter").
 *
 * @param nodesLaunched node claims launched, consolidation's replacements included
 * @param launchFailures launches refused with InsufficientInstanceCapacity (the next offering was tried)
 * @param consolidatedEmpty empty nodes consolidation deleted
 * @param consolidatedUnderutilized nodes deleted because their pods fit on the other nodes
 * @param consolidatedReplaced nodes replaced by one cheaper node
 * @param expired nodes drained at expireAfter
 * @param lost nodes removed by a Spot interruption or a host failure (or that never joined)
 * @param peakNodes the most node claims alive at once
 * @param limitBlocked planned nodes not launched because of the pool's limits
 */
public record KarpenterPoolReport(String cluster, String pool, long nodesLaunched, long launchFailures,
        long consolidatedEmpty, long consolidatedUnderutilized, long consolidatedReplaced, long expired, long lost,
        int peakNodes, long limitBlocked) {

    public KarpenterPoolReport {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(pool, "pool");
    }
}
