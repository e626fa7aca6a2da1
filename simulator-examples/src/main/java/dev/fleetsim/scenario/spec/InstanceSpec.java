package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.util.List;

/**
 * Fixed EC2 instances.
 *
 * @param count default 1
 * @param os default linux
 * @param tenancy default shared
 * @param zone null: spread over the scenario zones
 * @param market default on-demand
 * @param runs billed windows; empty means the whole horizon
 * @param interruptionBehavior for Spot: terminate (default), stop or hibernate (aws-rules.md item 4)
 */
public record InstanceSpec(String name, String type, Integer count, OperatingSystem os, Tenancy tenancy,
        String zone, Market market, List<RunSpec> runs, InterruptionBehavior interruptionBehavior) {

    public InstanceSpec {
        count = Specs.or(count, 1);
        os = Specs.or(os, OperatingSystem.LINUX);
        tenancy = Specs.or(tenancy, Tenancy.SHARED);
        market = Specs.or(market, Market.ON_DEMAND);
        runs = Specs.list(runs);
        interruptionBehavior = Specs.or(interruptionBehavior, InterruptionBehavior.TERMINATE);
    }
}
