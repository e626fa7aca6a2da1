package dev.fleetsim.run;

import dev.fleetsim.autoscaling.InterruptionPlan;
import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.CapacityPools;
import dev.fleetsim.host.FixedFleet;
import dev.fleetsim.host.HostFailureClock;
import dev.fleetsim.host.FixedInstanceSpec;
import dev.fleetsim.host.InstanceState;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.RunWindow;
import dev.fleetsim.host.SpotInterruptionBehavior;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.LifecycleSpec;
import dev.fleetsim.scenario.spec.RunSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ec2.instances} on the engine: a {@link FixedFleet} whose instances follow their {@code runs} windows
 * through the EC2 lifecycle, plus the forced Spot interruptions of {@code faults}.
 *
 * <p>Copies of a spec without a zone are spread round-robin over the scenario's zones, continuing from one
 * spec to the next, as an Auto Scaling group balances zones. A forced {@code spot-interruption} at T is the
 * 2-minute notice (aws-rules.md item 4); a copy still running at T + 120 s is reclaimed then, or at T when it
 * hibernates ("hibernation begins immediately").
 */
final class Ec2Instances {

    static final long NOTICE_MS = 120_000L;

    private final Simulation sim;
    private final ScenarioSpec spec;
    private final FixedFleet fleet;
    /** Per fleet spec (a scenario spec split by zone): the scenario spec's index. */
    private final IntArrayList origin = new IntArrayList();
    private final long firstId;
    private final long[] launched;
    private final long[] interrupted;
    /** Instances reclaimed at least once, by id - firstId: a copy counts as interrupted once. */
    private final java.util.BitSet everInterrupted = new java.util.BitSet();
    private long notices;
    private final SpotInterruptionSource hazard;
    /** Per scenario instance spec: its host failure clock, null without host failures. */
    private final HostFailureClock[] failureClocks;
    private final long recoveryDelayMs;
    private final long[] hostFailures;
    private final long[] recoveries;
    private final long[] outageFailures;
    /** Per instance (id - firstId): its stream seed (0 until first needed), failure draws so far, pending failure event. */
    private final long[] failureSeed;
    private final int[] failureDraws;
    private final long[] failureEvent;

    private final EventHandler onNotice = (s, id) -> notice(id);
    private final EventHandler onReclaim = (s, id) -> reclaim(id);
    private final EventHandler onHostFailure = (s, id) -> hostFailure(id);
    private final EventHandler onRecovered = (s, id) -> recovered(id);

    Ec2Instances(Simulation sim, ScenarioSpec spec, UsageListener usage, long firstInstanceId,
            SpotInterruptionSource hazard) throws InvalidScenarioException {
        this(sim, spec, usage, firstInstanceId, hazard, null, new HostFailureClock[spec.ec2().instances().size()],
                Faults.RECOVERY_DELAY_MS);
    }

