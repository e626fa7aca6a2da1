package dev.fleetsim.cluster;

/** Which orchestrator a container host serves; decides the CPU unit and the reserved overhead. */
public enum HostKind {
    /** An ECS container instance: CPU in CPU units (1024 per vCPU), no limit on the number of tasks. */
    ECS_CONTAINER_INSTANCE(1024),
    /** An EKS node: CPU in millicores (1000 per vCPU), pods limited to the type's max pods (aws-rules.md item 6). */
    EKS_NODE(1000);

    private final int cpuPerVcpu;

    HostKind(int cpuPerVcpu) {
        this.cpuPerVcpu = cpuPerVcpu;
    }

    /** CPU units per vCPU: 1024 for ECS, 1000 (millicores) for Kubernetes. */
    public int cpuPerVcpu() {
        return cpuPerVcpu;
    }
}
