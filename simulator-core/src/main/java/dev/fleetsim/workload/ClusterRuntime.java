package dev.fleetsim.workload;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostListener;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.UsageListener;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The task and pod lifecycle of one cluster on the engine: arrive, place (or wait), run for a duration,
 * complete and free the capacity (SPEC section 3).
 *
 * <p>Timing. Arrivals come in the ARRIVAL phase and join their workload's FIFO; one placement pass per
 * instant runs in the SCHEDULING phase and places waiting tasks oldest first across workloads, so it sees
 * every completion and arrival of its instant. A workload whose oldest task does not fit is skipped for the
 * rest of the pass (its tasks are identical), so a pass costs O(placed + workloads) placements, never a
 * scan of every waiting task. Passes run when tasks arrive, when capacity frees (a completion, an eviction,
 * a host joining) and tasks wait. A change requested after the SCHEDULING phase of an instant is placed
 * 1 ms later. Completions come in the COMPLETION phase at start + duration.
 *
 * <p>Fargate tasks need no host: each starts at once as a run of its {@code FargateUsage} on the usage
 * listener and ends with cause STOPPED at completion; runs still open at the horizon end there with cause
 * HORIZON (an OBSERVATION event at the horizon). Run ids are {@code runIdBase}, {@code runIdBase + 1}, ...:
 * give each producer sharing a listener its own base.
 *
 * <p>Memory: arrays sized by the peak of running tasks, per-workload rings sized by the peak of waiting
 * tasks, primitive counters; nothing is kept per finished task. Random streams: arrivals from
 * {@code ("arrivals", name)}, durations from {@code ("durations", name)}; a task's duration is drawn when it
 * arrives, so placement does not change the durations the world draws.
 */
public final class ClusterRuntime implements HostListener {

    private final Simulation sim;
    private final RandomStreams streams;
    private final UsageListener usage;
    private final long runIdBase;
    private final ContainerHosts hosts;

    private final List<Workload> workloads = new ArrayList<>();
    private Workload[] hostWorkloads = new Workload[0];
    private long nextRunId;
    private long nextSequence;
    private int totalPending;
    private long passTimeMs = -1;
    private int passCount;

    // Running tasks: a slot table with free-list recycling.
    private int[] taskWorkload = new int[64];
    private int[] taskHost = new int[64];
    private long[] taskRun = new long[64];
    private long[] taskEvent = new long[64];
    /** The duration drawn for the task (< 0: until stopped), so that an evicted Job pod can run again. */
    private long[] taskDuration = new long[64];
    private int[] nextOnHost = new int[64];
    private int[] prevOnHost = new int[64];
    private int[] nextInWorkload = new int[64];
    private int[] prevInWorkload = new int[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    private int slotCount;
    private int[] hostFirstTask = new int[0];

    private final EventHandler onArrival = this::arrival;
    private final EventHandler onServiceStart = this::serviceStart;
    private final EventHandler onPass = (s, p) -> pass();
    private final EventHandler onCompletion = this::completion;

    /**
     * @param usage receives Fargate runs; may be null when no workload runs on Fargate
     * @param hosts the cluster's container hosts; null for a Fargate-only cluster
     */
    public ClusterRuntime(Simulation sim, RandomStreams streams, UsageListener usage, long runIdBase,
            ContainerHosts hosts) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.usage = usage;
        this.runIdBase = runIdBase;
        this.hosts = hosts;
        if (hosts != null) {
            hosts.addListener(this);
            hostFirstTask = new int[Math.max(16, hosts.hostSlots())];
            Arrays.fill(hostFirstTask, -1);
        }
        sim.schedule(sim.horizonMs(), Phase.OBSERVATION, (s, p) -> endOpenRuns(s.nowMs()), 0);
    }

    /**
     * A job: tasks arrive per {@code arrivals} (from now on; add workloads before the simulation runs) and
     * each runs for a duration drawn from {@code durations}.
     */
    public Workload addJob(String name, TaskTarget target, ArrivalProcess arrivals, DurationDistribution durations) {
        Objects.requireNonNull(arrivals, "arrivals");
        Objects.requireNonNull(durations, "durations");
        Workload w = register(new Workload(workloads.size(), name, Workload.Kind.JOB, checked(target),
                arrivals.cursor(streams.stream("arrivals", name), sim.horizonMs()), durations,
                streams.stream("durations", name)));
        scheduleNextArrival(w);
        return w;
    }

