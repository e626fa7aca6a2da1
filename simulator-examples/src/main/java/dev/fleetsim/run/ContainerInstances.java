package dev.fleetsim.run;

import dev.fleetsim.autoscaling.InterruptionPlan;
import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostKind;
import dev.fleetsim.cluster.HostSpec;
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
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.workload.ClusterRuntime;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Real EC2 instances that serve as container hosts: each is an {@link Ec2Instance} billed through the usage
 * listener from launch (InstanceUsage: its type, zone, OS, shared tenancy, its market), and joins the cluster's
 * {@link ContainerHosts} when it reaches {@code running}, named {@code PREFIX-N} in joining order.
 *
 * <p>Spot (aws-rules.md item 4): a Spot instance draws its interruption plan from the pool's hazard when it starts
 * running; a forced {@code spot-interruption} gives every running Spot instance the notice at once. At the 2-minute
 * notice the host is cordoned and drained: on ECS the container instance goes DRAINING
 * (ECS_ENABLE_SPOT_INSTANCE_DRAINING): service tasks are stopped and replaced elsewhere, standalone tasks keep
 * running; on EKS the node is cordoned and every pod evicted (Deployments recreate theirs, Jobs rerun theirs,
 * {@link ClusterRuntime#drainPods}). At notice + 120 s the instance terminates with
 * {@link EndCause#INTERRUPTED_BY_AWS} (billing applies the first-hour rule) and whatever still runs on it is
 * interrupted.
 *
 * <p>Removing a host for any other reason (scale in, {@code drainAndRemove}) drains it the same way first, so no
 * task is stopped silently: ECS services get replacements, standalone tasks count as interrupted; EKS pods are
 * evicted as above.
 *
 * <p>Ids: instance i (in launch order) bills as run {@code firstRunId + i}. Not thread-safe.
 */
abstract class ContainerInstances {

    /**
     * Whether a pool (type x zone x market) has capacity for a launch now; the runner may close pools. A true answer
     * is the launch: the instance takes the capacity, and gives it back through {@link #release} when it reaches
     * stopped or terminated.
     */
    @FunctionalInterface
    interface CapacityGate {
        CapacityGate ALWAYS = (type, zone, market, nowMs) -> true;

        boolean open(String instanceType, String zone, Market market, long nowMs);

        /** An instance this gate let launch no longer holds its capacity. */
        default void release(String instanceType, String zone, Market market) {
        }

        /** The run's finite pools and zone closures (faults): the same accounting EC2 instances and groups use. */
        static CapacityGate of(CapacityPools pools) {
            return new CapacityGate() {
                @Override
                public boolean open(String instanceType, String zone, Market market, long nowMs) {
                    return pools.tryAcquire(instanceType, zone, market);
                }

                @Override
                public void release(String instanceType, String zone, Market market) {
                    pools.release(instanceType, zone, market);
                }
            };
        }
    }

    /** Which host failure clock an instance of this source runs on, by its host spec; null: it does not fail. */
    @FunctionalInterface
    interface FailureClocks {
        HostFailureClock clockFor(HostSpec spec);
    }

    protected final Simulation sim;
    protected final ContainerHosts hosts;
    private final ClusterRuntime runtime;
    private final SpotInterruptionSource hazard;
    private final CapacityGate gate;
    private final InstanceEnvironment env;
    private final long firstRunId;
    private final String hostPrefix;

    private final List<Ec2Instance> instances = new ArrayList<>();
    private final List<HostSpec> specs = new ArrayList<>();
    private final IntArrayList hostOfInstance = new IntArrayList();
    private int[] instanceOfHost = new int[16];
    private final BitSet noticed = new BitSet();
    private int joined;
    private long notices;
    private long reclaimed;
    private long launched;
    private long refused;
    private FailureClocks failureClocks;
    private String failureKey;
    private long hostFailures;
    private long outageFailures;
    private long faultReplacements;

    private final EventHandler onNotice = (s, id) -> notice((int) id);
    private final EventHandler onReclaim = (s, id) -> reclaim((int) id);
    private final EventHandler onHostFailure = (s, id) -> {
        if (running((int) id)) {
            hostFailures++;
            failInstance((int) id);
        }
    };
    private final EventHandler onRebalance = (s, id) -> {
        if (running((int) id)) {
            rebalance((int) id);
        }
    };

    ContainerInstances(Simulation sim, ContainerHosts hosts, ClusterRuntime runtime, UsageListener usage,
            LifecycleTimings timings, SpotInterruptionSource hazard, CapacityGate gate, long firstRunId,
            String hostPrefix) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.hazard = Objects.requireNonNull(hazard, "hazard");
        this.gate = Objects.requireNonNull(gate, "gate");
        this.firstRunId = firstRunId;
        this.hostPrefix = Objects.requireNonNull(hostPrefix, "hostPrefix");
        this.env = new InstanceEnvironment(sim, timings, usage, this::stateChanged);
        Arrays.fill(instanceOfHost, -1);
        sim.schedule(sim.horizonMs(), Phase.OBSERVATION, (s, unused) -> closeAtHorizon(), 0);
    }

    /**
     * Launches one instance now, or returns -1 when the gate says the pool has no capacity. The capacity the
     * scenario starts with (launched at time 0 before any event) is running at once, as the scenario finds it.
     */
    protected final int launchInstance(HostSpec spec, Market market) {
        if (!gate.open(spec.instanceType().name(), spec.zone(), market, sim.nowMs())) {
            refused++;
            return -1;
        }
        int id = instances.size();
        specs.add(spec);
        hostOfInstance.add(-1);
        instances.add(null);
        InstanceUsage usage = new InstanceUsage(spec.instanceType().name(), spec.zone(), spec.os(), Tenancy.SHARED,
                market);
        launched++;
        // alreadyRunning reports RUNNING from inside the factory: the slots above are ready for it.
        Ec2Instance instance = sim.eventsProcessed() == 0 && sim.nowMs() == 0
                ? Ec2Instance.alreadyRunning(env, firstRunId + id, usage)
                : Ec2Instance.launch(env, firstRunId + id, usage);
        instances.set(id, instance);
        return id;
    }

    /**
     * Takes an instance out: drains its host (if it joined) and removes it from the cluster, then terminates the
     * instance with {@code cause}. Safe on an instance that is already going.
     */
    protected final void removeInstance(int id, EndCause cause) {
        int h = hostOfInstance.getInt(id);
        if (h >= 0) {
            hosts.cordon(h);
            if (hosts.kind() == HostKind.EKS_NODE) {
                runtime.drainPods(h);
            } else {
                // ECS: services get replacements; standalone tasks still there are interrupted with the instance.
                runtime.evictHost(h, cause);
            }
            hosts.removeHost(h);
            instanceOfHost[h] = -1;
            hostOfInstance.set(id, -1);
        }
        Ec2Instance instance = instanceAt(id);
        if (instance.state().canTransitionTo(InstanceState.SHUTTING_DOWN)) {
            instance.terminate(cause);
        }
    }

    /**
     * Gives every running Spot instance the 2-minute notice now (a forced {@code spot-interruption}); with an
     * {@code attribute}, only those whose host spec carries it with {@code value} (e.g. Karpenter's
     * {@code karpenter.sh/nodepool} label).
     */
    final void noticeAllSpot(String attribute, String value) {
        for (int id = 0; id < instances.size(); id++) {
            if (instanceAt(id).usage().market() == Market.SPOT
                    && (attribute == null || value.equals(specs.get(id).attributes().get(attribute)))) {
                notice(id);
            }
        }
    }

    /** Schedules the forced notice of every Spot instance at {@code atMs}, if within the horizon. */
    final void scheduleForcedNotice(long atMs) {
        scheduleForcedNotice(atMs, null, null);
    }

    /** Schedules the forced notice at {@code atMs} of the Spot instances whose spec has {@code attribute = value}. */
    final void scheduleForcedNotice(long atMs, String attribute, String value) {
        if (atMs <= sim.horizonMs()) {
            sim.schedule(atMs, Phase.LIFECYCLE, (s, unused) -> noticeAllSpot(attribute, value), 0);
        }
    }

    /**
     * Host failures (a {@code host-failures} fault) for every instance of this source from now on: each fails after an
     * exponential running time ({@link HostFailureClock}); its tasks or pods are drained as for any removal and the
     * instance terminates with {@link EndCause#HOST_FAILURE}; a group replaces it. Call before the run.
     *
     * @param key names this source in the random stream keys, e.g. {@code ecs/CLUSTER/PROVIDER}
     */
    final void failHosts(HostFailureClock clock, String key) {
        Objects.requireNonNull(clock, "clock");
        failHosts(spec -> clock, key);
    }

    /**
     * As {@link #failHosts(HostFailureClock, String)} with each instance on the clock {@code clocks} gives its host
     * spec (e.g. by its {@code karpenter.sh/nodepool} label), or on none.
     */
    final void failHosts(FailureClocks clocks, String key) {
        this.failureClocks = Objects.requireNonNull(clocks, "clocks");
        this.failureKey = Objects.requireNonNull(key, "key");
        // The capacity the scenario starts with is already running: its clocks start now.
        for (int id = 0; id < instances.size(); id++) {
            if (running(id)) {
                scheduleHostFailure(id, sim.nowMs());
            }
        }
    }

    private void scheduleHostFailure(int id, long runningSinceMs) {
        HostFailureClock clock = failureClocks.clockFor(specs.get(id));
        if (clock == null) {
            return;
        }
        // A container instance runs once: one failure clock per instance.
        long dt = clock.runningMsUntilFailure(clock.instanceSeed(failureKey + "/" + id), 0);
        if (dt <= sim.horizonMs() - runningSinceMs) {
            sim.schedule(runningSinceMs + dt, Phase.LIFECYCLE, onHostFailure, id);
        }
    }

    /**
     * First half of a zone outage: cordons every joined host of this source in {@code zone}, so that tasks drained
     * from one failing host are not placed on another about to fail. Call on every source, then {@link #failZone}.
     */
    final void cordonZone(String zone) {
        for (int id = 0; id < instances.size(); id++) {
            int h = hostOfInstance.getInt(id);
            if (h >= 0 && specs.get(id).zone().equals(zone)) {
                hosts.cordon(h);
            }
        }
    }

    /** A zone outage: every running or pending instance of this source in {@code zone} fails now (counted). */
    final void failZone(String zone) {
        int n = instances.size(); // replacements append, outside the closed zone
        for (int id = 0; id < n; id++) {
            InstanceState state = instanceAt(id).state();
            if (specs.get(id).zone().equals(zone)
                    && (state == InstanceState.RUNNING || state == InstanceState.PENDING)) {
                outageFailures++;
                failInstance(id);
            }
        }
    }

    /** The hardware under the instance is gone: drain, terminate with HOST_FAILURE, let the group replace it. */
    private void failInstance(int id) {
        removeInstance(id, EndCause.HOST_FAILURE);
        long before = launched;
        lostToFault(id);
        faultReplacements += launched - before;
    }

    /** The instance failed (host failure, zone outage); a group replaces it. */
    protected void lostToFault(int id) {
    }

    /** A rebalance recommendation for a running instance; the Auto Scaling group may act on it. */
    protected void rebalance(int id) {
    }

    /** The instance was reclaimed by AWS and is gone; its group may replace it. */
    protected void lost(int id) {
    }

    private void stateChanged(Ec2Instance instance, InstanceState previous, InstanceState current, long timeMs) {
        if (previous != null && (current == InstanceState.STOPPED || current == InstanceState.TERMINATED)) {
            InstanceUsage u = instance.usage();
            gate.release(u.instanceType(), u.zone(), u.market());
        }
        if (current != InstanceState.RUNNING) {
            return;
        }
        int id = (int) (instance.instanceId() - firstRunId);
        if (failureClocks != null) {
            scheduleHostFailure(id, timeMs);
        }
        int h = hosts.addHost(specs.get(id), hostPrefix + "-" + joined++);
        if (h >= instanceOfHost.length) {
            int old = instanceOfHost.length;
            instanceOfHost = Arrays.copyOf(instanceOfHost, Math.max(h + 1, old * 2));
            Arrays.fill(instanceOfHost, old, instanceOfHost.length, -1);
        }
        instanceOfHost[h] = id;
        hostOfInstance.set(id, h);
        if (instance.usage().market() == Market.SPOT) {
            InstanceUsage u = instance.usage();
            InterruptionPlan plan = hazard.plan(instance.instanceId(), u.instanceType(), u.zone(), u.os(), timeMs);
            if (plan.earlyRebalance() && plan.rebalanceAtMs() <= sim.horizonMs()) {
                sim.schedule(plan.rebalanceAtMs(), Phase.LIFECYCLE, onRebalance, id);
            }
            if (plan.interrupted() && plan.noticeAtMs() <= sim.horizonMs()) {
                sim.schedule(plan.noticeAtMs(), Phase.LIFECYCLE, onNotice, id);
            }
        }
    }

    private void notice(int id) {
        if (!running(id) || noticed.get(id)) {
            return; // AWS interrupts only running capacity, once
        }
        noticed.set(id);
        notices++;
        int h = hostOfInstance.getInt(id);
        if (h >= 0) {
            hosts.cordon(h);
            if (hosts.kind() == HostKind.EKS_NODE) {
                runtime.drainPods(h);
            } else {
                runtime.drainServiceTasks(h);
            }
        }
        long reclaimAt = sim.nowMs() + InterruptionPlan.NOTICE_LEAD_MS;
        if (reclaimAt <= sim.horizonMs()) {
            sim.schedule(reclaimAt, Phase.LIFECYCLE, onReclaim, id);
        }
    }

    private void reclaim(int id) {
        if (!running(id)) {
            return;
        }
        reclaimed++;
        removeInstance(id, EndCause.INTERRUPTED_BY_AWS);
        lost(id);
    }

    private void closeAtHorizon() {
        for (Ec2Instance instance : instances) {
            instance.closeRunAtHorizon();
        }
    }

    protected final boolean running(int id) {
        return instanceAt(id).state() == InstanceState.RUNNING;
    }

    protected final Ec2Instance instanceAt(int id) {
        return instances.get(id);
    }

    /** The host the instance joined as, or -1 (still pending, or gone). */
    protected final int hostOfInstance(int id) {
        return id < 0 || id >= hostOfInstance.size() ? -1 : hostOfInstance.getInt(id);
    }

    /** The instance behind an active host of this source, or -1. */
    protected final int instanceOfHost(int host) {
        return host < 0 || host >= instanceOfHost.length ? -1 : instanceOfHost[host];
    }

    /** Instances launched so far (the initial capacity included). */
    final long launched() {
        return launched;
    }

    /** 2-minute Spot interruption notices received (hazard and forced). */
    final long notices() {
        return notices;
    }

    /** Instances AWS reclaimed (terminated at notice + 120 s). */
    final long reclaimed() {
        return reclaimed;
    }

    /** Launches the gate refused (InsufficientInstanceCapacity). */
    final long refusedLaunches() {
        return refused;
    }

    final long hostFailures() {
        return hostFailures;
    }

    /** Instances running or pending in a zone when its outage began. */
    final long outageFailures() {
        return outageFailures;
    }

    /** Instances launched at once after losing one to a host failure or an outage. */
    final long faultReplacements() {
        return faultReplacements;
    }

    /** Instances running now (joined or not). */
    final int runningInstances() {
        int n = 0;
        for (Ec2Instance i : instances) {
            n += i.state() == InstanceState.RUNNING ? 1 : 0;
        }
        return n;
    }
}
