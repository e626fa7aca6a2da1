package dev.fleetsim.host;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
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
    private final Ec2Instance[] instances;

    private final int[] stateCounts = new int[InstanceState.values().length];

    private final EventHandler beginWindow = (s, index) -> beginWindow((int) index);
    private final EventHandler endWindow = (s, index) -> endWindow((int) index);
    private final EventHandler closeAtHorizon = (s, unused) -> closeAtHorizon();

    /**
     * Validates the windows against the timings and schedules every instance's first window; the rest
     * follow as the simulation runs. Must be built before the simulation starts (at time 0).
     *
     * @param stateListener told of every state change after this fleet has counted it; may be null
     * @throws IllegalArgumentException if a window leaves too little time to stop and start again
     */
    public FixedFleet(Simulation sim, List<FixedInstanceSpec> specs, LifecycleTimings timings,
                      UsageListener usageListener, InstanceStateListener stateListener, long firstInstanceId) {
        this.sim = Objects.requireNonNull(sim, "sim");
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
    }

    private void requireFeasible(FixedInstanceSpec spec, LifecycleTimings timings) {
        List<RunWindow> runs = spec.runs();
        for (int i = 1; i < runs.size(); i++) {
            RunWindow before = runs.get(i - 1);
            RunWindow after = runs.get(i);
            if (before.endMs() >= sim.horizonMs()) {
                break;
            }
            long stoppedAt = before.endMs() + timings.stopLatencyMs();
            long pendingAt = after.startMs() - timings.launchLatencyMs();
            if (pendingAt < stoppedAt) {
                throw new IllegalArgumentException(spec.name() + ": run window " + i + " " + FixedInstanceSpec.show(after)
                        + " starts too soon after window " + (i - 1) + " " + FixedInstanceSpec.show(before)
                        + ": the instance is stopped only at " + stoppedAt + " ms and needs "
                        + timings.launchLatencyMs() + " ms pending before running; leave at least "
                        + (timings.stopLatencyMs() + timings.launchLatencyMs()) + " ms between windows");
            }
        }
    }

    private void scheduleBegin(int index) {
        List<RunWindow> runs = windows.get(specOf[index]);
        int w = nextWindow[index];
        if (w >= runs.size()) {
            return;
        }
        RunWindow window = runs.get(w);
        long pendingAt = Math.max(0, window.startMs() - env.timings().launchLatencyMs());
        sim.schedule(pendingAt, Phase.LIFECYCLE, beginWindow, index);
    }

    private void beginWindow(int index) {
        int spec = specOf[index];
        RunWindow window = windows.get(spec).get(nextWindow[index]);
        Ec2Instance instance = instances[index];
        if (instance == null) {
            long id = firstInstanceId + index;
            InstanceUsage usage = usages[spec];
            instance = window.startMs() == 0
                    ? Ec2Instance.alreadyRunning(env, id, usage)
                    : Ec2Instance.launch(env, id, usage, window.startMs());
            instances[index] = instance;
        } else {
            instance.start(window.startMs());
        }
        if (window.endMs() < sim.horizonMs()) {
            sim.schedule(window.endMs(), Phase.LIFECYCLE, endWindow, index);
        }
    }

    private void endWindow(int index) {
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
