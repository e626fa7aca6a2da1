package dev.fleetsim.cluster;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.processor.Architecture;
import java.util.Set;

/**
 * Built-in attribute names: the ECS container instance attributes that memberOf expressions and spread
 * strategies use (ECS developer guide, task-placement-constraints.md, "Attributes"), and the well-known
 * Kubernetes node labels.
 */
public final class HostAttributes {

    public static final String ECS_AVAILABILITY_ZONE = "ecs.availability-zone";
    public static final String ECS_INSTANCE_TYPE = "ecs.instance-type";
    /** "x86_64" or "arm64". */
    public static final String ECS_CPU_ARCHITECTURE = "ecs.cpu-architecture";
    /** "linux" or "windows". */
    public static final String ECS_OS_TYPE = "ecs.os-type";

    public static final String K8S_ZONE = "topology.kubernetes.io/zone";
    public static final String K8S_INSTANCE_TYPE = "node.kubernetes.io/instance-type";
    /** "amd64" or "arm64". */
    public static final String K8S_ARCH = "kubernetes.io/arch";
    public static final String K8S_OS = "kubernetes.io/os";
    /** Unique per node: the host's id. */
    public static final String K8S_HOSTNAME = "kubernetes.io/hostname";

    private static final Set<String> BUILT_IN = Set.of(ECS_AVAILABILITY_ZONE, ECS_INSTANCE_TYPE, ECS_CPU_ARCHITECTURE,
            ECS_OS_TYPE, K8S_ZONE, K8S_INSTANCE_TYPE, K8S_ARCH, K8S_OS, K8S_HOSTNAME);

    private HostAttributes() {
    }

    public static boolean isBuiltIn(String name) {
        return BUILT_IN.contains(name);
    }

    /**
     * The value of a class-level attribute (everything but the hostname) of a host of {@code spec}, or null
     * when the host does not have it. ECS hosts carry the ecs.* attributes, EKS nodes the Kubernetes labels.
     */
    public static String classValue(HostKind kind, HostSpec spec, String name) {
        if (kind == HostKind.ECS_CONTAINER_INSTANCE) {
            switch (name) {
                case ECS_AVAILABILITY_ZONE:
                    return spec.zone();
                case ECS_INSTANCE_TYPE:
                    return spec.instanceType().name();
                case ECS_CPU_ARCHITECTURE:
                    return spec.instanceType().architecture().key();
                case ECS_OS_TYPE:
                    return spec.os() == OperatingSystem.WINDOWS ? "windows" : "linux";
                default:
                    break;
            }
        } else {
            switch (name) {
                case K8S_ZONE:
                    return spec.zone();
                case K8S_INSTANCE_TYPE:
                    return spec.instanceType().name();
                case K8S_ARCH:
                    return spec.instanceType().architecture() == Architecture.ARM64 ? "arm64" : "amd64";
                case K8S_OS:
                    return spec.os() == OperatingSystem.WINDOWS ? "windows" : "linux";
                default:
                    break;
            }
        }
        return spec.attributes().get(name);
    }
}
