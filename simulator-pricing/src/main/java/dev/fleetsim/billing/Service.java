package dev.fleetsim.billing;

/** The AWS service a line of usage belongs to; keys of the bill's {@code byService} map (SPEC section 7). */
public enum Service {
    EC2("ec2"), FARGATE("fargate"), EKS("eks");

    private final String key;

    Service(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
