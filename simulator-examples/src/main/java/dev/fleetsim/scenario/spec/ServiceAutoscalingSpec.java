package dev.fleetsim.scenario.spec;

import java.time.Duration;

/**
 * Target tracking for a service: desired = ceil(demand / (perTask * targetUtilization)), within min..max.
 *
 * @param scaleOutCooldown default PT300S (the Application Auto Scaling default for ECS)
 * @param scaleInCooldown default PT300S
 */
public record ServiceAutoscalingSpec(String signal, Double perTask, Double targetUtilization, Integer min,
        Integer max, Duration scaleOutCooldown, Duration scaleInCooldown) {

    public ServiceAutoscalingSpec {
        scaleOutCooldown = Specs.or(scaleOutCooldown, Duration.ofSeconds(300));
        scaleInCooldown = Specs.or(scaleInCooldown, Duration.ofSeconds(300));
    }
}
