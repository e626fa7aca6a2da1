package dev.fleetsim.scenario.spec;

import java.time.Duration;

/**
 * A window in which an instance is {@code running} (billed); offsets from the scenario start.
 *
 * @param start default PT0S
 * @param end null: the end of the horizon
 */
public record RunSpec(Duration start, Duration end) {

    public RunSpec {
        start = Specs.or(start, Duration.ZERO);
    }
}