    /** A service keeping {@code desiredCount} tasks running, replacing interrupted ones; its tasks start now. */
    public Workload addService(String name, TaskTarget target, int desiredCount) {
        requireDesired(desiredCount);
        Workload w = register(new Workload(workloads.size(), name, Workload.Kind.SERVICE, checked(target), null, null,
                null));
        w.desired = desiredCount;
        sim.schedule(instant(Phase.ARRIVAL), Phase.ARRIVAL, onServiceStart, w.id);
        return w;
    }

    /**
     * Changes a service's desired count: more starts tasks; fewer withdraws waiting tasks first (newest
     * first), then stops running ones, newest first (counted as completed).
     */
    public void setDesiredCount(Workload service, int desiredCount) {
        requireDesired(desiredCount);
        if (service.kind() != Workload.Kind.SERVICE || workloads.get(service.id) != service) {
            throw new IllegalArgumentException(service + " is not a service of this runtime");
        }
        service.desired = desiredCount;
        reconcile(service);
    }

    /**
     * Stops every task on {@code host} (its instance is going away: Spot interruption, scale-in, failure);
     * they count as interrupted, services launch replacements. Call before {@link ContainerHosts#removeHost}.
     */
    public void evictHost(int host, EndCause cause) {
        Objects.requireNonNull(cause, "cause");
        if (hosts == null || !hosts.isActive(host)) {
            throw new IllegalArgumentException("no active host at index " + host);
        }
        while (host < hostFirstTask.length && hostFirstTask[host] >= 0) {
            int slot = hostFirstTask[host];
            Workload w = workloads.get(taskWorkload[slot]);
            stopTask(slot, cause);
            w.interrupted++;
            if (w.kind() == Workload.Kind.SERVICE) {
                submit(w, -1);
            }
        }
        if (totalPending > 0) {
            requestPass();
        }
    }

    /**
     * ECS Spot draining (ECS_ENABLE_SPOT_INSTANCE_DRAINING, aws-rules.md item 7): the instance went DRAINING, so
     * its service tasks are stopped and each service submits a replacement at once (placed elsewhere or pending);
     * standalone tasks keep running until they finish or the instance goes. Stopped tasks count as interrupted.
     * Cordon the host first, or the replacements may land on it again.
     */
    public void drainServiceTasks(int host) {
        requireHost(host);
        int slot = host < hostFirstTask.length ? hostFirstTask[host] : -1;
        while (slot >= 0) {
            int next = nextOnHost[slot];
            Workload w = workloads.get(taskWorkload[slot]);
            if (w.kind() == Workload.Kind.SERVICE) {
                stopTask(slot, EndCause.INTERRUPTED_BY_AWS);
                w.interrupted++;
                submit(w, -1);
            }
            slot = next;
        }
    }

    /**
     * A Kubernetes drain (kubectl drain, the node termination handling of EKS managed node groups and Karpenter):
     * every pod on the host is evicted and counts as interrupted; a Deployment's ReplicaSet creates a replacement
     * at once, and a Job's controller creates a new pod that runs again from the start for the duration the
     * evicted pod drew (its work is lost: reading, a pod restarted elsewhere starts over). Cordon the host first.
     */
    public void drainPods(int host) {
        requireHost(host);
        while (host < hostFirstTask.length && hostFirstTask[host] >= 0) {
            int slot = hostFirstTask[host];
            Workload w = workloads.get(taskWorkload[slot]);
            long durationMs = taskDuration[slot];
            stopTask(slot, EndCause.INTERRUPTED_BY_AWS);
            w.interrupted++;
            submit(w, w.kind() == Workload.Kind.SERVICE ? -1 : durationMs);
        }
    }

    private void requireHost(int host) {
        if (hosts == null || !hosts.isActive(host)) {
            throw new IllegalArgumentException("no active host at index " + host);
        }
    }

    public WorkloadCounters counters(Workload w) {
        long waiting = (long) w.pending.size() * sim.nowMs() - w.pending.arrivalSumMs;
        return new WorkloadCounters(w.name(), w.launched, w.started, w.completed, w.interrupted, w.cancelled,
                w.pending.size(), w.running, w.waitSumMs + waiting, w.maxWaitMs);
    }

    public List<Workload> workloads() {
        return Collections.unmodifiableList(workloads);
    }

    /** Tasks waiting for capacity in this cluster now. */
    public int pendingCount() {
        return totalPending;
    }

