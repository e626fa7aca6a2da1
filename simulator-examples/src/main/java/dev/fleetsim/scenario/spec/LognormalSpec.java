package dev.fleetsim.scenario.spec;

import java.time.Duration;

/** Log-normal with the given median (e^mu) and sigma (standard deviation of the log). */
public record LognormalSpec(Duration median, Double sigma) {
}
