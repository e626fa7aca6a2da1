package dev.fleetsim.scenario.spec;

import java.time.Duration;

/** From {@code at} (offset from the scenario start) on, the signal is {@code value}; before the first step, 0. */
public record StepSpec(Duration at, Double value) {
}
