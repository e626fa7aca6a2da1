package dev.fleetsim.scenario.spec;

/**
 * The instances distribution of a mixed-instances group; defaults are the Auto Scaling API's.
 *
 * @param onDemandBase default 0
 * @param onDemandPercentAboveBase 0..100, default 100 (all On-Demand)
 * @param spotAllocationStrategy default lowest-price
 * @param spotInstancePools for lowest-price: 1..20 pools per zone, default 2
 */
public record MixSpec(Integer onDemandBase, Integer onDemandPercentAboveBase,
        SpotAllocationStrategy spotAllocationStrategy, Integer spotInstancePools) {

    public MixSpec {
        onDemandBase = Specs.or(onDemandBase, 0);
        onDemandPercentAboveBase = Specs.or(onDemandPercentAboveBase, 100);
        spotAllocationStrategy = Specs.or(spotAllocationStrategy, SpotAllocationStrategy.LOWEST_PRICE);
        spotInstancePools = Specs.or(spotInstancePools, 2);
    }
}
