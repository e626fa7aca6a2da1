package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostListener;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.EcsTaskGroup;
import dev.fleetsim.placement.PlacementGroup;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * ECS cluster auto scaling of one EC2 capacity provider (managed scaling, aws-rules.md item 7): target tracking on
 * CapacityProviderReservation, steering the provider's Auto Scaling group through its {@link NodeGroup}.
 *
 * <p>Every minute (first at start + 60 s, {@link Phase#AUTOSCALING}, after the instant's placement pass):
 * <ul>
 *   <li>Draining (cordoned) instances are left out of everything below.</li>
 *   <li>N = the group's container instances past their warm-up ({@code instanceWarmupPeriod} after joining);
 *       instances present at {@link #start()} count as warm.</li>
 *   <li>M = instances running at least one task + a first-fit-decreasing estimate of the empty instances of the
 *       group's first instance type that the waiting tasks need ({@link BinPackEstimate}). Reading: a task still
 *       waiting after the instant's placement pass fits on no current instance, so it needs new ones, which makes
 *       M > N whenever a placeable task waits (the deep-dive blog's "M > N when tasks are provisioning"). Tasks
 *       that no instance of the type can ever run (too large, other architecture, a memberOf it fails) are left
 *       out: more instances would not help them.</li>
 *   <li>CPR = M / N x 100; N = 0 with M > 0 gives 200, N = 0 with M = 0 gives 100 (no action).</li>
 *   <li>Scale out when CPR > targetCapacity: the wanted size is ceil(M x 100 / target) (N = 0: ceil(200 /
 *       target), as if one instance stood at 200%: 2 instances at target 100); the step over the current desired
 *       capacity is clamped to [minimumScalingStepSize, maximumScalingStepSize], the result to max. Instances
 *       launched earlier are already in desired, so warming instances are never launched twice; they only stay out
 *       of N, so their capacity does not count until warm.</li>
 *   <li>Scale in when CPR < target for 15 consecutive datapoints: to ceil(M x 100 / target) but not below min,
 *       at most half of desired per action (at least 1; the "Faster scaling-in" blog's 50% step limit), removing
 *       only empty instances (managed termination protection shields those running tasks) through
 *       {@link NodeGroup#drainAndRemove}; the zone with the most of the group's instances first (the ASG's
 *       default termination policy balances zones), then the most recently joined. Reading: after a scale-in the
 *       count starts again, so each scale-in needs 15 fresh datapoints.</li>
 * </ul>
 */
public final class ManagedScaling implements HostListener {

    /** ECS publishes CapacityProviderReservation every minute. */
    public static final long PERIOD_MS = 60_000L;
    /** The scale-in alarm needs 15 one-minute datapoints below the target. */
    public static final int SCALE_IN_DATAPOINTS = 15;

    /**
     * A capacity provider's managed scaling settings (ECS defaults in {@link #DEFAULT}).
     *
     * @param targetCapacityPercent 1..100
     */
    public record Config(int targetCapacityPercent, int minimumScalingStepSize, int maximumScalingStepSize,
            long instanceWarmupMs) {

        public static final Config DEFAULT = new Config(100, 1, 10_000, 300_000L);

        public Config {
            if (targetCapacityPercent < 1 || targetCapacityPercent > 100) {
                throw new IllegalArgumentException("targetCapacity must be 1..100 percent, got " + targetCapacityPercent);
            }
            if (minimumScalingStepSize < 1 || maximumScalingStepSize < minimumScalingStepSize) {
                throw new IllegalArgumentException("scaling steps need 1 <= minimum <= maximum, got "
                        + minimumScalingStepSize + " and " + maximumScalingStepSize);
            }
            if (instanceWarmupMs < 0) {
                throw new IllegalArgumentException("instanceWarmupPeriod must be >= 0, got " + instanceWarmupMs + " ms");
            }
        }
    }

    private final Simulation sim;
    private final NodeGroup group;
    private final ClusterRuntime runtime;
    private final Config config;
    private final GroupMembership membership;
    private final BinPackEstimate estimate = new BinPackEstimate();
    private final EventHandler onTick = (s, unused) -> tick();
    private int[] placed = new int[8];
    private long[] joinedAtMs = new long[16];
    private int[] empties = new int[16];
    private boolean started;

    private int datapointsBelow;
    private int lastM;
    private int lastN;
    private int scaleOuts;
    private int scaleIns;
    private int instancesAdded;
    private int instancesRemoved;
    private int peakDesired;

    /** @param runtime the task runtime placing on {@code group.hosts()} (the provider's tasks) */
    public ManagedScaling(Simulation sim, NodeGroup group, ClusterRuntime runtime, Config config) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.group = Objects.requireNonNull(group, "group");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.config = Objects.requireNonNull(config, "config");
        this.membership = new GroupMembership(group.hosts(), List.of(group));
        group.hosts().addListener(this);
        peakDesired = group.desired();
    }

    /** Schedules the evaluations, the first one minute from now. Call once. */
    public void start() {
        if (started) {
            throw new IllegalStateException("managed scaling of " + group.name() + " has already started");
        }
        started = true;
        ContainerHosts hosts = group.hosts();
        ensureHosts(hosts.hostSlots());
        for (int h = 0; h < hosts.hostSlots(); h++) {
            joinedAtMs[h] = Long.MIN_VALUE / 2;
        }
        schedule(sim.nowMs() + PERIOD_MS);
    }

    @Override
    public void hostAdded(int host) {
        ensureHosts(host + 1);
        joinedAtMs[host] = started ? sim.nowMs() : Long.MIN_VALUE / 2;
    }

    private void tick() {
        evaluate();
        schedule(sim.nowMs() + PERIOD_MS);
    }

    private void schedule(long atMs) {
        if (atMs <= sim.horizonMs()) {
            sim.schedule(atMs, Phase.AUTOSCALING, onTick, 0);
        }
    }

    /** One datapoint: measures M and N and acts on the target. Public for tests that drive it by hand. */
    public void evaluate() {
        long now = sim.nowMs();
        ContainerHosts hosts = group.hosts();
        int n = 0;
        int busy = 0;
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (!hosts.isActive(h) || hosts.isCordoned(h) || membership.groupOf(h) != 0) {
                continue;
            }
            if (now - joinedAtMs[h] >= config.instanceWarmupMs()) {
                n++;
            }
            if (hosts.runningCount(h) > 0) {
                busy++;
            }
        }
        int m = busy + instancesForWaitingTasks(hosts);
        lastM = m;
        lastN = n;
        int target = config.targetCapacityPercent();
        int desired = group.desired();
        boolean above = n == 0 ? m > 0 : 100L * m > (long) target * n;
        boolean below = n > 0 && 100L * m < (long) target * n;
        if (above) {
            datapointsBelow = 0;
            long wanted = n == 0 ? ceilDiv(200, target) : ceilDiv(100L * m, target);
            long step = wanted - desired;
            if (step > 0) {
                step = Math.max(config.minimumScalingStepSize(), Math.min(config.maximumScalingStepSize(), step));
                int next = (int) Math.min(group.max(), desired + step);
                if (next > desired) {
                    group.setDesired(next);
                    scaleOuts++;
                    instancesAdded += next - desired;
                    peakDesired = Math.max(peakDesired, group.desired());
                }
            }
        } else if (below) {
            if (++datapointsBelow >= SCALE_IN_DATAPOINTS) {
                datapointsBelow = 0;
                long wanted = Math.max(group.min(), ceilDiv(100L * m, target));
                long remove = Math.min(desired - wanted, Math.max(1, desired / 2));
                if (remove > 0 && removeEmpty(hosts, (int) remove) > 0) {
                    scaleIns++;
                }
            }
        } else {
            datapointsBelow = 0;
        }
    }

    /** First-fit-decreasing estimate of the new instances the waiting tasks need. */
    private int instancesForWaitingTasks(ContainerHosts hosts) {
        if (runtime.pendingCount() == 0) {
            return 0;
        }
        HostSpec template = group.template(0);
        estimate.clear();
        List<Workload> workloads = runtime.workloads();
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            if (w.waitingCount() == 0 || !(w.target() instanceof TaskTarget.OnHosts)) {
                continue;
            }
            PlacementGroup g = ((TaskTarget.OnHosts) w.target()).group();
            boolean distinct = false;
            if (g instanceof EcsTaskGroup) {
                EcsTaskGroup ecs = (EcsTaskGroup) g;
                if (!ecs.admits(template)) {
                    continue;
                }
                distinct = ecs.distinctInstance();
            }
            estimate.add(g.cpuRequest(), g.memoryRequestMiB(), w.waitingCount(), distinct);
        }
        if (placed.length < estimate.batchCount()) {
            placed = new int[Math.max(estimate.batchCount(), placed.length * 2)];
        }
        return estimate.pack(hosts.allocatableCpuOf(template), hosts.allocatableMemoryMiBOf(template),
                hosts.podCapacityOf(template), Integer.MAX_VALUE, placed);
    }

    /** Removes up to {@code count} empty instances, never below min; returns how many went. */
    private int removeEmpty(ContainerHosts hosts, int count) {
        int e = 0;
        Map<String, Integer> perZone = new HashMap<>(); // lookup only
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (hosts.isActive(h) && !hosts.isCordoned(h) && membership.groupOf(h) == 0) {
                perZone.merge(hosts.zone(h), 1, Integer::sum);
                if (hosts.runningCount(h) == 0) {
                    if (e == empties.length) {
                        empties = Arrays.copyOf(empties, e * 2);
                    }
                    empties[e++] = h;
                }
            }
        }
        int removed = 0;
        while (removed < count && e > 0 && group.desired() > group.min()) {
            int best = 0;
            for (int k = 1; k < e; k++) {
                if (before(hosts, perZone, empties[k], empties[best])) {
                    best = k;
                }
            }
            int h = empties[best];
            empties[best] = empties[--e];
            perZone.merge(hosts.zone(h), -1, Integer::sum);
            group.drainAndRemove(h);
            removed++;
        }
        instancesRemoved += removed;
        return removed;
    }

    /** Termination order: the fuller zone, then the later join, then the higher index. */
    private boolean before(ContainerHosts hosts, Map<String, Integer> perZone, int a, int b) {
        int za = perZone.get(hosts.zone(a));
        int zb = perZone.get(hosts.zone(b));
        if (za != zb) {
            return za > zb;
        }
        if (joinedAtMs[a] != joinedAtMs[b]) {
            return joinedAtMs[a] > joinedAtMs[b];
        }
        return a > b;
    }

    private void ensureHosts(int slots) {
        if (joinedAtMs.length < slots) {
            joinedAtMs = Arrays.copyOf(joinedAtMs, Math.max(slots, joinedAtMs.length * 2));
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    public NodeGroup group() {
        return group;
    }

    public Config config() {
        return config;
    }

    /** M of the last datapoint: instances the provider's tasks need. */
    public int lastInstancesNeeded() {
        return lastM;
    }

    /** N of the last datapoint: warm instances. */
    public int lastInstancesWarm() {
        return lastN;
    }

    /** CapacityProviderReservation of the last datapoint, percent (200 for N = 0 with M > 0). */
    public double lastReservationPercent() {
        if (lastN == 0) {
            return lastM > 0 ? 200 : 100;
        }
        return lastM * 100.0 / lastN;
    }

    /** Scale-out actions taken. */
    public int scaleOuts() {
        return scaleOuts;
    }

    /** Scale-in actions taken (each removing one or more empty instances). */
    public int scaleIns() {
        return scaleIns;
    }

    /** Instances added to desired by scale-outs. */
    public int instancesAdded() {
        return instancesAdded;
    }

    /** Instances removed by scale-ins. */
    public int instancesRemoved() {
        return instancesRemoved;
    }

    /** The largest desired capacity seen, from the start. */
    public int peakDesired() {
        return peakDesired;
    }
}
