package dev.fleetsim.run;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.BillingEngine;
import dev.fleetsim.report.HourlyCosts;
import dev.fleetsim.report.HourlyCoverage;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.ClusterUsage;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioRunner;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.demand.DemandSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Runs a scenario on the event engine and bills it: the scenario's workloads emit billable runs into a
 * {@link UsageMeter}; at the horizon the open runs close and the {@link BillingEngine} prices every clock-hour.
 * Sections the engine does not simulate yet are named in {@link RunResult#notSimulated()}, never silently
 * dropped.
 */
public final class EngineScenarioRunner implements ScenarioRunner {

    /** Run ids of different sources never collide: each takes its own range. */
    private static final long EC2_RUN_IDS = 0L;
    private static final long EKS_RUN_IDS = 1L << 40;
    /** Auto Scaling groups: group i takes [GROUP_RUN_IDS + i x 2^32, + 2^32). */
    private static final long GROUP_RUN_IDS = 1L << 50;
    /** ECS and EKS clusters: blocks of 2^40 from here (see ContainerClusters). */
    private static final long CONTAINER_RUN_IDS = 1L << 56;

    private final Supplier<InstanceCatalog> catalog;
    private final Supplier<PriceBook> prices;

    /** Takes the data lazily: a CLI loads the price book only for a scenario that passed the loader's checks. */
    public EngineScenarioRunner(Supplier<InstanceCatalog> catalog, Supplier<PriceBook> prices) {
        this.catalog = catalog;
        this.prices = prices;
    }

    public EngineScenarioRunner(InstanceCatalog catalog, PriceBook prices) {
        this(() -> catalog, () -> prices);
    }

    /**
     * Every problem a run would refuse this scenario for, all at once, without running it: rates the price data lacks
     * (PricingSetup, SpotPriceChecks, container pools) and run windows too close for the instance lifecycle.
     */
    @Override
    public void check(Scenario scenario) throws InvalidScenarioException {
        PricingSetup pricing = new PricingSetup(catalog.get(), prices.get());
        check(scenario, pricing, pricing.priceBook(scenario.spec()));
    }

    private static void check(Scenario scenario, PricingSetup pricing, PriceBook book) throws InvalidScenarioException {
        List<Issue> issues = new ArrayList<>(Ec2Instances.windowIssues(scenario.spec(), scenario.horizonMs()));
        issues.addAll(pricing.issues(scenario.spec(), book));
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
    }

    @Override
    public RunResult run(Scenario scenario, RunOptions options) throws InvalidScenarioException {
        ScenarioSpec spec = scenario.spec();
        PricingSetup pricing = new PricingSetup(catalog.get(), prices.get());
        PriceBook book = pricing.priceBook(spec);
        check(scenario, pricing, book);
        // The run's clock-hours, as billing counts them: one derivation for every hourly series.
        RunHours hours = RunHours.of(spec.start(), scenario.horizonMs());
        HourlyCoverage coverage = new HourlyCoverage(16, (int) Math.min(Integer.MAX_VALUE / 2,
                scenario.horizonMs() / 3_600_000L + 2));
        RandomStreams streams = new RandomStreams(spec.seed());
        SpotSetup spot = SpotSetup.of(scenario, book, streams);
        BillingEngine billing = pricing.billingEngine(spec, book, coverage, spot.rates());
        Simulation sim = new Simulation(scenario.horizonMs());
        UsageMeter meter = UsageMeter.startingAt(spec.start());
        UsageTee usage = new UsageTee(meter);

        // Finite capacity pools and zone outages: every EC2 launcher goes through one CapacityPools.
        Faults faults = new Faults(spec);
        Ec2Instances instances = new Ec2Instances(sim, spec, usage, EC2_RUN_IDS, spot.interruptions(),
                faults.pools(), faults.instanceClocks(), Faults.RECOVERY_DELAY_MS);
        Map<String, DemandSignal> signals = DemandSignalsFromSpec.build(scenario, streams);
        Ec2Groups groups = new Ec2Groups(sim, scenario, catalog.get(), book, spot.rates(), spot.interruptions(),
                signals, usage, Ec2Instances.timings(spec.lifecycle()), GROUP_RUN_IDS, faults.pools(),
                faults.groupClocks(), hours);
        groups.start();
        for (FaultSpec fault : spec.faults()) {
            if (fault.kind() == FaultSpec.Kind.SPOT_INTERRUPTION) {
                if (!groups.interrupt(fault.target(), fault.at().toMillis())) {
                    instances.interrupt(fault.target(), fault.at().toMillis());
                }
            }
        }
        List<EksClusterSpec> eks = spec.eks().clusters();
        for (int i = 0; i < eks.size(); i++) {
            // aws-rules.md item 6: the control plane bills per cluster-hour for as long as the cluster exists.
            usage.runStarted(EKS_RUN_IDS + i, new ClusterUsage(eks.get(i).name(),
                    eks.get(i).support() == EksClusterSpec.EksSupport.EXTENDED), 0L);
            long run = EKS_RUN_IDS + i;
            sim.schedule(scenario.horizonMs(), Phase.LIFECYCLE,
                    (s, id) -> usage.runEnded(id, s.nowMs(), EndCause.HORIZON), run);
        }

        // Containers (ECS, EKS nodes and workloads): ContainerClusters.
        ContainerClusters containers = new ContainerClusters(sim, spec, catalog.get(), usage, streams, signals,
                hours, CONTAINER_RUN_IDS, new CapacitySetup(book, spot.rates(), spec.start(), spot.interruptions(),
                        Ec2Instances.timings(spec.lifecycle()), ContainerInstances.CapacityGate.of(faults.pools())));
        faults.failContainerHosts(containers.capacityLines());
        faults.scheduleOutages(sim, instances, groups, containers.capacityLines(), containers);
        for (FaultSpec fault : spec.faults()) {
            // Capacity providers and managed node pools: every Spot instance gets the notice at the fault's time.
            if (fault.kind() == FaultSpec.Kind.SPOT_INTERRUPTION
                    && spec.ec2().groups().stream().noneMatch(g -> g.name().equals(fault.target()))) {
                containers.interrupt(fault.target(), fault.at().toMillis());
            }
        }

        long processed = sim.run();
        groups.finish(scenario.horizonMs());
        Bill bill = billing.bill(meter);
        Optional<HourlyCosts> hourly = HourlyCosts.of(bill, meter, coverage, spot.rates());
        return new ReportAssembler(spec, hours).assemble(bill, hourly, meter, usage, instances, groups, containers, processed,
                NotSimulated.sections(spec), faults);
    }
}
