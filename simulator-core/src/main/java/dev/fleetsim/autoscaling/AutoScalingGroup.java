package dev.fleetsim.autoscaling;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.demand.CapacityModel;
import dev.fleetsim.demand.DemandMeter;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * An EC2 Auto Scaling group on the engine (SPEC section 3; aws-rules.md items 4 and 9): keeps its instance count at
 * the desired capacity, within min and max, launching through an {@link InstanceProvisioner} and deciding where.
 * What sets the desired capacity (scheduled actions, target tracking) lives in {@link GroupScaler}.
 *
 * <p><b>Launching.</b> Missing On-Demand instances are launched first, then Spot, per the {@link InstancesDistribution}.
 * Each launch walks the zones in balancing order and, per zone, the types in the market's order ({@link LaunchPlanner});
 * an InsufficientInstanceCapacity answer moves on to the next type, then the next zone. When every pool fails, the
 * launch fails for now (counted) and the group retries at its next reconcile; it never substitutes On-Demand for Spot,
 * as Auto Scaling does not.
 *
 * <p><b>Scaling in</b> follows the default termination policy ({@link TerminationPolicy}). <b>Warm-up.</b> A launched
 * instance serves demand {@code warmupMs} after launch (it is billed from launch; that is the runner's business).
 * Instances launched by {@link #start()} are the group as the scenario finds it, already in service.
 *
 * <p><b>AZ rebalancing</b> after a zone recovers: {@link #rebalanceZones}. <b>Capacity Rebalancing</b> (ASGUG
 * ec2-auto-scaling-capacity-rebalancing): on a rebalance recommendation for one of its Spot instances, a group with
 * {@code capacityRebalance} launches a Spot replacement at once, in another pool than the at-risk one (reading: a
 * replacement in the same pool would share its risk), and terminates the at-risk instance when the replacement is in
 * service (AWS: "waits until the new instance passes its health check"). While replacing, the group may exceed max by
 * 10% of desired, at least 1 (reading of the documented allowance). If the interruption comes first, the replacement
 * simply stays. Without rebalancing, an interrupted instance is replaced when it is lost.
 *
 * <p>Not thread-safe; all calls come from the simulation's events. The provisioner must not call back into the group.
 */
public final class AutoScalingGroup {

    private final Simulation sim;
    private final GroupConfig config;
    private final InstanceProvisioner provisioner;
    private final String[] typeNames;
    private final String[] zoneNames;
    private final double[] throughput;
    private final Fleet fleet;
    private final LaunchPlanner planner;
    private final int[] zoneScratch;
    private final int[] typeScratch;
    private final int[] targetZones;
    private final TerminationPolicy policy;
    /** Slots launched by AZ rebalancing whose pair has not completed yet. */
    private final BitSet zoneReplacements = new BitSet();
    private final EventHandler onWarm = (s, slot) -> warmedUp((int) slot);
    /** Instance ids protected from scale in (ASGUG ec2-auto-scaling-instance-protection). */
    private final BitSet scaleInProtected = new BitSet();

    private int min;
    private int max;
    private int desired;
    private boolean started;
    private boolean startingWarm;
    private DemandMeter meter;

    private long launches;
    private long failedLaunches;
    private long insufficientCapacityErrors;
    private long scaleInTerminations;
    private long rebalanceRecommendations;
    private long rebalanceLaunches;
    private long rebalanceTerminations;
    private long azRebalanceLaunches;
    private long azRebalanceTerminations;
    private long lostInstances;
    private int peakSize;

    /**
     * @param spotPools required unless the distribution is all On-Demand
     * @param capacity the demand each type serves; null when the group serves no demand signal
     */
    public AutoScalingGroup(Simulation sim, GroupConfig config, InstanceProvisioner provisioner, SpotPoolView spotPools,
                            CapacityModel capacity) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.config = Objects.requireNonNull(config, "config");
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        if (spotPools == null && !config.distribution().allOnDemand()) {
            throw new IllegalArgumentException(config.name() + ": a group that launches Spot needs a Spot pool view");
        }
        List<InstanceType> types = config.instanceTypes();
        List<String> zones = config.usableZones();
        this.typeNames = new String[types.size()];
        for (int t = 0; t < typeNames.length; t++) {
            typeNames[t] = types.get(t).name();
        }
        this.zoneNames = zones.toArray(new String[0]);
        if (capacity != null) {
            throughput = new double[typeNames.length];
            for (int t = 0; t < typeNames.length; t++) {
                throughput[t] = capacity.throughputOf(types.get(t));
            }
        } else {
            throughput = null;
        }
        Ec2PlacementGroup pg = config.placementGroup();
        this.fleet = new Fleet(typeNames.length, zoneNames.length, pg.partitionsPerZone());
        this.planner = new LaunchPlanner(typeNames, zoneNames, config.distribution(), pg.maxPerZone(), spotPools, fleet);
        this.zoneScratch = new int[zoneNames.length];
        this.typeScratch = new int[typeNames.length];
        this.targetZones = new int[zoneNames.length];
        this.policy = new TerminationPolicy(fleet, config.distribution(), scaleInProtected, zoneNames.length);
        this.min = config.min();
        this.max = config.max();
        this.desired = config.desired();
    }

    /** Launches the initial desired capacity, in service at once. Call once, from an event or before the run. */
    public void start() {
        if (started) {
            throw new IllegalStateException(config.name() + " has already started");
        }
        started = true;
        startingWarm = true;
        try {
            reconcile();
        } finally {
            startingWarm = false;
        }
    }

    /** Sets the desired capacity, clamped to [min, max], and launches or terminates to match. */
    public void setDesired(int newDesired) {
        desired = Math.max(min, Math.min(max, newDesired));
        reconcile();
    }

    /** Applies a scheduled action (SPEC section 5): min and max first, then desired, clamped to them. */
    public void apply(ScheduledAction action) {
        int newMin = action.min() == ScheduledAction.KEEP ? min : action.min();
        int newMax = action.max() == ScheduledAction.KEEP ? max : action.max();
        if (newMin > newMax) {
            throw new IllegalStateException(config.name() + ": scheduled action at " + action.atMs()
                    + " ms leaves min " + newMin + " above max " + newMax);
        }
        min = newMin;
        max = newMax;
        setDesired(action.desired() == ScheduledAction.KEEP ? desired : action.desired());
    }

    /**
     * Brings the group to its desired capacity: terminates the surplus, launches what is missing (retrying pools that
     * failed before), and launches replacements for at-risk instances that still lack one.
     */
    public void reconcile() {
        if (!started) {
            throw new IllegalStateException(config.name() + " has not started");
        }
        long now = sim.nowMs();
        while (fleet.effectiveCount() > desired) {
            terminate(policy.scaleInVictim(now, desired));
            scaleInTerminations++;
        }
        int toLaunch = desired - fleet.effectiveCount();
        if (toLaunch > 0) {
            int odTarget = config.distribution().onDemandTarget(desired);
            int odNeed = Math.min(toLaunch, Math.max(0, odTarget - fleet.effectiveCount(Fleet.ON_DEMAND)));
            launchUpTo(Fleet.ON_DEMAND, odNeed, now);
            launchUpTo(Fleet.SPOT, toLaunch - odNeed, now);
        }
        if (config.capacityRebalance()) {
            replaceAtRisk(now);
        }
        peakSize = Math.max(peakSize, fleet.liveCount());
    }

    /**
     * AZRebalance (ASGUG auto-scaling-benefits.md, "Rebalancing activities",
     * https://docs.aws.amazon.com/autoscaling/ec2/userguide/auto-scaling-benefits.html), called when a zone recovers:
     * while the fullest zone holds at least 2 more instances than another, launch one in the emptiest such zone (list
     * order on ties; if refused, the next) of the market of the victim chosen in the fullest zone
     * ({@link TerminationPolicy#zoneVictim}), and terminate the victim once the new one is in service: AWS "launches
     * new instances before terminating the earlier ones" and may exceed max "by a margin of 10 percent or one
     * instance, whichever is greater": here at most max + max(1, floor(max / 10)) live (reading: whole instances, not
     * above 10%). A completed pair starts the next step; when no zone takes a launch, the activity ends.
     */
    public void rebalanceZones() {
        if (!started) {
            throw new IllegalStateException(config.name() + " has not started");
        }
        rebalanceZonesNow(sim.nowMs());
    }

    /** EC2 sent a rebalance recommendation for an instance (aws-rules.md item 4); ignored if not one of ours. */
    public void rebalanceRecommendation(int instanceId) {
        int s = fleet.slotOf(instanceId);
        if (s < 0 || fleet.market(s) != Fleet.SPOT || fleet.atRisk(s)) {
            return;
        }
        rebalanceRecommendations++;
        fleet.markAtRisk(s);
        if (config.capacityRebalance()) {
            replaceAtRisk(sim.nowMs());
            peakSize = Math.max(peakSize, fleet.liveCount());
        }
    }

    /**
     * An instance of the group is gone without the group asking (Spot interruption, host failure, zone outage): the
     * runner has ended its run. The group launches what is now missing. Ignored if not one of ours.
     */
    public void instanceLost(int instanceId) {
        int s = fleet.slotOf(instanceId);
        if (s < 0) {
            return;
        }
        beforeServingChange(s);
        scaleInProtected.clear(fleet.id(s));
        fleet.remove(s);
        lostInstances++;
        reconcile();
    }

    /**
     * Instance scale-in protection (ASGUG ec2-auto-scaling-instance-protection; ECS managed termination protection
     * sets it on container instances that run tasks): scale in picks among unprotected instances first. Reading:
     * when every candidate is protected, the group still scales in as asked (the runner drains the victim before
     * terminating it) rather than staying above desired as AWS would.
     */
    public void setScaleInProtection(int instanceId, boolean protect) {
        requireSlot(instanceId);
        scaleInProtected.set(instanceId, protect);
    }

    /**
     * TerminateInstanceInAutoScalingGroup: terminates one instance now; with {@code decrementDesired} the desired
     * capacity drops by one (AWS refuses that below min: {@link IllegalStateException} here), otherwise the group
     * launches a replacement.
     */
    public void terminateInstance(int instanceId, boolean decrementDesired) {
        int s = requireSlot(instanceId);
        if (decrementDesired && desired - 1 < min) {
            throw new IllegalStateException(config.name() + ": desired capacity " + desired + " is at min " + min
                    + "; cannot decrement");
        }
        if (decrementDesired) {
            desired--;
        }
        terminate(s);
        scaleInTerminations++;
        reconcile();
    }

    /** Instances AZ rebalancing terminates last in a zone (container hosts running tasks); must not call back. */
    public void keepIfPossibleWhenRebalancing(IntPredicate busyInstance) {
        policy.keepIfPossible(busyInstance);
    }

    /** Measures served demand from now on: the group advances the meter before each change of serving capacity. */
    public void attachMeter(DemandMeter demandMeter) {
        if (throughput == null) {
            throw new IllegalStateException(config.name() + " has no capacity model to serve demand with");
        }
        this.meter = Objects.requireNonNull(demandMeter, "demandMeter");
    }

    // ---- Queries ----

    public GroupConfig config() {
        return config;
    }

    public String name() {
        return config.name();
    }

    public int desired() {
        return desired;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }

    /** Live instances, including at-risk ones already replaced. */
    public int size() {
        return fleet.liveCount();
    }

    /** Instances that count toward the desired capacity (at-risk instances with a live replacement do not). */
    public int effectiveSize() {
        return fleet.effectiveCount();
    }

    public int onDemandCount() {
        return fleet.effectiveCount(Fleet.ON_DEMAND);
    }

    public int spotCount() {
        return fleet.effectiveCount(Fleet.SPOT);
    }

    public int inServiceCount() {
        int n = 0;
        for (int t = 0; t < typeNames.length; t++) {
            n += fleet.inServiceOfType(t);
        }
        return n;
    }

    /** Live instances in one zone. */
    public int countInZone(String zone) {
        for (int z = 0; z < zoneNames.length; z++) {
            if (zoneNames[z].equals(zone)) {
                return fleet.inZone(z);
            }
        }
        return 0;
    }

    /** Live instance ids in launch order. */
    public int[] instanceIds() {
        IntArrayList live = fleet.live();
        int[] ids = new int[live.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = fleet.id(live.getInt(i));
        }
        return ids;
    }

    public boolean contains(int instanceId) {
        return fleet.slotOf(instanceId) >= 0;
    }

    public String typeOf(int instanceId) {
        return typeNames[fleet.type(requireSlot(instanceId))];
    }

    public String zoneOf(int instanceId) {
        return zoneNames[fleet.zone(requireSlot(instanceId))];
    }

    public Market marketOf(int instanceId) {
        return fleet.market(requireSlot(instanceId)) == Fleet.SPOT ? Market.SPOT : Market.ON_DEMAND;
    }

    /** The instance's partition within its zone, 0-based (0 unless a partition placement group). */
    public int partitionOf(int instanceId) {
        return fleet.partition(requireSlot(instanceId));
    }

    public boolean inService(int instanceId) {
        return fleet.inService(requireSlot(instanceId));
    }

    /** True once a rebalance recommendation has come for the instance. */
    public boolean atRisk(int instanceId) {
        return fleet.atRisk(requireSlot(instanceId));
    }

    /** True if the instance is at risk and its Capacity Rebalancing replacement is live (it no longer counts). */
    public boolean replaced(int instanceId) {
        return fleet.replacedBy(requireSlot(instanceId)) >= 0;
    }

    /** Demand the in-service instances serve at 100% utilization. */
    public double servingCapacity() {
        requireCapacityModel();
        double c = 0;
        for (int t = 0; t < throughput.length; t++) {
            c += fleet.inServiceOfType(t) * throughput[t];
        }
        return c;
    }

    /**
     * The mean throughput of the instances that count toward capacity (warming ones included, since they will
     * serve); the first type's when there are none.
     */
    public double meanThroughputPerInstance() {
        requireCapacityModel();
        double sum = 0;
        int n = 0;
        for (int t = 0; t < throughput.length; t++) {
            int k = fleet.effectiveOfType(t);
            sum += k * throughput[t];
            n += k;
        }
        return n == 0 ? throughput[0] : sum / n;
    }

    public long launches() {
        return launches;
    }

    /** Launches that found no pool with capacity anywhere (each retried later). */
    public long failedLaunches() {
        return failedLaunches;
    }

    /** Single pool attempts answered with InsufficientInstanceCapacity (each fell back to another pool). */
    public long insufficientCapacityErrors() {
        return insufficientCapacityErrors;
    }

    public long scaleInTerminations() {
        return scaleInTerminations;
    }

    public long rebalanceRecommendations() {
        return rebalanceRecommendations;
    }

    public long rebalanceLaunches() {
        return rebalanceLaunches;
    }

    public long rebalanceTerminations() {
        return rebalanceTerminations;
    }

    /** Instances launched by AZ rebalancing ({@link #rebalanceZones}). */
    public long azRebalanceLaunches() {
        return azRebalanceLaunches;
    }

    /** Instances AZ rebalancing terminated in an over-represented zone once their replacement was in service. */
    public long azRebalanceTerminations() {
        return azRebalanceTerminations;
    }

    public long lostInstances() {
        return lostInstances;
    }

    public int peakSize() {
        return peakSize;
    }

    // ---- Internals ----

    private void launchUpTo(int market, int count, long now) {
        for (int i = 0; i < count; i++) {
            if (launchOne(market, -1, -1, now) < 0) {
                failedLaunches++;
                return;
            }
        }
    }

    /** Launches one instance, skipping the pool (excludedType, excludedZone); returns its slot or -1. */
    private int launchOne(int market, int excludedType, int excludedZone, long now) {
        int zones = planner.zones(market, zoneScratch);
        for (int zi = 0; zi < zones; zi++) {
            int z = zoneScratch[zi];
            int s = launchInZone(market, z, z == excludedZone ? excludedType : -1, now);
            if (s >= 0) {
                return s;
            }
        }
        return -1;
    }

    /** Launches one instance in zone z, trying its types in the market's order; returns its slot or -1. */
    private int launchInZone(int market, int z, int excludedType, long now) {
        Market m = market == Fleet.SPOT ? Market.SPOT : Market.ON_DEMAND;
        int types = planner.types(market, z, now, excludedType, typeScratch);
        for (int ti = 0; ti < types; ti++) {
            int t = typeScratch[ti];
            int id = provisioner.launch(typeNames[t], zoneNames[z], m);
            if (id < 0) {
                insufficientCapacityErrors++;
                continue;
            }
            int s = fleet.add(id, t, z, market, now);
            launches++;
            if (startingWarm || config.warmupMs() == 0) {
                markInService(s);
            } else {
                sim.schedule(now + config.warmupMs(), Phase.LIFECYCLE, onWarm, s);
            }
            return s;
        }
        return -1;
    }

    private void replaceAtRisk(long now) {
        if (!fleet.hasUncoveredAtRisk()) {
            return;
        }
        int ceiling = max + Math.max(1, (desired + 9) / 10);
        IntArrayList live = fleet.live();
        int n = live.size(); // launches append, so the first n entries stay put
        for (int i = 0; i < n && fleet.liveCount() < ceiling; i++) {
            int s = live.getInt(i);
            if (fleet.atRisk(s) && fleet.replacedBy(s) < 0 && fleet.replaces(s) < 0) {
                int r = launchOne(Fleet.SPOT, fleet.type(s), fleet.zone(s), now);
                if (r < 0) {
                    failedLaunches++;
                    return;
                }
                fleet.link(s, r);
                rebalanceLaunches++;
            }
        }
    }

    private void warmedUp(int slot) {
        if (fleet.slotOf(fleet.id(slot)) != slot) {
            zoneReplacements.clear(slot); // terminated or lost while warming up
            return;
        }
        markInService(slot);
        int replaced = fleet.replaces(slot);
        boolean zonePair = zoneReplacements.get(slot);
        if (replaced >= 0) {
            terminate(replaced);
            if (zonePair) {
                azRebalanceTerminations++;
            } else {
                rebalanceTerminations++;
            }
        }
        if (zonePair) {
            zoneReplacements.clear(slot);
            rebalanceZonesNow(sim.nowMs()); // the next step, if the zones are still unbalanced
        }
    }

    /** AZ rebalancing steps while the group is below its rebalancing ceiling (see {@link #rebalanceZones}). */
    private void rebalanceZonesNow(long now) {
        int ceiling = max + Math.max(1, max / 10);
        while (fleet.liveCount() < ceiling && rebalanceStep(now)) {
            peakSize = Math.max(peakSize, fleet.liveCount());
        }
    }

    /** One AZ rebalancing step (see {@link #rebalanceZones}); false if balanced or no zone took the launch. */
    private boolean rebalanceStep(long now) {
        int full = planner.zonesToRebalance(targetZones);
        int n = planner.rebalanceTargetCount();
        int victim = n == 0 ? -1 : policy.zoneVictim(full, now);
        if (victim < 0) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int r = launchInZone(fleet.market(victim), targetZones[i], -1, now);
            if (r < 0) {
                continue;
            }
            azRebalanceLaunches++;
            fleet.link(victim, r);
            if (fleet.inService(r)) {
                terminate(victim); // no warm-up: the pair completes at once
                azRebalanceTerminations++;
            } else {
                zoneReplacements.set(r);
            }
            return true;
        }
        return false;
    }

    private void markInService(int s) {
        beforeServingChange(-1);
        fleet.markInService(s);
    }

    private void terminate(int s) {
        beforeServingChange(s);
        int id = fleet.id(s);
        fleet.remove(s);
        scaleInProtected.clear(id);
        provisioner.terminate(id);
    }

    /** Advances the meter with the capacity that held until now, before slot s (or a new one, -1) changes it. */
    private void beforeServingChange(int s) {
        if (meter != null && (s < 0 || fleet.inService(s))) {
            meter.advance(sim.nowMs(), servingCapacity());
        }
    }

    private int requireSlot(int instanceId) {
        int s = fleet.slotOf(instanceId);
        if (s < 0) {
            throw new IllegalArgumentException(config.name() + " has no instance " + instanceId);
        }
        return s;
    }

    private void requireCapacityModel() {
        if (throughput == null) {
            throw new IllegalStateException(config.name() + " has no capacity model");
        }
    }
}
