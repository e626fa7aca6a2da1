package dev.fleetsim.scenario.spec;

import java.util.List;

/** Rate overrides, commitments and the Spot market model (SPEC section 4). */
public record PricingSpec(List<RateSpec> rates, List<ReservedInstanceSpec> reservedInstances,
        List<SavingsPlanSpec> savingsPlans, SpotSpec spot) {

    public PricingSpec {
        rates = Specs.list(rates);
        reservedInstances = Specs.list(reservedInstances);
        savingsPlans = Specs.list(savingsPlans);
        spot = Specs.or(spot, new SpotSpec(null, null));
    }
}
