package dev.fleetsim.scenario.spec;

import java.time.Duration;
import java.util.List;

/**
 * Rolling deployments of a service (aws-rules.md item 7).
 *
 * @param at when a new revision starts rolling out (offsets from the start)
 * @param minimumHealthyPercent default 100; the task floor is rounded up
 * @param maximumPercent default 200; the task ceiling is rounded down
 */
public record DeploymentSpec(List<Duration> at, Integer minimumHealthyPercent, Integer maximumPercent) {

    public DeploymentSpec {
        at = Specs.list(at);
        minimumHealthyPercent = Specs.or(minimumHealthyPercent, 100);
        maximumPercent = Specs.or(maximumPercent, 200);
    }
}
