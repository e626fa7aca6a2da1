package dev.fleetsim.scenario.spec;

/**
 * A capacity provider of an ECS cluster: the predefined {@code FARGATE} or {@code FARGATE_SPOT}, or an EC2
 * Auto Scaling group ({@code group}) whose instances become container instances.
 *
 * @param managedScaling null: the group is not scaled by ECS
 */
public record CapacityProviderSpec(String name, ProviderGroupSpec group, ManagedScalingSpec managedScaling) {

    public static final String FARGATE = "FARGATE";
    public static final String FARGATE_SPOT = "FARGATE_SPOT";

    public boolean isFargate() {
        return FARGATE.equals(name) || FARGATE_SPOT.equals(name);
    }
}
