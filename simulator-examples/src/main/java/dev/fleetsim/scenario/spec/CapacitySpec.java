package dev.fleetsim.scenario.spec;

import java.util.List;

/**
 * Finite EC2 capacity (fleetsim addition; SPEC section 2 says pools "may be finite" without pinning a key).
 *
 * @param pools limited pools; every other pool is unlimited
 */
public record CapacitySpec(List<CapacityPoolSpec> pools) {

    public CapacitySpec {
        pools = Specs.list(pools);
    }
}
