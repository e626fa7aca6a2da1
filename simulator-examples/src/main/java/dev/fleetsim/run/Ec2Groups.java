package dev.fleetsim.run;

import dev.fleetsim.autoscaling.AutoScalingGroup;
import dev.fleetsim.autoscaling.Ec2PlacementGroup;
import dev.fleetsim.autoscaling.GroupConfig;
import dev.fleetsim.autoscaling.GroupScaler;
import dev.fleetsim.autoscaling.InstanceProvisioner;
import dev.fleetsim.autoscaling.InstancesDistribution;
import dev.fleetsim.autoscaling.InterruptionPlan;
import dev.fleetsim.autoscaling.ScheduledAction;
import dev.fleetsim.autoscaling.SpotAllocationStrategy;
import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.autoscaling.TargetTrackingPolicy;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.demand.CapacityModel;
import dev.fleetsim.demand.DemandMeter;
import dev.fleetsim.demand.DemandSignal;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Ec2Instance;
import dev.fleetsim.host.InstanceEnvironment;
import dev.fleetsim.host.InstanceState;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.spec.GroupSpec;
import dev.fleetsim.scenario.spec.ScalingSpec;
import dev.fleetsim.scenario.spec.ScheduledActionSpec;
import dev.fleetsim.spot.MarketPoolView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code ec2.groups} on the engine: one {@link AutoScalingGroup} per spec, scaled by its {@link GroupScaler}
 * (scheduled actions or target tracking on a demand signal), whose instances are real {@link Ec2Instance}s
 * billed through the usage listener. A Spot instance draws its interruption plan when it starts running
 * (aws-rules.md item 4): the rebalance recommendation goes to the group (Capacity Rebalancing), the 2-minute
 * notice is counted, and at the reclaim time the instance terminates with {@link EndCause#INTERRUPTED_BY_AWS}
 * and the group replaces it.
 */
final class Ec2Groups {

    private final List<Group> groups = new ArrayList<>();

    Ec2Groups(Simulation sim, Scenario scenario, InstanceCatalog catalog, PriceBook book, SpotRates spotRates,
            SpotInterruptionSource interruptions, Map<String, DemandSignal> signals, UsageListener usage,
            LifecycleTimings timings, long firstRunId) {
        List<GroupSpec> specs = scenario.spec().ec2().groups();
        for (int i = 0; i < specs.size(); i++) {
            // Each group gets its own range of 2^32 run ids.
            groups.add(new Group(sim, scenario, specs.get(i), catalog, book, spotRates, interruptions, signals,
                    usage, timings, firstRunId + ((long) i << 32)));
        }
    }

    void start() {
        for (Group g : groups) {
            g.scaler.start();
        }
    }

    /** Closes open runs and demand meters at the horizon; call after the run. */
    void finish(long horizonMs) {
        for (Group g : groups) {
            g.finish(horizonMs);
        }
    }

    List<Group> groups() {
        return groups;
    }

    /**
     * A forced {@code spot-interruption} of a group at {@code atMs}: every Spot instance of the group running
     * then gets the 2-minute notice (a pool-wide reclaim), and the group replaces what it loses.
     *
     * @return false if no group has that name
     */
    boolean interrupt(String name, long atMs) {
        for (Group g : groups) {
            if (g.name().equals(name)) {
                if (atMs <= g.sim.horizonMs()) {
                    g.sim.schedule(atMs, Phase.LIFECYCLE, g.onForcedNotice, 0);
                }
                return true;
            }
        }
        return false;
    }

    /** One group, its provisioner and its counters. */
    static final class Group implements InstanceProvisioner {

        private final Simulation sim;
        private final GroupSpec spec;
        private final SpotInterruptionSource interruptions;
        private final InstanceEnvironment env;
        private final long firstRunId;
        private final List<Ec2Instance> instances = new ArrayList<>();
        final AutoScalingGroup group;
        final GroupScaler scaler;
        long notices;

        private final EventHandler onRebalance = (s, id) -> rebalance((int) id);
        private final EventHandler onNotice = (s, id) -> notice((int) id);
        private final EventHandler onReclaim = (s, id) -> reclaim((int) id);
        private final EventHandler onForcedNotice = (s, unused) -> {
            for (int id = 0; id < instances.size(); id++) {
                if (instances.get(id).usage().market() == Market.SPOT) {
                    notice(id);
                }
            }
        };

        Group(Simulation sim, Scenario scenario, GroupSpec spec, InstanceCatalog catalog, PriceBook book,
                SpotRates spotRates, SpotInterruptionSource interruptions, Map<String, DemandSignal> signals,
                UsageListener usage, LifecycleTimings timings, long firstRunId) {
            this.sim = sim;
            this.spec = spec;
            this.interruptions = interruptions;
            this.firstRunId = firstRunId;
            this.env = new InstanceEnvironment(sim, timings, usage, this::onStateChange);
            List<InstanceType> types = new ArrayList<>();
            for (String t : spec.instanceTypes()) {
                types.add(catalog.require(t));
            }
            List<String> zones = spec.zones().isEmpty() ? scenario.spec().zones() : spec.zones();
            ScalingSpec scaling = spec.scaling();
            InstancesDistribution distribution = new InstancesDistribution(spec.mix().onDemandBase(),
                    spec.mix().onDemandPercentAboveBase(),
                    SpotAllocationStrategy.valueOf(spec.mix().spotAllocationStrategy().name()),
                    spec.mix().spotInstancePools());
            long warmupMs = scaling == null ? GroupConfig.DEFAULT_WARMUP_MS : scaling.instanceWarmup().toMillis();
            GroupConfig config = new GroupConfig(spec.name(), types, zones, spec.min(), spec.max(), spec.desired(),
                    distribution, spec.capacityRebalance(), placementGroup(spec), warmupMs);
            CapacityModel model = null;
            TargetTrackingPolicy tracking = null;
            List<ScheduledAction> schedule = new ArrayList<>();
            if (scaling != null && scaling.signal() != null) {
                model = new CapacityModel(scaling.perInstance(), scaling.targetUtilization(), types.get(0),
                        scenario.throughputFactors());
                tracking = new TargetTrackingPolicy(signals.get(scaling.signal()), model);
            } else if (scaling != null && scaling.isScheduled()) {
                for (ScheduledActionSpec a : scaling.schedule()) {
                    schedule.add(new ScheduledAction(a.at().toMillis(), keep(a.desired()), keep(a.min()),
                            keep(a.max())));
                }
            }
            MarketPoolView pools = new MarketPoolView(spotRates, book, spec.os(), spec.tenancy(),
                    scenario.spec().start());
            this.group = new AutoScalingGroup(sim, config, this, pools, model);
            this.scaler = new GroupScaler(sim, group, tracking, schedule);
        }

        @Override
        public int launch(String instanceType, String zone, Market market) {
            int id = instances.size();
            InstanceUsage usage = new InstanceUsage(instanceType, zone, spec.os(), spec.tenancy(), market);
            // The initial desired capacity is in service when the scenario starts, as fixed instances are.
            Ec2Instance instance = sim.eventsProcessed() == 0 && sim.nowMs() == 0
                    ? Ec2Instance.alreadyRunning(env, firstRunId + id, usage)
                    : Ec2Instance.launch(env, firstRunId + id, usage);
            instances.add(instance);
            return id;
        }

        @Override
        public void terminate(int instanceId) {
            Ec2Instance instance = instances.get(instanceId);
            if (instance.state().canTransitionTo(InstanceState.SHUTTING_DOWN)) {
                instance.terminate();
            }
        }

        private void onStateChange(Ec2Instance instance, InstanceState previous, InstanceState current, long timeMs) {
            if (current != InstanceState.RUNNING || instance.usage().market() != Market.SPOT) {
                return;
            }
            int id = (int) (instance.instanceId() - firstRunId);
            InstanceUsage u = instance.usage();
            InterruptionPlan plan = interruptions.plan(instance.instanceId(), u.instanceType(), u.zone(), u.os(),
                    timeMs);
            if (plan.earlyRebalance() && plan.rebalanceAtMs() <= sim.horizonMs()) {
                sim.schedule(plan.rebalanceAtMs(), Phase.LIFECYCLE, onRebalance, id);
            }
            if (plan.interrupted() && plan.noticeAtMs() <= sim.horizonMs()) {
                sim.schedule(plan.noticeAtMs(), Phase.LIFECYCLE, onNotice, id);
            }
        }

        private boolean live(int id) {
            return instances.get(id).state() == InstanceState.RUNNING && group.contains(id);
        }

        private void rebalance(int id) {
            if (live(id)) {
                group.rebalanceRecommendation(id);
            }
        }

        private void notice(int id) {
            if (!live(id)) {
                return;
            }
            notices++;
            long reclaimAt = sim.nowMs() + InterruptionPlan.NOTICE_LEAD_MS;
            if (reclaimAt <= sim.horizonMs()) {
                sim.schedule(reclaimAt, Phase.LIFECYCLE, onReclaim, id);
            }
        }

        private void reclaim(int id) {
            if (!live(id)) {
                return;
            }
            instances.get(id).terminate(EndCause.INTERRUPTED_BY_AWS);
            group.instanceLost(id);
        }

        void finish(long horizonMs) {
            for (Ec2Instance instance : instances) {
                instance.closeRunAtHorizon();
            }
            scaler.finish(horizonMs);
        }

        String name() {
            return spec.name();
        }

        DemandMeter demand() {
            return scaler.meter();
        }

        private static int keep(Integer value) {
            return value == null ? ScheduledAction.KEEP : value;
        }

        private static Ec2PlacementGroup placementGroup(GroupSpec spec) {
            if (spec.placementGroup() == null) {
                return Ec2PlacementGroup.NONE;
            }
            return switch (spec.placementGroup().strategy()) {
                case CLUSTER -> new Ec2PlacementGroup.Cluster();
                case SPREAD -> new Ec2PlacementGroup.Spread();
                case PARTITION -> new Ec2PlacementGroup.Partition(spec.placementGroup().partitions());
            };
        }
    }
}
