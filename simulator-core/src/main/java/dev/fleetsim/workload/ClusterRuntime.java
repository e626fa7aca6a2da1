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
 * 1 ms later. Completions come in the COMPLETION phase at start + startup + duration ({@link TaskStartup}: a task
 * holds its capacity from placement but serves only after the startup).
 *
 * <p>Fargate tasks need no host: each starts at once (in a zone: {@link FargateZones}) as a run of its
 * {@code FargateUsage} on the usage listener and ends with cause STOPPED at completion; runs still open at
 * the horizon end there with cause HORIZON (an OBSERVATION event at the horizon). Run ids are
 * {@code runIdBase}, {@code runIdBase + 1}, ...: give each producer sharing a listener its own base.
 *
 * <p>Hosts that go away or drain: {@link HostEvictions}; Fargate Spot: {@link FargateSpot}; rolling deployments:
 * {@link Deployments}.
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

    private final TaskTable tasks = new TaskTable();

    private final EventHandler onArrival = this::arrival;
    private final EventHandler onServiceStart = this::serviceStart;
    private final EventHandler onPass = (s, p) -> pass();
    private final EventHandler onCompletion = this::completion;
    private final EventHandler onDeployment = (s, packed) -> deploymentStarts((int) packed);
    private final Deployments deployments = new Deployments(this);
    private final FargateSpot fargateSpot;
    private final FargateZones fargateZones;
    private final TaskStartup startup;
    private final HostEvictions evictions = new HostEvictions(this, tasks);

    /** Tasks serve as soon as they are placed (no startup). */
    public ClusterRuntime(Simulation sim, RandomStreams streams, UsageListener usage, long runIdBase,
            ContainerHosts hosts) {
        this(sim, streams, usage, runIdBase, hosts, 0L);
    }

    /**
     * @param usage receives Fargate runs; may be null when no workload runs on Fargate
     * @param hosts the cluster's container hosts; null for a Fargate-only cluster
     * @param taskStartupMs how long every task takes from placement to serving ({@link TaskStartup}); >= 0
     */
    public ClusterRuntime(Simulation sim, RandomStreams streams, UsageListener usage, long runIdBase,
            ContainerHosts hosts, long taskStartupMs) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.streams = Objects.requireNonNull(streams, "streams");
        this.usage = usage;
        this.runIdBase = runIdBase;
        this.hosts = hosts;
        this.fargateSpot = new FargateSpot(this, sim, tasks, usage);
        this.fargateZones = new FargateZones(this, tasks);
        this.startup = new TaskStartup(this, sim, tasks, taskStartupMs, onCompletion);
        if (hosts != null) {
            hosts.addListener(this);
            for (int h = 0; h < hosts.hostSlots(); h++) {
                tasks.hostAdded(h);
            }
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

    /** Tells {@code listener} of every change of the workload's running count from now on (null: nobody). */
    public void setRunningListener(Workload w, RunningListener listener) {
        requireOwn(w);
        w.runningListener = listener;
    }

    /**
     * Fargate Spot behaviour of a FARGATE_SPOT workload (aws-rules.md item 4): an interrupted task gets the warning
     * and SIGTERM, runs {@code stopTimeoutMs} more, then stops; a service starts its replacement at the warning.
     * With {@code hazardPerHour} > 0 each task draws its warning time when it starts: exponential from its start at
     * that rate, from the stream {@code ("fargate-spot", name)}.
     */
    public void setFargateSpot(Workload w, long stopTimeoutMs, double hazardPerHour) {
        requireOwn(w);
        if (w.fargate == null || !w.fargate.spot()) {
            throw new IllegalArgumentException(w + " does not run on Fargate Spot");
        }
        if (stopTimeoutMs < 0 || !(hazardPerHour >= 0) || Double.isInfinite(hazardPerHour)) {
            throw new IllegalArgumentException("need stopTimeout >= 0 and a finite hazard >= 0");
        }
        w.stopTimeoutMs = stopTimeoutMs;
        w.spotHazardPerMs = hazardPerHour / 3_600_000.0;
        w.spotRandom = hazardPerHour > 0 ? streams.stream("fargate-spot", w.name()) : null;
    }

    /** The zones of the Fargate tasks and zone outages for them. */
    public FargateZones fargateZones() {
        return fargateZones;
    }

    /**
     * A forced interruption now: every running task of the Fargate Spot workload {@code w} gets the 2-minute
     * warning (see {@link #setFargateSpot}).
     *
     * @return the tasks warned
     */
    public int interruptFargateSpot(Workload w) {
        requireOwn(w);
        if (w.fargate == null || !w.fargate.spot()) {
            throw new IllegalArgumentException(w + " does not run on Fargate Spot");
        }
        return fargateSpot.interrupt(w);
    }

    /**
     * A rolling deployment of {@code service} starts at {@code atMs} (aws-rules.md item 7): every task then running
     * or waiting is of the old revision; new tasks start within {@code bounds}' maximum, old ones stop keeping its
     * minimum healthy running, until every task is new (see {@link Deployments}).
     */
    public void scheduleDeployment(Workload service, long atMs, RollingDeployment bounds) {
        requireOwn(service);
        if (service.kind() != Workload.Kind.SERVICE) {
            throw new IllegalArgumentException(service + " is not a service");
        }
        java.util.Objects.requireNonNull(bounds, "bounds");
        if (atMs < sim.nowMs() || atMs > sim.horizonMs()) {
            return;
        }
        deployments.plan(service, bounds);
        sim.schedule(atMs, Phase.ARRIVAL, onDeployment, service.id);
    }

    /** The deployments of {@code service} so far, in start order. */
    public List<DeploymentRecord> deployments(Workload service) {
        requireOwn(service);
        List<DeploymentRecord> list = new ArrayList<>(service.deployments.count());
        for (int i = 0; i < service.deployments.count(); i++) {
            list.add(new DeploymentRecord(service.deployments.startMs(i), service.deployments.durationMs(i)));
        }
        return list;
    }

    /**
     * Stops every task on {@code host} (its instance is going away: Spot interruption, scale-in, failure);
     * they count as interrupted, services launch replacements. Call before {@link ContainerHosts#removeHost}.
     */
    public void evictHost(int host, EndCause cause) {
        Objects.requireNonNull(cause, "cause");
        requireHost(host);
        evictions.evict(host, cause);
    }

    /**
     * ECS Spot draining (aws-rules.md item 7): stops the host's service tasks, each service replacing them at once;
     * standalone tasks keep running. Stopped tasks count as interrupted. Cordon the host first, or the replacements
     * may land on it again. See {@link HostEvictions#drainServiceTasks}.
     */
    public void drainServiceTasks(int host) {
        requireHost(host);
        evictions.drainServiceTasks(host);
    }

    /**
     * A Kubernetes drain: every pod on the host is evicted and counts as interrupted; Deployments replace theirs, a
     * Job's pod runs again from the start. Cordon the host first. See {@link HostEvictions#drainPods}.
     */
    public void drainPods(int host) {
        requireHost(host);
        evictions.drainPods(host);
    }

    private void requireHost(int host) {
        if (hosts == null || !hosts.isActive(host)) {
            throw new IllegalArgumentException("no active host at index " + host);
        }
    }

    public WorkloadCounters counters(Workload w) {
        long waiting = (long) w.pending.size() * sim.nowMs() - w.pending.arrivalSumMs;
        return new WorkloadCounters(w.name(), w.launched, w.started, w.completed, w.interrupted, w.cancelled,
                w.pending.size(), w.running, w.waitSumMs + waiting, w.maxWaitMs, w.notices, w.replacements);
    }

    public List<Workload> workloads() {
        return Collections.unmodifiableList(workloads);
    }

    /** Tasks waiting for capacity in this cluster now. */
    public int pendingCount() {
        return totalPending;
    }

    /** Tasks of {@code w} waiting for capacity now. */
    public int pendingCount(Workload w) {
        return w.pending.size();
    }

    @Override
    public void hostAdded(int host) {
        tasks.hostAdded(host);
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
        Workload w = workloads.get(tasks.workload[t]);
        tasks.event[t] = -1;
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
            tasks.duration[slot] = durationMs;
            startup.begin(best, slot);
            if (best.rolling != null) {
                deployments.step(best);
            }
        }
    }

    private void endOpenRuns(long nowMs) {
        fargateSpot.endAtHorizon(nowMs);
        for (Workload w : workloads) {
            for (int t = w.firstTask; t >= 0; t = tasks.nextInWorkload[t]) {
                if (tasks.run[t] >= 0) {
                    usage.runEnded(tasks.run[t], nowMs, EndCause.HORIZON);
                    tasks.run[t] = -1;
                }
            }
        }
    }

    // ---- tasks ----

    /**
     * A task asks to run: Fargate starts it now in its next zone (it waits only while all its zones are out), a host
     * workload queues it. {@code durationMs} < 0: until stopped.
     */
    void submit(Workload w, long durationMs) {
        w.launched++;
        long now = sim.nowMs();
        int zone = w.fargate != null ? fargateZones.next(w) : FargateZones.NO_ZONE;
        if (w.fargate != null && zone != FargateZones.ALL_OUT) {
            startFargate(w, now, durationMs, zone);
            return;
        }
        w.pending.push(now, durationMs, nextSequence++);
        totalPending++;
        if (w.fargate == null) {
            requestPass();
        }
    }

    /** Starts {@code w}'s Fargate tasks that waited for an open zone, oldest first, while a zone is open. */
    void startWaitingFargate(Workload w) {
        while (w.pending.size() > 0) {
            int zone = fargateZones.next(w);
            if (zone == FargateZones.ALL_OUT) {
                return;
            }
            long arrivalMs = w.pending.headArrivalMs();
            long durationMs = w.pending.headDurationMs();
            w.pending.popFront();
            totalPending--;
            startFargate(w, arrivalMs, durationMs, zone);
            if (w.rolling != null) {
                deployments.step(w);
            }
        }
    }

    private void startFargate(Workload w, long arrivalMs, long durationMs, int zone) {
        long now = sim.nowMs();
        int slot = newSlot(w, -1, arrivalMs, now);
        tasks.duration[slot] = durationMs;
        tasks.zone[slot] = zone;
        tasks.run[slot] = runIdBase + nextRunId++;
        usage.runStarted(tasks.run[slot], w.fargate, now); // aws-rules.md item 5: billed from the image pull
        startup.begin(w, slot);
        fargateSpot.started(w, slot);
    }

    private int newSlot(Workload w, int host, long arrivalMs, long now) {
        int slot = tasks.allocate(w, host);
        long waitMs = now - arrivalMs;
        w.waitSumMs += waitMs;
        w.maxWaitMs = Math.max(w.maxWaitMs, waitMs);
        w.started++;
        w.running++;
        return slot;
    }

    /** Ends a running task: cancels its completion, frees its host capacity or ends its run, frees the slot. */
    void stopTask(int slot, EndCause cause) {
        unlink(slot);
        if (tasks.run[slot] >= 0) {
            usage.runEnded(tasks.run[slot], sim.nowMs(), cause);
        }
        tasks.free(slot);
    }

    /** Takes a running task out of its workload and host: no completion, no warning, not counted running. */
    void unlink(int slot) {
        Workload w = workloads.get(tasks.workload[slot]);
        if (tasks.event[slot] >= 0) {
            sim.cancel(tasks.event[slot]);
            tasks.event[slot] = -1;
        }
        if (tasks.notice[slot] >= 0) {
            sim.cancel(tasks.notice[slot]);
            tasks.notice[slot] = -1;
        }
        if (tasks.revision[slot] != w.revision) {
            w.oldRunning--;
        }
        tasks.unlink(slot, w);
        if (tasks.host[slot] >= 0) {
            w.group.release(tasks.host[slot]);
        }
        if (tasks.serving[slot]) {
            w.serving--;
            if (w.runningListener != null) {
                w.runningListener.runningChanged(sim.nowMs(), -1, tasks.host[slot]);
            }
        }
        w.running--;
    }

    /** A service lost tasks: it launches replacements (within the deployment's bounds while one runs). */
    void afterLoss(Workload w) {
        if (w.kind() == Workload.Kind.SERVICE) {
            reconcile(w);
        }
    }

    // ---- deployments (Deployments holds the rules) ----

    private void deploymentStarts(int workloadId) {
        deployments.start(workloads.get(workloadId), sim.nowMs());
    }

    /** Starts one task of the current revision (Fargate: running at once; else waiting for placement). */
    void submitTask(Workload w) {
        submit(w, -1);
    }

    /** Withdraws every waiting task (counted cancelled). */
    void withdrawPending(Workload w) {
        while (w.pending.size() > 0) {
            w.pending.popBack();
            totalPending--;
            w.cancelled++;
        }
    }

    /** Stops the oldest running task of an old revision (counted completed). */
    void stopOldestOld(Workload w) {
        for (int t = w.firstTask; t >= 0; t = tasks.nextInWorkload[t]) {
            if (tasks.revision[t] != w.revision) {
                stopTask(t, EndCause.STOPPED);
                w.completed++;
                if (totalPending > 0) {
                    requestPass();
                }
                return;
            }
        }
        throw new IllegalStateException(w + " has no old task running");
    }

    /** A task of {@code w} finished starting up: a rolling deployment may now stop an old one. */
    void servingBegan(Workload w) {
        if (w.rolling != null) {
            deployments.step(w);
        }
    }

    /** Brings a service back to its desired count (after a deployment ends). */
    void reconcileService(Workload w) {
        reconcile(w);
    }

    Workload workload(int id) {
        return workloads.get(id);
    }

    long nowMs() {
        return sim.nowMs();
    }

    private void reconcile(Workload w) {
        if (w.rolling != null) {
            deployments.step(w);
            return;
        }
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

    private void requireOwn(Workload w) {
        if (w == null || w.id >= workloads.size() || workloads.get(w.id) != w) {
            throw new IllegalArgumentException(w + " is not a workload of this runtime");
        }
    }

    void requestPass() {
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
}
