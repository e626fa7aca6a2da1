package dev.fleetsim.scenario.spec;

/** A Spot price history CSV, relative to the scenario file. */
public record SpotTraceSpec(String file) {
}
