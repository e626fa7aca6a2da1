package dev.fleetsim.scenario.spec;

import java.time.Duration;

/** {@code count} arrivals at independent uniform times in [0, over). */
public record UniformArrivalsSpec(Integer count, Duration over) {
}
