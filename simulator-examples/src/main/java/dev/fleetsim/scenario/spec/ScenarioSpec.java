package dev.fleetsim.scenario.spec;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A scenario file as written (SPEC section 5). Defaults are filled in; nothing is validated here (see
 * {@code dev.fleetsim.scenario.ScenarioValidator}). Required keys ({@code name}, {@code horizon}) stay null
 * when missing.
 *
 * @param seed default 1
 * @param start default 2026-01-01T00:00:00Z; billing clock-hours align to UTC hours
 * @param region default us-east-1
 * @param zones default: the region's zones a, b and c
 * @param demand named demand signals, in file order
 * @param processors per-vCPU throughput factor overrides by microarchitecture key ({@code graviton3: 1.5})
 * @param lifecycle launch, stop and startup latency overrides
 * @param capacity finite capacity pools (fleetsim addition); none by default
 */
public record ScenarioSpec(String name, Long seed, Instant start, Duration horizon, String region,
        List<String> zones, Map<String, DemandSpec> demand, Ec2Spec ec2, EcsSpec ecs, EksSpec eks,
        PricingSpec pricing, List<FaultSpec> faults, Map<String, Double> processors, LifecycleSpec lifecycle,
        CapacitySpec capacity) {

    public static final long DEFAULT_SEED = 1L;
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
    public static final String DEFAULT_REGION = "us-east-1";

    public ScenarioSpec {
        seed = Specs.or(seed, DEFAULT_SEED);
        start = Specs.or(start, DEFAULT_START);
        region = Specs.or(region, DEFAULT_REGION);
        zones = zones == null ? List.of(region + "a", region + "b", region + "c") : Specs.list(zones);
        demand = Specs.map(demand);
        ec2 = Specs.or(ec2, new Ec2Spec(null, null));
        ecs = Specs.or(ecs, new EcsSpec(null));
        eks = Specs.or(eks, new EksSpec(null));
        pricing = Specs.or(pricing, new PricingSpec(null, null, null, null));
        faults = Specs.list(faults);
        processors = Specs.map(processors);
        lifecycle = Specs.or(lifecycle, new LifecycleSpec(null, null, null, null));
        capacity = Specs.or(capacity, new CapacitySpec(null));
    }
}
