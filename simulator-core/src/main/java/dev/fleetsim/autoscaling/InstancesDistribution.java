package dev.fleetsim.autoscaling;

import java.util.Objects;

/**
 * The purchase-option split of a mixed-instances group (SPEC section 5, {@code mix}; aws-rules.md item 4; ASG
 * InstancesDistribution). The first {@code onDemandBase} instances are On-Demand; of the rest,
 * {@code onDemandPercentAboveBase} percent are On-Demand and the others Spot.
 *
 * <p>Reading (AWS documents no rounding rule we could verify): the On-Demand share above the base is rounded up,
 * so the percentage is a floor on On-Demand and Spot never exceeds its share. 3 above base at 20% gives 1 On-Demand
 * (0.6 rounded up) and 2 Spot.
 *
 * @param onDemandBase >= 0; default 0
 * @param onDemandPercentAboveBase 0..100; default 100 (all On-Demand)
 * @param spotInstancePools for {@link SpotAllocationStrategy#LOWEST_PRICE}: how many of the cheapest pools per zone
 *     to spread over, 1..20; default 2
 */
public record InstancesDistribution(int onDemandBase, int onDemandPercentAboveBase,
        SpotAllocationStrategy spotAllocationStrategy, int spotInstancePools) {

    /** The Auto Scaling defaults: all On-Demand. */
    public static final InstancesDistribution ALL_ON_DEMAND =
            new InstancesDistribution(0, 100, SpotAllocationStrategy.LOWEST_PRICE, 2);

    public InstancesDistribution {
        Objects.requireNonNull(spotAllocationStrategy, "spotAllocationStrategy");
        if (onDemandBase < 0) {
            throw new IllegalArgumentException("onDemandBase must be >= 0, got " + onDemandBase);
        }
        if (onDemandPercentAboveBase < 0 || onDemandPercentAboveBase > 100) {
            throw new IllegalArgumentException("onDemandPercentAboveBase must be 0..100, got "
                    + onDemandPercentAboveBase);
        }
        if (spotInstancePools < 1 || spotInstancePools > 20) {
            throw new IllegalArgumentException("spotInstancePools must be 1..20, got " + spotInstancePools);
        }
    }

    /** All Spot above an On-Demand base. */
    public static InstancesDistribution spot(int onDemandBase, SpotAllocationStrategy strategy) {
        return new InstancesDistribution(onDemandBase, 0, strategy, 2);
    }

    /** How many of {@code capacity} instances are On-Demand. */
    public int onDemandTarget(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        int base = Math.min(capacity, onDemandBase);
        long above = capacity - base;
        return base + (int) ((above * onDemandPercentAboveBase + 99) / 100);
    }

    /** How many of {@code capacity} instances are Spot. */
    public int spotTarget(int capacity) {
        return capacity - onDemandTarget(capacity);
    }

    /** True if no capacity is ever Spot. */
    public boolean allOnDemand() {
        return onDemandPercentAboveBase == 100;
    }
}
