package dev.fleetsim.host;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.UsageListener;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Drives fixed EC2 instances through their run windows on the engine and counts them by state.
 *
 * <p>Timeline of one window [s, e) (SPEC section 5): the instance turns {@code pending} at
 * {@code s - launchLatency} (at 0 if that is earlier; a window starting at 0 means the instance was
 * launched before the scenario and is {@code running} at 0 with no pending stage), {@code running} at
 * {@code s}, {@code stopping} at {@code e} and {@code stopped} at {@code e + stopLatency}. The next window
 * starts the stopped instance again, so its pending stage may not begin before the instance is stopped.
 * A window reaching the horizon (e >= horizon) is not stopped: its run ends at the horizon with
 * {@code HORIZON}. After its last window an instance stays stopped; SPEC does not say, and stopping keeps
 * the instance (EBS-backed) as a scheduled stop would.
 *
 * <p>Instance ids, which are also run ids, are {@code firstInstanceId, firstInstanceId + 1, ...} in spec
 * order, then instance order within a spec, so they are deterministic and, given disjoint ranges, unique
 * across fleets feeding one {@link UsageListener}.
 */
public final class FixedFleet {

    private final Simulation sim;
    private final InstanceEnvironment env;
    private final List<FixedInstanceSpec> specs;
    private final InstanceUsage[] usages;
    /** Per spec: its windows, the whole horizon if it names none. */
    private final List<List<RunWindow>> windows;
    private final long firstInstanceId;

    // Per instance (index = id - firstInstanceId).
    private final int[] specOf;
    private final int[] nextWindow;
    private final long[] endEvent;
    private final long[] beginEvent;
    private final Ec2Instance[] instances;
    /** Instances failed by a zone outage, waiting for {@link #resume}: no window begins for them meanwhile. */
    private final java.util.BitSet down = new java.util.BitSet();
    /** Null: capacity is unlimited and no zone ever closes. */
    private final CapacityPools pools;
    /** Per spec: window launches refused with InsufficientInstanceCapacity. */
    private final long[] failedLaunches;

    private final int[] stateCounts = new int[InstanceState.values().length];

    private final EventHandler beginWindow = (s, index) -> beginWindow((int) index);
    private final EventHandler endWindow = (s, index) -> endWindow((int) index);
    private final EventHandler closeAtHorizon = (s, unused) -> closeAtHorizon();
    private final EventHandler onResume = (s, index) -> resume((int) index);

    /**
     * Validates the windows against the timings and schedules every instance's first window; the rest
     * follow as the simulation runs. Must be built before the simulation starts (at time 0).
     *
     * @param stateListener told of every state change after this fleet has counted it; may be null
     * @throws IllegalArgumentException if a window leaves too little time to stop and start again
     */
    public FixedFleet(Simulation sim, List<FixedInstanceSpec> specs, LifecycleTimings timings,
                      UsageListener usageListener, InstanceStateListener stateListener, long firstInstanceId) {
        this(sim, specs, timings, usageListener, stateListener, firstInstanceId, null);
    }

