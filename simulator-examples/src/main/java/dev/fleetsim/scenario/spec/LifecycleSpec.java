package dev.fleetsim.scenario.spec;

import java.time.Duration;

/**
 * Latency overrides (not in SPEC section 5; documented in docs/scenario-reference.md). Null means the
 * engine's default. AWS documents no launch latency (aws-rules.md item 10), so these are user choices.
 *
 * @param instanceLaunch pending to running
 * @param instanceStop stopping to stopped
 * @param instanceTerminate shutting-down to terminated
 * @param taskStartup placement (Fargate: image pull, billed) to serving, before a task's or pod's duration; SPEC
 *     default none (PT0S)
 */
public record LifecycleSpec(Duration instanceLaunch, Duration instanceStop, Duration instanceTerminate,
        Duration taskStartup) {

    public LifecycleSpec {
        taskStartup = Specs.or(taskStartup, Duration.ZERO);
    }
}
