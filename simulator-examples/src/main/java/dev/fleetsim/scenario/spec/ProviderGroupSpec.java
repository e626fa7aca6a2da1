package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import java.util.List;

/**
 * The Auto Scaling group behind an EC2 capacity provider.
 *
 * @param zones empty: all scenario zones
 * @param desired default: min
 * @param market default on-demand
 * @param os default linux
 */
public record ProviderGroupSpec(List<String> instanceTypes, List<String> zones, Integer min, Integer max,
        Integer desired, Market market, OperatingSystem os) {

    public ProviderGroupSpec {
        instanceTypes = Specs.list(instanceTypes);
        zones = Specs.list(zones);
        desired = desired == null ? min : desired;
        market = Specs.or(market, Market.ON_DEMAND);
        os = Specs.or(os, OperatingSystem.LINUX);
    }
}
