package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.Market;

/**
 * One capacity pool with a cap: at most {@code max} instances of {@code type} in {@code zone} hold capacity at once;
 * a launch beyond fails with InsufficientInstanceCapacity.
 *
 * @param market null: On-Demand and Spot instances share the cap
 */
public record CapacityPoolSpec(String type, String zone, Market market, Integer max) {
}
