package dev.fleetsim.scenario.spec;

import java.time.Duration;

/**
 * ECS cluster auto scaling on CapacityProviderReservation (aws-rules.md item 7); defaults are ECS's.
 *
 * @param targetCapacity percent, 1..100, default 100
 * @param minimumScalingStepSize default 1
 * @param maximumScalingStepSize default 10000
 * @param instanceWarmupPeriod default PT300S
 */
public record ManagedScalingSpec(Integer targetCapacity, Integer minimumScalingStepSize,
        Integer maximumScalingStepSize, Duration instanceWarmupPeriod) {

    public ManagedScalingSpec {
        targetCapacity = Specs.or(targetCapacity, 100);
        minimumScalingStepSize = Specs.or(minimumScalingStepSize, 1);
        maximumScalingStepSize = Specs.or(maximumScalingStepSize, 10_000);
        instanceWarmupPeriod = Specs.or(instanceWarmupPeriod, Duration.ofSeconds(300));
    }
}