    @Override
    public void hostAdded(int host) {
        if (hostFirstTask.length <= host) {
            int old = hostFirstTask.length;
            hostFirstTask = Arrays.copyOf(hostFirstTask, Math.max(host + 1, old * 2));
            Arrays.fill(hostFirstTask, old, hostFirstTask.length, -1);
        }
        hostFirstTask[host] = -1;
        if (totalPending > 0) {
            requestPass();
        }
    }

    // ---- events ----

    private void arrival(Simulation s, long workloadId) {
        Workload w = workloads.get((int) workloadId);
        int n = w.arrivals.count();
        for (int i = 0; i < n; i++) {
            submit(w, w.durations.sampleMs(w.durationRandom));
        }
        scheduleNextArrival(w);
    }

    private void serviceStart(Simulation s, long workloadId) {
        reconcile(workloads.get((int) workloadId));
    }

    private void completion(Simulation s, long slot) {
        int t = (int) slot;
        Workload w = workloads.get(taskWorkload[t]);
        taskEvent[t] = -1;
        stopTask(t, EndCause.STOPPED);
        w.completed++;
        if (totalPending > 0) {
            requestPass();
        }
    }

    /** Places waiting tasks oldest first until every workload with waiting tasks is blocked or empty. */
    private void pass() {
        passTimeMs = -1;
        int passId = ++passCount;
        long now = sim.nowMs();
        while (totalPending > 0) {
            Workload best = null;
            for (Workload w : hostWorkloads) {
                if (w.pending.size() > 0 && w.blockedInPass != passId
                        && (best == null || w.pending.headSequence() < best.pending.headSequence())) {
                    best = w;
                }
            }
            if (best == null) {
                return;
            }
            int host = best.group.tryPlace();
            if (host < 0) {
                best.blockedInPass = passId;
                continue;
            }
            long arrivalMs = best.pending.headArrivalMs();
            long durationMs = best.pending.headDurationMs();
            best.pending.popFront();
            totalPending--;
            int slot = newSlot(best, host, arrivalMs, now);
            taskDuration[slot] = durationMs;
            nextOnHost[slot] = hostFirstTask[host];
            prevOnHost[slot] = -1;
            if (hostFirstTask[host] >= 0) {
                prevOnHost[hostFirstTask[host]] = slot;
            }
            hostFirstTask[host] = slot;
            if (durationMs > 0) {
                taskEvent[slot] = sim.schedule(now + durationMs, Phase.COMPLETION, onCompletion, slot);
            }
        }
    }

    private void endOpenRuns(long nowMs) {
        for (Workload w : workloads) {
            for (int t = w.firstTask; t >= 0; t = nextInWorkload[t]) {
                if (taskRun[t] >= 0) {
                    usage.runEnded(taskRun[t], nowMs, EndCause.HORIZON);
                    taskRun[t] = -1;
                }
            }
        }
    }

    // ---- tasks ----

    /** A task asks to run: Fargate starts it now, a host workload queues it. {@code durationMs} < 0: until stopped. */
    private void submit(Workload w, long durationMs) {
        w.launched++;
        long now = sim.nowMs();
        if (w.fargate != null) {
            int slot = newSlot(w, -1, now, now);
            taskDuration[slot] = durationMs;
            taskRun[slot] = runIdBase + nextRunId++;
            usage.runStarted(taskRun[slot], w.fargate, now);
            if (durationMs > 0) {
                taskEvent[slot] = sim.schedule(now + durationMs, Phase.COMPLETION, onCompletion, slot);
            }
            return;
        }
        w.pending.push(now, durationMs, nextSequence++);
        totalPending++;
        requestPass();
    }

