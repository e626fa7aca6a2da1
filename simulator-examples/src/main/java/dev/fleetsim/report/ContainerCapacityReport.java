package dev.fleetsim.report;

import java.util.Objects;

/**
 * What happened to one source of container capacity over the run: an ECS capacity provider's Auto Scaling group, an
 * EKS managed node group, or an EKS cluster's provisioned (Karpenter) nodes. Written as {@code containerCapacity}
 * after the pinned fields of the report.
 *
 * @param kind ecs-capacity-provider, eks-node-group or eks-provisioned-nodes
 * @param launched instances launched, the initial capacity included
 * @param spotInterruptionNotices 2-minute notices its Spot instances received (hazard and forced faults)
 * @param interrupted instances AWS reclaimed at notice + 120 s
 * @param replacements instances the group launched in place of interrupted ones (after the reclaim, or early on a
 *     rebalance recommendation with Capacity Rebalancing); provisioned nodes are never replaced by the source itself
 * @param running instances running at the horizon
 * @param scaling what its capacity controller did; null when none resizes it
 */
public record ContainerCapacityReport(String cluster, String name, String kind, long launched,
        long spotInterruptionNotices, long interrupted, long replacements, long running, ContainerScaling scaling) {

    /** A source no controller resizes. */
    public ContainerCapacityReport(String cluster, String name, String kind, long launched,
            long spotInterruptionNotices, long interrupted, long replacements, long running) {
        this(cluster, name, kind, launched, spotInterruptionNotices, interrupted, replacements, running, null);
    }

    public ContainerCapacityReport {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (launched < 0 || spotInterruptionNotices < 0 || interrupted < 0 || replacements < 0 || running < 0) {
            throw new IllegalArgumentException("container capacity counts must not be negative: " + name);
        }
    }
}
