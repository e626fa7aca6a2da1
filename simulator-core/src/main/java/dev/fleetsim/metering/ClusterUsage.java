package dev.fleetsim.metering;

import java.util.Objects;

/** An EKS control plane, billed per cluster-hour (aws-rules.md item 6). */
public record ClusterUsage(String cluster, boolean extendedSupport) implements Meterable {
    public ClusterUsage {
        Objects.requireNonNull(cluster, "cluster");
    }
}
