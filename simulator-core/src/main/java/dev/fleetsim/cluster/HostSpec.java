package dev.fleetsim.cluster;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.host.OperatingSystem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a container host is when it joins a cluster. Hosts with equal specs form one host class: they
 * answer every attribute query, node selector and taint check alike, which the placement indexes exploit.
 *
 * @param attributes custom ECS attributes or Kubernetes node labels (e.g. a node pool's labels); built-in
 *     names ({@link HostAttributes}) are derived from the other fields and may not be set here
 * @param taints Kubernetes node taints; empty for ECS
 */
public record HostSpec(InstanceType instanceType, String zone, OperatingSystem os, Map<String, String> attributes,
        List<Taint> taints) {

    public HostSpec {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(os, "os");
        if (zone.isEmpty()) {
            throw new IllegalArgumentException("a host needs a zone");
        }
        // Sorted, so that anything printed from it is in a stable order.
        attributes = Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(attributes, "attributes")));
        taints = List.copyOf(Objects.requireNonNull(taints, "taints"));
        for (String name : attributes.keySet()) {
            if (HostAttributes.isBuiltIn(name)) {
                throw new IllegalArgumentException("attribute '" + name + "' is built in (derived from the host's "
                        + "type, zone and OS) and cannot be set");
            }
        }
    }

    /** A Linux host without custom attributes or taints. */
    public static HostSpec of(InstanceType instanceType, String zone) {
        return new HostSpec(instanceType, zone, OperatingSystem.LINUX, Map.of(), List.of());
    }
}
