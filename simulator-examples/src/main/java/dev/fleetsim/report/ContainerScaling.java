package dev.fleetsim.report;

import java.util.Objects;

/**
 * What a capacity controller did to one container capacity source: ECS managed scaling to a capacity provider's group,
 * the Cluster Autoscaler to an EKS managed node group. Written as {@code scaling} inside its {@code containerCapacity}
 * entry.
 *
 * @param controller {@code managed-scaling} or {@code cluster-autoscaler}
 * @param peakDesired the largest desired capacity of the run
 * @param scaleOuts actions that raised desired; {@code instancesAdded} instances they added
 * @param scaleIns actions that removed instances; {@code instancesRemoved} instances they removed
 */
public record ContainerScaling(String controller, int peakDesired, long scaleOuts, long instancesAdded, long scaleIns,
        long instancesRemoved) {

    public ContainerScaling {
        Objects.requireNonNull(controller, "controller");
        if (peakDesired < 0 || scaleOuts < 0 || instancesAdded < 0 || scaleIns < 0 || instancesRemoved < 0) {
            throw new IllegalArgumentException("scaling counts must not be negative: " + controller);
        }
    }
}
