package dev.fleetsim.scenario.spec;

import java.util.List;

/**
 * An EKS cluster: a control plane billed per cluster-hour (aws-rules.md item 6), node pools, workloads.
 *
 * @param support default standard
 * @param autoscaler default none (EKS installs no autoscaler); karpenter pools scale themselves
 * @param scoring kube-scheduler NodeResourcesFit scoring, default LeastAllocated (aws-rules.md item 8)
 */
public record EksClusterSpec(String name, EksSupport support, List<NodePoolSpec> nodePools, Autoscaler autoscaler,
        Scoring scoring, List<WorkloadSpec> workloads) {

    public EksClusterSpec {
        support = Specs.or(support, EksSupport.STANDARD);
        nodePools = Specs.list(nodePools);
        autoscaler = Specs.or(autoscaler, Autoscaler.NONE);
        scoring = Specs.or(scoring, Scoring.LEAST_ALLOCATED);
        workloads = Specs.list(workloads);
    }

    public enum EksSupport { STANDARD, EXTENDED }

    public enum Autoscaler { NONE, CLUSTER_AUTOSCALER }

    /** Spelt as the scheduler configuration spells them. */
    public enum Scoring {
        LEAST_ALLOCATED("LeastAllocated"), MOST_ALLOCATED("MostAllocated");

        private final String key;

        Scoring(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