    /**
     * @param pools finite capacity and zone closures; null for none
     * @param failureClocks per instance spec, in file order: its host failure clock, or null
     * @param recoveryDelayMs how long EC2 auto-recovery takes after a host failure
     */
    Ec2Instances(Simulation sim, ScenarioSpec spec, UsageListener usage, long firstInstanceId,
            SpotInterruptionSource hazard, CapacityPools pools, HostFailureClock[] failureClocks, long recoveryDelayMs)
            throws InvalidScenarioException {
        this.sim = sim;
        this.hazard = hazard;
        this.failureClocks = failureClocks.clone();
        this.recoveryDelayMs = recoveryDelayMs;
        this.spec = spec;
        this.firstId = firstInstanceId;
        List<InstanceSpec> instances = spec.ec2().instances();
        launched = new long[instances.size()];
        interrupted = new long[instances.size()];
        hostFailures = new long[instances.size()];
        recoveries = new long[instances.size()];
        outageFailures = new long[instances.size()];
        List<FixedInstanceSpec> fleetSpecs = new ArrayList<>();
        int zoneCursor = 0;
        for (int i = 0; i < instances.size(); i++) {
            InstanceSpec s = instances.get(i);
            List<RunWindow> windows = windows(s, sim.horizonMs());
            if (s.zone() != null) {
                fleetSpecs.add(fleetSpec(s, s.zone(), s.count(), windows));
                origin.add(i);
                continue;
            }
            int zones = spec.zones().size();
            int[] perZone = new int[zones];
            for (int k = 0; k < s.count(); k++) {
                perZone[zoneCursor++ % zones]++;
            }
            for (int z = 0; z < zones; z++) {
                if (perZone[z] > 0) {
                    fleetSpecs.add(fleetSpec(s, spec.zones().get(z), perZone[z], windows));
                    origin.add(i);
                }
            }
        }
        List<Issue> issues = windowIssues(spec, sim.horizonMs());
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues); // FixedFleet's only refusal, found before it throws
        }
        fleet = new FixedFleet(sim, fleetSpecs, timings(spec.lifecycle()), usage, this::onStateChange,
                firstInstanceId, pools);
        failureSeed = new long[fleet.size()];
        failureDraws = new int[fleet.size()];
        failureEvent = new long[fleet.size()];
        java.util.Arrays.fill(failureEvent, -1L);
    }

    /**
     * A zone outage begins now: every instance in the zone that is running or launching stops (billing stops, its run
     * ends with HOST_FAILURE) and EC2 recovers it with its id at {@code resumeAtMs}, when the zone is back
     * ({@link FixedFleet#failUntil}). Instances stopped then simply do not start while the zone is down.
     */
    void failZone(String zone, long resumeAtMs) {
        for (long id = firstId; id < firstId + fleet.size(); id++) {
            var instance = fleet.instance(id);
            if (!fleet.usageOf(id).zone().equals(zone)) {
                continue;
            }
            boolean hit = instance.map(i -> i.state() == InstanceState.RUNNING || i.state() == InstanceState.PENDING)
                    .orElse(false);
            if (fleet.failUntil(id, resumeAtMs) && hit) {
                outageFailures[originOf(id)]++;
            }
        }
    }

    /** The instance's host fails (a host-failures fault): counted; EC2 auto-recovery reboots it onto new hardware. */
    private void hostFailure(long id) {
        int index = (int) (id - firstId);
        failureEvent[index] = -1L;
        if (fleet.instance(id).map(i -> i.state() != InstanceState.RUNNING).orElse(true)) {
            return;
        }
        hostFailures[originOf(id)]++;
        // Reading (docs/reliability.md, faults): simplified automatic recovery migrates the instance "as part of an
        // instance reboot" and keeps its id; a reboot keeps the billing period (aws-rules.md item 1), so the run
        // goes on. The next failure clock starts when it is back.
        failureEvent[index] = sim.scheduleAfter(recoveryDelayMs, Phase.LIFECYCLE, onRecovered, id);
    }

    private void recovered(long id) {
        int index = (int) (id - firstId);
        failureEvent[index] = -1L;
        var instance = fleet.instance(id).orElseThrow();
        if (instance.state() != InstanceState.RUNNING) {
            return; // stopped meanwhile: its next start moves it to new hardware anyway
        }
        instance.reboot();
        recoveries[originOf(id)]++;
        scheduleHostFailure(id);
    }

    private void scheduleHostFailure(long id) {
        HostFailureClock clock = failureClocks[originOf(id)];
        if (clock == null) {
            return;
        }
        int index = (int) (id - firstId);
        if (failureSeed[index] == 0) {
            failureSeed[index] = clock.instanceSeed("ec2.instances/" + id);
        }
        long dt = clock.runningMsUntilFailure(failureSeed[index], failureDraws[index]++);
        if (dt <= sim.horizonMs() - sim.nowMs()) {
            failureEvent[index] = sim.schedule(sim.nowMs() + dt, Phase.LIFECYCLE, onHostFailure, id);
        }
    }

    /** Schedules the 2-minute notice at {@code atMs} for every Spot copy of the instance spec {@code name}. */
    void interrupt(String name, long atMs) {
        if (atMs > sim.horizonMs()) {
            return;
        }
        for (long id = firstId; id < firstId + fleet.size(); id++) {
            InstanceSpec s = specOf(id);
            if (s.name().equals(name) && s.market() == Market.SPOT) {
                sim.schedule(atMs, Phase.LIFECYCLE, onNotice, id);
            }
        }
    }

    private void notice(long id) {
        if (fleet.instance(id).map(i -> i.state() != InstanceState.RUNNING).orElse(true)) {
            return; // AWS interrupts only running capacity
        }
        notices++;
        boolean hibernate = specOf(id).interruptionBehavior()
                == dev.fleetsim.scenario.spec.InterruptionBehavior.HIBERNATE;
        long reclaimAt = hibernate ? sim.nowMs() : sim.nowMs() + NOTICE_MS;
        if (reclaimAt <= sim.horizonMs()) {
            sim.schedule(reclaimAt, Phase.LIFECYCLE, onReclaim, id);
        }
    }

    private void reclaim(long id) {
        SpotInterruptionBehavior behavior = switch (specOf(id).interruptionBehavior()) {
            case TERMINATE -> SpotInterruptionBehavior.TERMINATE;
            case STOP -> SpotInterruptionBehavior.STOP;
            case HIBERNATE -> SpotInterruptionBehavior.HIBERNATE;
        };
        if (fleet.interrupt(id, behavior) && !everInterrupted.get((int) (id - firstId))) {
            everInterrupted.set((int) (id - firstId));
            interrupted[originOf(id)]++;
        }
    }

    private void onStateChange(dev.fleetsim.host.Ec2Instance instance, InstanceState previous,
            InstanceState current, long timeMs) {
        if (previous == null) {
            launched[originOf(instance.instanceId())]++;
        }
        int index = (int) (instance.instanceId() - firstId);
        if (previous == InstanceState.RUNNING && failureEvent[index] >= 0) {
            sim.cancel(failureEvent[index]); // a failure or recovery of a run that has ended
            failureEvent[index] = -1L;
        }
        if (current == InstanceState.RUNNING) {
            scheduleHostFailure(instance.instanceId());
        }
        if (current == InstanceState.RUNNING && instance.usage().market() == Market.SPOT) {
            // aws-rules.md item 4: each run of a Spot instance faces its pool's interruption hazard.
            var u = instance.usage();
            InterruptionPlan plan = hazard.plan(instance.instanceId(), u.instanceType(), u.zone(), u.os(), timeMs);
            if (plan.interrupted() && plan.noticeAtMs() <= sim.horizonMs()) {
                sim.schedule(plan.noticeAtMs(), Phase.LIFECYCLE, onNotice, instance.instanceId());
            }
        }
    }

    private int originOf(long id) {
        return origin.getInt(fleet.specIndexOf(id));
    }

    private InstanceSpec specOf(long id) {
        return spec.ec2().instances().get(originOf(id));
    }

    long notices() {
        return notices;
    }

    /** Per scenario instance spec: host failures, recoveries, outage failures, launches refused for capacity. */
    long hostFailures(int specIndex) {
        return hostFailures[specIndex];
    }

    long recoveries(int specIndex) {
        return recoveries[specIndex];
    }

    long outageFailures(int specIndex) {
        return outageFailures[specIndex];
    }

    long failedLaunches(int specIndex) {
        long n = 0;
        for (int f = 0; f < origin.size(); f++) {
            if (origin.getInt(f) == specIndex) {
                n += fleet.failedLaunches(f);
            }
        }
        return n;
    }

    /** Per scenario instance spec, in file order: copies launched. */
    long launched(int specIndex) {
        return launched[specIndex];
    }

    /** Per scenario instance spec: copies reclaimed by AWS at least once. */
    long interrupted(int specIndex) {
        return interrupted[specIndex];
    }

    private static FixedInstanceSpec fleetSpec(InstanceSpec s, String zone, int count, List<RunWindow> windows) {
        return new FixedInstanceSpec(s.name(), s.type(), zone, s.os(), s.tenancy(), s.market(), count, windows);
    }

    /** Run windows closer together than stop + launch latency (FixedFleet#windowConflict), per instance spec. */
    static List<Issue> windowIssues(ScenarioSpec spec, long horizonMs) {
        List<Issue> issues = new ArrayList<>();
        LifecycleTimings timings = timings(spec.lifecycle());
        List<InstanceSpec> instances = spec.ec2().instances();
        for (int i = 0; i < instances.size(); i++) {
            InstanceSpec s = instances.get(i);
            String conflict = FixedFleet.windowConflict(s.name(), windows(s, horizonMs), timings, horizonMs);
            if (conflict != null) {
                issues.add(new Issue("ec2.instances[" + i + "].runs", conflict,
                        "widen the gap between run windows, or lower lifecycle.instanceStop/instanceLaunch"));
            }
        }
        return issues;
    }

    private static List<RunWindow> windows(InstanceSpec s, long horizonMs) {
        List<RunWindow> windows = new ArrayList<>();
        for (RunSpec r : s.runs()) {
            long start = r.start().toMillis();
            long end = r.end() == null ? horizonMs : Math.min(r.end().toMillis(), horizonMs);
            if (start < horizonMs && end > start) {
                windows.add(new RunWindow(start, end));
            }
        }
        return windows;
    }

    static LifecycleTimings timings(LifecycleSpec l) {
        LifecycleTimings t = LifecycleTimings.DEFAULT;
        if (l.instanceLaunch() != null) {
            t = t.withLaunchLatencyMs(l.instanceLaunch().toMillis());
        }
        if (l.instanceStop() != null) {
            t = t.withStopLatencyMs(l.instanceStop().toMillis());
        }
        if (l.instanceTerminate() != null) {
            t = t.withTerminateLatencyMs(l.instanceTerminate().toMillis());
        }
        return t;
    }
}
