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
import dev.fleetsim.host.CapacityPools;
import dev.fleetsim.host.Ec2Instance;
import dev.fleetsim.host.HostFailureClock;
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
    private final RunHours hours;

    Ec2Groups(Simulation sim, Scenario scenario, InstanceCatalog catalog, PriceBook book, SpotRates spotRates,
            SpotInterruptionSource interruptions, Map<String, DemandSignal> signals, UsageListener usage,
            LifecycleTimings timings, long firstRunId, RunHours hours) {
        this(sim, scenario, catalog, book, spotRates, interruptions, signals, usage, timings, firstRunId, null,
                new HostFailureClock[scenario.spec().ec2().groups().size()], hours);
    }

    /**
     * @param pools finite capacity and zone closures every launch goes through; null for none
     * @param failureClocks per group spec, in file order: its host failure clock, or null
     * @param hours the run's clock-hours, for the demand meters' hourly integrals
     */
    Ec2Groups(Simulation sim, Scenario scenario, InstanceCatalog catalog, PriceBook book, SpotRates spotRates,
            SpotInterruptionSource interruptions, Map<String, DemandSignal> signals, UsageListener usage,
            LifecycleTimings timings, long firstRunId, CapacityPools pools, HostFailureClock[] failureClocks,
            RunHours hours) {
        this.hours = hours;
        List<GroupSpec> specs = scenario.spec().ec2().groups();
        for (int i = 0; i < specs.size(); i++) {
            // Each group gets its own range of 2^32 run ids.
            groups.add(new Group(sim, scenario, specs.get(i), catalog, book, spotRates, interruptions, signals,
                    usage, timings, firstRunId + ((long) i << 32), pools, failureClocks[i]));
        }
    }

    /**
     * A zone outage begins now: every instance of every group in the zone, running or launching, fails (its run ends
     * with HOST_FAILURE) and the group replaces it at once, in other zones while the zone's pools are closed (the
     * caller closes them first). Reading: the EC2 health check marks the impaired instances unhealthy and Auto
     * Scaling terminates and replaces them; detection time is not modelled.
     */
    void failZone(String zone) {
        for (Group g : groups) {
            g.failZone(zone);
        }
    }

    /** A zone outage has ended: every group using the zone rebalances into it (AZRebalance). */
    void zoneRecovered(String zone) {
        for (Group g : groups) {
            if (g.group.config().usableZones().contains(zone)) {
                g.group.rebalanceZones();
            }
        }
    }

    void start() {
        for (Group g : groups) {
            g.scaler.start();
            if (g.demand() != null) {
                hours.track(g.demand());
            }
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
        private final CapacityPools pools;
        private final HostFailureClock failureClock;
        long hostFailures;
        long outageFailures;
        /** Launches made by the group right after losing an instance to a host failure or an outage. */
        long replacements;

        private final EventHandler onRebalance = (s, id) -> rebalance((int) id);
        private final EventHandler onNotice = (s, id) -> notice((int) id);
        private final EventHandler onReclaim = (s, id) -> reclaim((int) id);
        private final EventHandler onHostFailure = (s, id) -> hostFailure((int) id);
        private final EventHandler onForcedNotice = (s, unused) -> {
            for (int id = 0; id < instances.size(); id++) {
                if (instances.get(id).usage().market() == Market.SPOT) {
                    notice(id);
                }
            }
        };

        Group(Simulation sim, Scenario scenario, GroupSpec spec, InstanceCatalog catalog, PriceBook book,
                SpotRates spotRates, SpotInterruptionSource interruptions, Map<String, DemandSignal> signals,
                UsageListener usage, LifecycleTimings timings, long firstRunId, CapacityPools pools,
                HostFailureClock failureClock) {
            this.sim = sim;
            this.spec = spec;
            this.pools = pools;
            this.failureClock = failureClock;
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
                InstanceType reference = scaling.referenceType() == null ? types.get(0)
                        : catalog.require(scaling.referenceType());
                model = new CapacityModel(scaling.perInstance(), scaling.targetUtilization(), reference,
                        scenario.throughputFactors());
                tracking = new TargetTrackingPolicy(signals.get(scaling.signal()), model);
            } else if (scaling != null && scaling.isScheduled()) {
                for (ScheduledActionSpec a : scaling.schedule()) {
                    schedule.add(new ScheduledAction(a.at().toMillis(), keep(a.desired()), keep(a.min()),
                            keep(a.max())));
                }
            }
            MarketPoolView spotPools = new MarketPoolView(spotRates, book, spec.os(), spec.tenancy(),
                    scenario.spec().start());
            this.group = new AutoScalingGroup(sim, config, this, spotPools, model);
            this.scaler = new GroupScaler(sim, group, tracking, schedule);
        }

        @Override
        public int launch(String instanceType, String zone, Market market) {
            if (pools != null && !pools.tryAcquire(instanceType, zone, market)) {
                return INSUFFICIENT_CAPACITY; // the group falls back to its next type, then zone
            }
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
            if (pools != null && (current == InstanceState.STOPPED || current == InstanceState.TERMINATED)) {
                pools.release(instance.usage());
            }
            if (current == InstanceState.RUNNING && failureClock != null) {
                // A group instance runs once: one failure clock per instance, keyed by group and id.
                long seed = failureClock.instanceSeed("ec2.groups/" + spec.name() + "/" + instance.instanceId());
                long dt = failureClock.runningMsUntilFailure(seed, 0);
                if (dt <= sim.horizonMs() - timeMs) {
                    sim.schedule(timeMs + dt, Phase.LIFECYCLE, onHostFailure, instance.instanceId() - firstRunId);
                }
            }
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

        /** The host under a running instance fails: the group's health check replaces it (counted). */
        private void hostFailure(int id) {
            if (!live(id)) {
                return;
            }
            hostFailures++;
            lose(id);
        }

        private void failZone(String zone) {
            int n = instances.size(); // replacements append; they are not in the zone (its pools are closed)
            for (int id = 0; id < n; id++) {
                Ec2Instance instance = instances.get(id);
                if (group.contains(id) && instance.usage().zone().equals(zone)
                        && (instance.state() == InstanceState.RUNNING || instance.state() == InstanceState.PENDING)) {
                    outageFailures++;
                    lose(id);
                }
            }
        }

        private void lose(int id) {
            instances.get(id).terminate(EndCause.HOST_FAILURE);
            long before = group.launches();
            group.instanceLost(id);
            replacements += group.launches() - before;
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
