package dev.fleetsim.billing;

/** Which price dimension of a usage key a billing line charges. */
public enum LineComponent {
    /** An EC2 instance-hour. */
    INSTANCE("instance"),
    /** Fargate vCPU-hours (quantity = vCPUs of the task). */
    VCPU("vcpu"),
    /** Fargate GB-hours of memory. */
    MEMORY("memory"),
    /** Fargate ephemeral storage above the 20 GiB included. */
    EPHEMERAL_STORAGE("ephemeral-storage"),
    /** Fargate Windows OS licence per vCPU. */
    OS_LICENSE("os-license"),
    /** An EKS cluster-hour. */
    CONTROL_PLANE("control-plane");

    private final String key;

    LineComponent(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
