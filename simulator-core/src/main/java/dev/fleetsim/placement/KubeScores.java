package dev.fleetsim.placement;

import dev.fleetsim.placement.KubeSchedulerConfig.Scoring;

/**
 * kube-scheduler's score arithmetic (aws-rules.md item 8; kubernetes pkg/scheduler/framework/plugins),
 * integer where the scheduler is integer. Memory is in MiB: every request and allocatable amount here is
 * a whole number of MiB, so each ratio equals the scheduler's ratio in bytes exactly.
 */
public final class KubeScores {

    public static final int MAX_NODE_SCORE = 100;

    /** Default score plugin weights (default_plugins.go). NodeAffinity (2), InterPodAffinity (2) and
     * ImageLocality (1) give every node the same score here (no preferred affinity, no images) and are left out. */
    public static final int WEIGHT_TAINT_TOLERATION = 3;
    public static final int WEIGHT_POD_TOPOLOGY_SPREAD = 2;
    public static final int WEIGHT_NODE_RESOURCES_FIT = 1;
    public static final int WEIGHT_BALANCED_ALLOCATION = 1;

    /** What NodeResourcesFit scoring assumes for a pod without a CPU or memory request (non-zero requests). */
    public static final int DEFAULT_MILLI_CPU_REQUEST = 100;
    public static final int DEFAULT_MEMORY_REQUEST_MIB = 200;

    private static final int MIN_FEASIBLE_NODES_TO_FIND = 100;
    private static final int MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

    private KubeScores() {
    }

    /** LeastAllocated per resource: (capacity - requested) x 100 / capacity; 0 when over capacity. */
    public static long leastRequested(long requested, long capacity) {
        if (capacity == 0 || requested > capacity) {
            return 0;
        }
        return (capacity - requested) * MAX_NODE_SCORE / capacity;
    }

    /** MostAllocated per resource: requested x 100 / capacity, requested capped at capacity. */
    public static long mostRequested(long requested, long capacity) {
        if (capacity == 0) {
            return 0;
        }
        return Math.min(requested, capacity) * MAX_NODE_SCORE / capacity;
    }

    /**
     * NodeResourcesFit: the per-resource scores weighted cpu 1, memory 1, summed and divided by the weight
     * sum (integer). {@code requested} includes the incoming pod (aws-rules.md item 8), with non-zero
     * defaults for pods without requests.
     */
    public static long nodeResourcesFit(Scoring scoring, long cpuRequested, long cpuAllocatable,
            long memRequestedMiB, long memAllocatableMiB) {
        long cpu = scoring == Scoring.LEAST_ALLOCATED ? leastRequested(cpuRequested, cpuAllocatable)
                : mostRequested(cpuRequested, cpuAllocatable);
        long mem = scoring == Scoring.LEAST_ALLOCATED ? leastRequested(memRequestedMiB, memAllocatableMiB)
                : mostRequested(memRequestedMiB, memAllocatableMiB);
        return (cpu + mem) / 2;
    }

    /**
     * NodeResourcesBalancedAllocation: (1 - |cpuFraction - memFraction| / 2) x 100, truncated, each fraction
     * requested / allocatable (actual requests, incoming pod included) capped at 1.
     */
    public static long balancedAllocation(long cpuRequested, long cpuAllocatable, long memRequestedMiB,
            long memAllocatableMiB) {
        if (cpuAllocatable == 0 || memAllocatableMiB == 0) {
            return MAX_NODE_SCORE;
        }
        double cpu = Math.min(1.0, (double) cpuRequested / cpuAllocatable);
        double mem = Math.min(1.0, (double) memRequestedMiB / memAllocatableMiB);
        double std = Math.abs((cpu - mem) / 2);
        return (long) ((1 - std) * MAX_NODE_SCORE);
    }

    /** TaintToleration, normalized in reverse: 100 - 100 x count / maxCount; 100 for all when no node has any. */
    public static long taintToleration(long intolerablePreferNoSchedule, long maxOverNodes) {
        if (maxOverNodes == 0) {
            return MAX_NODE_SCORE;
        }
        return MAX_NODE_SCORE - MAX_NODE_SCORE * intolerablePreferNoSchedule / maxOverNodes;
    }

    /** PodTopologySpread's weight of a constraint with {@code domains} domains among the scored nodes. */
    public static double topologyNormalizingWeight(int domains) {
        return Math.log(domains + 2);
    }

    /** PodTopologySpread's raw score of one constraint: pods in the node's domain x weight + (maxSkew - 1). */
    public static double topologyScoreForCount(long count, int maxSkew, double weight) {
        return count * weight + (maxSkew - 1);
    }

    /** PodTopologySpread normalized: 100 x (max + min - score) / max; 100 for all when max is 0. */
    public static long topologyNormalized(long score, long min, long max) {
        if (max == 0) {
            return MAX_NODE_SCORE;
        }
        return MAX_NODE_SCORE * (max + min - score) / max;
    }

    /**
     * How many feasible nodes kube-scheduler looks for before it stops filtering (numFeasibleNodesToFind):
     * all of them below 100 nodes or at 100 percent; otherwise nodes x percentage / 100, at least 100, the
     * percentage 0 meaning 50 - nodes / 125 with a floor of 5.
     */
    public static int numFeasibleNodesToFind(int percentageOfNodesToScore, int nodes) {
        if (nodes < MIN_FEASIBLE_NODES_TO_FIND || percentageOfNodesToScore >= 100) {
            return nodes;
        }
        int percentage = percentageOfNodesToScore;
        if (percentage == 0) {
            percentage = Math.max(50 - nodes / 125, MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND);
        }
        int n = (int) ((long) nodes * percentage / 100);
        return Math.max(n, MIN_FEASIBLE_NODES_TO_FIND);
    }
}