    /**
     * As above, launching through finite capacity pools: a window whose launch (or start) the pools refuse is skipped
     * (InsufficientInstanceCapacity; counted by {@link #failedLaunches}) and the instance tries again at its next
     * window. An instance gives its capacity back when it reaches stopped or terminated.
     *
     * @param pools null for unlimited capacity
     */
    public FixedFleet(Simulation sim, List<FixedInstanceSpec> specs, LifecycleTimings timings,
                      UsageListener usageListener, InstanceStateListener stateListener, long firstInstanceId,
                      CapacityPools pools) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.pools = pools;
        this.specs = List.copyOf(specs);
        this.firstInstanceId = firstInstanceId;
        if (sim.nowMs() != 0 || sim.eventsProcessed() != 0) {
            throw new IllegalStateException("a fixed fleet must be set up before the simulation runs");
        }
        InstanceStateListener counting = stateListener == null
                ? this::count
                : (instance, previous, current, timeMs) -> {
                    count(instance, previous, current, timeMs);
                    stateListener.onStateChange(instance, previous, current, timeMs);
                };
        this.env = new InstanceEnvironment(sim, timings, usageListener, counting);
        usages = new InstanceUsage[this.specs.size()];
        List<List<RunWindow>> windowLists = new ArrayList<>(this.specs.size());
        int total = 0;
        for (int s = 0; s < this.specs.size(); s++) {
            FixedInstanceSpec spec = this.specs.get(s);
            requireFeasible(spec, timings);
            usages[s] = spec.usage();
            windowLists.add(spec.runs().isEmpty() ? List.of(new RunWindow(0, Math.max(1, sim.horizonMs()))) : spec.runs());
            total = Math.addExact(total, spec.count());
        }
        windows = List.copyOf(windowLists);
        specOf = new int[total];
        nextWindow = new int[total];
        endEvent = new long[total];
        java.util.Arrays.fill(endEvent, -1L);
        beginEvent = new long[total];
        java.util.Arrays.fill(beginEvent, -1L);
        failedLaunches = new long[this.specs.size()];
        instances = new Ec2Instance[total];
        int index = 0;
        for (int s = 0; s < this.specs.size(); s++) {
            for (int k = 0; k < this.specs.get(s).count(); k++) {
                specOf[index] = s;
                scheduleBegin(index);
                index++;
            }
        }
        sim.schedule(sim.horizonMs(), Phase.OBSERVATION, closeAtHorizon, 0);
    }

    /**
     * EC2 reclaims a running Spot instance now (aws-rules.md item 4; the 2-minute notice is the caller's).
     * The current window ends with {@link EndCause#INTERRUPTED_BY_AWS}. After {@code terminate} the
     * instance's later windows are dropped; after {@code stop} or {@code hibernate} they start as planned.
     *
     * @return false if the instance is not running (nothing to reclaim)
     */
    public boolean interrupt(long instanceId, SpotInterruptionBehavior behavior) {
        int index = indexOf(instanceId);
        Ec2Instance instance = instances[index];
        if (instance == null || instance.state() != InstanceState.RUNNING) {
            return false;
        }
        if (endEvent[index] >= 0) {
            sim.cancel(endEvent[index]);
            endEvent[index] = -1L;
        }
        switch (behavior) {
            case TERMINATE -> {
                instance.terminate(EndCause.INTERRUPTED_BY_AWS);
                nextWindow[index] = Integer.MAX_VALUE / 2;
            }
            case STOP -> {
                instance.stop(EndCause.INTERRUPTED_BY_AWS);
                nextWindow[index]++;
                scheduleBegin(index);
            }
            case HIBERNATE -> {
                instance.hibernate(EndCause.INTERRUPTED_BY_AWS);
                nextWindow[index]++;
                scheduleBegin(index);
            }
        }
        return true;
    }

    /**
     * The instance's zone fails under it now (a zone outage); it comes back at {@code resumeAtMs}, when the zone does.
     * Reading (docs/reliability.md, faults): a running instance is impaired and stops, its run ending with
     * {@link EndCause#HOST_FAILURE}, so billing stops; a pending one holds its launch. At {@code resumeAtMs} EC2
     * recovers it with its id: it starts again (pending for the launch latency, a new run and a new 60-second minimum,
     * aws-rules.md item 1) if one of its windows is still open then, else it waits for its next window. No window
     * begins while it is down.
     *
     * @return false if the instance has terminated or is already down (nothing more to fail)
     */
    public boolean failUntil(long instanceId, long resumeAtMs) {
        int index = indexOf(instanceId);
        Ec2Instance instance = instances[index];
        if (down.get(index) || (instance != null && (instance.state() == InstanceState.SHUTTING_DOWN
                || instance.state() == InstanceState.TERMINATED))) {
            return false;
        }
        down.set(index);
        cancel(endEvent, index);
        cancel(beginEvent, index);
        if (instance != null && instance.state() == InstanceState.RUNNING) {
            instance.stop(EndCause.HOST_FAILURE);
        }
        long resumeAt = Math.max(resumeAtMs, sim.nowMs());
        if (instance != null && instance.state() == InstanceState.PENDING) {
            // Its launch is held until the zone is back; resume() sets the final running time.
            instance.postponeRunning(resumeAt + env.timings().launchLatencyMs());
        }
        sim.schedule(resumeAt, Phase.LIFECYCLE, onResume, index);
        return true;
    }

    /** True while the instance waits for its zone to come back. */
    public boolean isDown(long instanceId) {
        return down.get(indexOf(instanceId));
    }

    /** Window launches that found no capacity, for the spec at this position. */
    public long failedLaunches(int specIndex) {
        return failedLaunches[specIndex];
    }

    /** What an instance runs as (type, zone, OS, tenancy, market), launched or not. */
    public InstanceUsage usageOf(long instanceId) {
        return usages[specOf[indexOf(instanceId)]];
    }

    /** The spec (by position) an instance was made from. */
    public int specIndexOf(long instanceId) {
        return specOf[indexOf(instanceId)];
    }

    /** How many instances are in {@code state} now. */
    public int count(InstanceState state) {
        return stateCounts[state.ordinal()];
    }

    /** Instances by state now, every state present, in lifecycle order. */
    public Map<InstanceState, Integer> stateCounts() {
        Map<InstanceState, Integer> counts = new EnumMap<>(InstanceState.class);
        for (InstanceState state : InstanceState.values()) {
            counts.put(state, stateCounts[state.ordinal()]);
        }
        return counts;
    }

    /** The instances launched so far, in id order. */
    public List<Ec2Instance> launchedInstances() {
        List<Ec2Instance> list = new ArrayList<>(instances.length);
        for (Ec2Instance instance : instances) {
            if (instance != null) {
                list.add(instance);
            }
        }
        return Collections.unmodifiableList(list);
    }

    /** The instance with this id, if it has been launched. */
    public Optional<Ec2Instance> instance(long instanceId) {
        return Optional.ofNullable(instances[indexOf(instanceId)]);
    }

    /** Instances of this fleet, launched or not. */
    public int size() {
        return instances.length;
    }

    private int indexOf(long instanceId) {
        long index = instanceId - firstInstanceId;
        if (index < 0 || index >= instances.length) {
            throw new IllegalArgumentException("no instance " + instanceId + " in this fleet");
        }
        return (int) index;
    }

    private void count(Ec2Instance instance, InstanceState previous, InstanceState current, long timeMs) {
        if (previous != null) {
            stateCounts[previous.ordinal()]--;
        }
        stateCounts[current.ordinal()]++;
        if (pools != null && previous != null
                && (current == InstanceState.STOPPED || current == InstanceState.TERMINATED)) {
            pools.release(instance.usage());
        }
    }

    private void requireFeasible(FixedInstanceSpec spec, LifecycleTimings timings) {
        String conflict = windowConflict(spec.name(), spec.runs(), timings, sim.horizonMs());
        if (conflict != null) {
            throw new IllegalArgumentException(conflict);
        }
    }

    /**
     * Why instance {@code name}'s run windows cannot all be honoured (the stop after one window and the launch before
     * the next overlap), or null if they can; windows after one reaching the horizon never start. Public so that input
     * validation refuses exactly what this fleet refuses.
     */
    public static String windowConflict(String name, List<RunWindow> runs, LifecycleTimings timings, long horizonMs) {
        for (int i = 1; i < runs.size(); i++) {
            RunWindow before = runs.get(i - 1);
            RunWindow after = runs.get(i);
            if (before.endMs() >= horizonMs) {
                break;
            }
            long stoppedAt = before.endMs() + timings.stopLatencyMs();
            long pendingAt = after.startMs() - timings.launchLatencyMs();
            if (pendingAt < stoppedAt) {
                return name + ": run window " + i + " " + FixedInstanceSpec.show(after)
                        + " starts too soon after window " + (i - 1) + " " + FixedInstanceSpec.show(before)
                        + ": the instance is stopped only at " + stoppedAt + " ms and needs "
                        + timings.launchLatencyMs() + " ms pending before running; leave at least "
                        + (timings.stopLatencyMs() + timings.launchLatencyMs()) + " ms between windows";
            }
        }
        return null;
    }

    private void scheduleBegin(int index) {
        List<RunWindow> runs = windows.get(specOf[index]);
        int w = nextWindow[index];
        if (w >= runs.size()) {
            return;
        }
        RunWindow window = runs.get(w);
        long pendingAt = Math.max(0, window.startMs() - env.timings().launchLatencyMs());
        beginEvent[index] = sim.schedule(Math.max(pendingAt, sim.nowMs()), Phase.LIFECYCLE, beginWindow, index);
    }

    private void beginWindow(int index) {
        beginEvent[index] = -1L;
        if (down.get(index)) {
            return; // resume() picks the window up
        }
        int spec = specOf[index];
        RunWindow window = windows.get(spec).get(nextWindow[index]);
        Ec2Instance instance = instances[index];
        if (instance != null && instance.state() != InstanceState.STOPPED) {
            // Interrupted: terminated for good, or still stopping when this window's launch is due.
            nextWindow[index]++;
            if (instance.state() != InstanceState.TERMINATED && instance.state() != InstanceState.SHUTTING_DOWN) {
                scheduleBegin(index);
            }
            return;
        }
        launchInto(index, window, window.startMs());
    }

    /** Launches or starts the instance now, running at {@code runningAtMs} within {@code window}, capacity allowing. */
    private void launchInto(int index, RunWindow window, long runningAtMs) {
        int spec = specOf[index];
        Ec2Instance instance = instances[index];
        if (pools != null && !pools.tryAcquire(usages[spec])) {
            // InsufficientInstanceCapacity: this window is lost; the next one tries again.
            failedLaunches[spec]++;
            nextWindow[index]++;
            scheduleBegin(index);
            return;
        }
        if (instance == null) {
            long id = firstInstanceId + index;
            InstanceUsage usage = usages[spec];
            instance = runningAtMs == 0
                    ? Ec2Instance.alreadyRunning(env, id, usage)
                    : Ec2Instance.launch(env, id, usage, runningAtMs);
            instances[index] = instance;
        } else {
            instance.start(runningAtMs);
        }
        if (window.endMs() < sim.horizonMs()) {
            endEvent[index] = sim.schedule(window.endMs(), Phase.LIFECYCLE, endWindow, index);
        }
    }

    /** The zone is back: recover the instance into the first window still open, or wait for the next one. */
    private void resume(int index) {
        Ec2Instance instance = instances[index];
        if (instance != null && instance.state() == InstanceState.STOPPING) {
            // Still stopping from the failure (an outage shorter than the stop latency): try again once stopped.
            sim.scheduleAfter(env.timings().stopLatencyMs(), Phase.LIFECYCLE, onResume, index);
            return;
        }
        down.clear(index);
        List<RunWindow> runs = windows.get(specOf[index]);
        long now = sim.nowMs();
        long latency = env.timings().launchLatencyMs();
        int w = nextWindow[index];
        while (w < runs.size() && Math.max(runs.get(w).startMs(), now + latency) >= Math.min(runs.get(w).endMs(),
                sim.horizonMs())) {
            w++;
        }
        nextWindow[index] = w;
        boolean pending = instance != null && instance.state() == InstanceState.PENDING;
        if (w >= runs.size()) {
            if (pending) {
                instance.terminate(EndCause.HOST_FAILURE); // its launch never completes; a pending instance bills nothing
            }
            return;
        }
        RunWindow window = runs.get(w);
        long runningAt = Math.max(window.startMs(), now + latency);
        if (pending) {
            instance.postponeRunning(runningAt);
            if (window.endMs() < sim.horizonMs()) {
                endEvent[index] = sim.schedule(window.endMs(), Phase.LIFECYCLE, endWindow, index);
            }
        } else if (window.startMs() - latency <= now) {
            launchInto(index, window, runningAt);
        } else {
            scheduleBegin(index);
        }
    }

    private void cancel(long[] events, int index) {
        if (events[index] >= 0) {
            sim.cancel(events[index]);
            events[index] = -1L;
        }
    }

    private void endWindow(int index) {
        endEvent[index] = -1L;
        instances[index].stop();
        nextWindow[index]++;
        scheduleBegin(index);
    }

    private void closeAtHorizon() {
        for (Ec2Instance instance : instances) {
            if (instance != null) {
                instance.closeRunAtHorizon();
            }
        }
    }
}
