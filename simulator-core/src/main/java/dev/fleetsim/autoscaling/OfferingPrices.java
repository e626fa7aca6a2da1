package dev.fleetsim.autoscaling;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;

/**
 * What Karpenter knows about the price and availability of an offering (instance type x zone x market, for an OS), without
 * money in core: the pricing module implements it over its price book and Spot market. Prices are exact integer
 * micro-dollars per instance-hour, so comparisons never round.
 */
public interface OfferingPrices {

    /** The offering's price now in micro-USD per hour (USD x 10^6), or a negative number when it has no price. */
    long microUsdPerHour(String instanceType, String zone, OperatingSystem os, Market market, long nowMs);

    /**
     * The Spot pool's Spot Advisor interruption-frequency bucket, 0 (under 5% a month) to 4 (over 20%)
     * (aws-rules.md item 4); price-capacity-optimized prefers the lowest. Not asked for On-Demand.
     */
    default int interruptionBucket(String instanceType, String zone, OperatingSystem os) {
        return 0;
    }

    /** False when the offering cannot launch now (a closed Spot pool, a zone outage). */
    default boolean available(String instanceType, String zone, OperatingSystem os, Market market, long nowMs) {
        return true;
    }
}
