package dev.fleetsim.scenario.spec;

import java.time.Duration;

/** At {@code at}, set desired (and optionally min and max) capacity. */
public record ScheduledActionSpec(Duration at, Integer desired, Integer min, Integer max) {
}
