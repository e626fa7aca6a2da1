package dev.fleetsim.autoscaling;

/**
 * How a mixed-instances group picks Spot pools (aws-rules.md item 4, allocation strategies; ASGUG
 * ec2-auto-scaling-mixed-instances-groups). A pool is an instance type in a zone; the zone is chosen first, by zone
 * balancing, and the strategy orders the pools within it.
 */
public enum SpotAllocationStrategy {
    /** The cheapest pools, spread evenly over the {@code spotInstancePools} cheapest in each zone. */
    LOWEST_PRICE("lowest-price"),
    /** The pools with the most spare capacity: the lowest interruption bucket; price ignored. */
    CAPACITY_OPTIMIZED("capacity-optimized"),
    /** Among the pools with the most spare capacity (lowest interruption bucket), the cheapest. AWS recommends it. */
    PRICE_CAPACITY_OPTIMIZED("price-capacity-optimized"),
    /** Evenly over all pools; never a pool priced at or above On-Demand. */
    DIVERSIFIED("diversified");

    private final String key;

    SpotAllocationStrategy(String key) {
        this.key = key;
    }

    /** The YAML spelling. */
    public String key() {
        return key;
    }
}
