package dev.fleetsim.run;

import java.util.Objects;

/**
 * One source of container capacity for the report: an ECS capacity provider's group, an EKS managed node group, or
 * an EKS cluster's provisioned (Karpenter) nodes.
 *
 * @param kind ecs-capacity-provider, eks-node-group or eks-provisioned-nodes
 */
record CapacityLine(String cluster, String name, String kind, ContainerInstances source) {

    /** The kind of an EKS cluster's provisioned (Karpenter) nodes. */
    static final String EKS_PROVISIONED_NODES = "eks-provisioned-nodes";

    CapacityLine {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
    }

    /** Replacements launched by the group; 0 for provisioned nodes (a controller launches those). */
    long replacements() {
        return source instanceof ContainerGroup g ? g.replacements() : 0;
    }
}
