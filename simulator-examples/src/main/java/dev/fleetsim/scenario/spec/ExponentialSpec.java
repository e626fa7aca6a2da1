package dev.fleetsim.scenario.spec;

import java.time.Duration;

public record ExponentialSpec(Duration mean) {
}
