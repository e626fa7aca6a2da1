package dev.fleetsim.placement;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What kube-scheduler needs of a pod template.
 *
 * @param cpuMillicores the pod's CPU request (sum over containers, or the largest init container if more)
 * @param memoryMiB the memory request in whole MiB (round a byte quantity up)
 * @param nodeSelector labels a node must carry with these values
 * @param requiredNodeAffinity terms of requiredDuringSchedulingIgnoredDuringExecution, ORed; empty: none
 */
public record PodSpec(String name, int cpuMillicores, int memoryMiB, Map<String, String> nodeSelector,
        List<NodeSelectorTerm> requiredNodeAffinity, List<Toleration> tolerations,
        List<TopologySpreadConstraint> topologySpread) {

    public PodSpec {
        Objects.requireNonNull(name, "name");
        if (cpuMillicores < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException("pod requests must be >= 0: " + cpuMillicores + "m, " + memoryMiB + " MiB");
        }
        nodeSelector = Collections.unmodifiableMap(new TreeMap<>(nodeSelector));
        requiredNodeAffinity = List.copyOf(requiredNodeAffinity);
        tolerations = List.copyOf(tolerations);
        topologySpread = List.copyOf(topologySpread);
    }

    /** A pod with requests only. */
    public static PodSpec of(String name, int cpuMillicores, int memoryMiB) {
        return new PodSpec(name, cpuMillicores, memoryMiB, Map.of(), List.of(), List.of(), List.of());
    }

    public PodSpec withNodeSelector(Map<String, String> selector) {
        return new PodSpec(name, cpuMillicores, memoryMiB, selector, requiredNodeAffinity, tolerations, topologySpread);
    }

    public PodSpec withRequiredNodeAffinity(List<NodeSelectorTerm> terms) {
        return new PodSpec(name, cpuMillicores, memoryMiB, nodeSelector, terms, tolerations, topologySpread);
    }

    public PodSpec withTolerations(List<Toleration> list) {
        return new PodSpec(name, cpuMillicores, memoryMiB, nodeSelector, requiredNodeAffinity, list, topologySpread);
    }

    public PodSpec withTopologySpread(List<TopologySpreadConstraint> constraints) {
        return new PodSpec(name, cpuMillicores, memoryMiB, nodeSelector, requiredNodeAffinity, tolerations, constraints);
    }
}