    private int newSlot(Workload w, int host, long arrivalMs, long now) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotCount == taskWorkload.length) {
                growSlots();
            }
            slot = slotCount++;
        }
        taskWorkload[slot] = w.id;
        taskHost[slot] = host;
        taskRun[slot] = -1;
        taskEvent[slot] = -1;
        nextInWorkload[slot] = -1;
        prevInWorkload[slot] = w.lastTask;
        if (w.lastTask >= 0) {
            nextInWorkload[w.lastTask] = slot;
        } else {
            w.firstTask = slot;
        }
        w.lastTask = slot;
        long waitMs = now - arrivalMs;
        w.waitSumMs += waitMs;
        w.maxWaitMs = Math.max(w.maxWaitMs, waitMs);
        w.started++;
        w.running++;
        return slot;
    }

    /** Ends a running task: cancels its completion, frees its host capacity or ends its run, frees the slot. */
    private void stopTask(int slot, EndCause cause) {
        Workload w = workloads.get(taskWorkload[slot]);
        if (taskEvent[slot] >= 0) {
            sim.cancel(taskEvent[slot]);
        }
        int host = taskHost[slot];
        if (host >= 0) {
            int next = nextOnHost[slot];
            int prev = prevOnHost[slot];
            if (prev >= 0) {
                nextOnHost[prev] = next;
            } else {
                hostFirstTask[host] = next;
            }
            if (next >= 0) {
                prevOnHost[next] = prev;
            }
            w.group.release(host);
        }
        if (taskRun[slot] >= 0) {
            usage.runEnded(taskRun[slot], sim.nowMs(), cause);
        }
        int next = nextInWorkload[slot];
        int prev = prevInWorkload[slot];
        if (prev >= 0) {
            nextInWorkload[prev] = next;
        } else {
            w.firstTask = next;
        }
        if (next >= 0) {
            prevInWorkload[next] = prev;
        } else {
            w.lastTask = prev;
        }
        w.running--;
        freeSlots[freeCount++] = slot;
    }

    private void reconcile(Workload w) {
        int current = w.running + w.pending.size();
        for (int i = current; i < w.desired; i++) {
            submit(w, -1);
        }
        int excess = current - w.desired;
        while (excess > 0 && w.pending.size() > 0) {
            w.pending.popBack();
            totalPending--;
            w.cancelled++;
            excess--;
        }
        while (excess > 0) {
            stopTask(w.lastTask, EndCause.STOPPED);
            w.completed++;
            excess--;
        }
        if (totalPending > 0 && current > w.desired) {
            requestPass();
        }
    }

    // ---- plumbing ----

    private void scheduleNextArrival(Workload w) {
        ArrivalProcess.Cursor c = w.arrivals;
        long now = sim.nowMs();
        boolean late = sim.phase().compareTo(Phase.ARRIVAL) > 0;
        while (c.advance()) {
            if (c.timeMs() > now || c.timeMs() == now && !late) {
                sim.schedule(c.timeMs(), Phase.ARRIVAL, onArrival, w.id);
                return;
            }
        }
    }

    private void requestPass() {
        long t = instant(Phase.SCHEDULING);
        if (passTimeMs != t) {
            passTimeMs = t;
            sim.schedule(t, Phase.SCHEDULING, onPass, 0);
        }
    }

    /** Now if the phase is still to come at this instant, else 1 ms later. */
    private long instant(Phase phase) {
        return sim.phase().compareTo(phase) <= 0 ? sim.nowMs() : sim.nowMs() + 1;
    }

    private Workload register(Workload w) {
        for (Workload other : workloads) {
            if (other.name().equals(w.name())) {
                throw new IllegalArgumentException("workload name '" + w.name() + "' is already used in this cluster");
            }
        }
        workloads.add(w);
        if (w.group != null) {
            hostWorkloads = Arrays.copyOf(hostWorkloads, hostWorkloads.length + 1);
            hostWorkloads[hostWorkloads.length - 1] = w;
        }
        return w;
    }

    private TaskTarget checked(TaskTarget target) {
        Objects.requireNonNull(target, "target");
        if (target instanceof TaskTarget.OnHosts && ((TaskTarget.OnHosts) target).group().hosts() != hosts) {
            throw new IllegalArgumentException("the placement group places on other hosts than this cluster's");
        }
        if (target instanceof TaskTarget.OnFargate && usage == null) {
            throw new IllegalArgumentException("Fargate tasks need a usage listener");
        }
        return target;
    }

    private static void requireDesired(int desired) {
        if (desired < 0) {
            throw new IllegalArgumentException("desired count must be >= 0, got " + desired);
        }
    }

    private void growSlots() {
        int n = taskWorkload.length * 2;
        taskWorkload = Arrays.copyOf(taskWorkload, n);
        taskHost = Arrays.copyOf(taskHost, n);
        taskRun = Arrays.copyOf(taskRun, n);
        taskEvent = Arrays.copyOf(taskEvent, n);
        taskDuration = Arrays.copyOf(taskDuration, n);
        nextOnHost = Arrays.copyOf(nextOnHost, n);
        prevOnHost = Arrays.copyOf(prevOnHost, n);
        nextInWorkload = Arrays.copyOf(nextInWorkload, n);
        prevInWorkload = Arrays.copyOf(prevInWorkload, n);
        freeSlots = Arrays.copyOf(freeSlots, n);
    }
}
