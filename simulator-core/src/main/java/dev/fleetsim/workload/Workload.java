package dev.fleetsim.workload;

import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.placement.PlacementGroup;
import java.util.SplittableRandom;

/**
 * A job (tasks arriving over time, each running for a drawn duration) or a service (a desired number of
 * tasks kept running) in a {@link ClusterRuntime}. Its counters are primitive; nothing is kept per finished
 * task. Read them with {@link ClusterRuntime#counters(Workload)}.
 */
public final class Workload {

    public enum Kind { JOB, SERVICE }

    /** aws-rules.md item 4: Fargate Spot stopTimeout default, SIGTERM to SIGKILL. */
    public static final long DEFAULT_STOP_TIMEOUT_MS = 30_000L;

    final int id;
    private final String name;
    private final Kind kind;
    private final TaskTarget target;
    final PlacementGroup group;
    final FargateUsage fargate;

    final ArrivalProcess.Cursor arrivals;
    final DurationDistribution durations;
    final SplittableRandom durationRandom;
    int desired;

    long launched;
    long started;
    long completed;
    long interrupted;
    long cancelled;
    long waitSumMs;
    long maxWaitMs;
    int running;
    /** Of the running tasks, those past their startup (TaskStartup): serving, healthy. */
    int serving;
    /** Running tasks, oldest first: slots in the runtime's task table. */
    int firstTask = -1;
    int lastTask = -1;
    final PendingQueue pending = new PendingQueue();
    int blockedInPass;

    // Dynamics: listener of the running count, Fargate Spot interruptions, rolling deployments.
    RunningListener runningListener;
    long notices;
    long replacements;
    /** Set while a drain walks a host: the service lost tasks and reconciles after the walk. */
    boolean lostTasks;
    long stopTimeoutMs = DEFAULT_STOP_TIMEOUT_MS;
    /** Fargate Spot hazard per ms of running; 0: none. */
    double spotHazardPerMs;
    SplittableRandom spotRandom;
    int revision;
    int oldRunning;
    /** The bounds of this service's deployments; {@code rolling} is set to them while one is in progress. */
    RollingDeployment bounds;
    RollingDeployment rolling;
    long deploymentStartMs;
    final DeploymentLog deployments = new DeploymentLog();
    /** Fargate: the zones its tasks spread over ({@link FargateZones} indices), or null; the next one to try. */
    int[] zones;
    /** Shared by the workloads spread together ({@link FargateZones#spreadTogether}). */
    int[] zoneCursor;

    Workload(int id, String name, Kind kind, TaskTarget target, ArrivalProcess.Cursor arrivals,
            DurationDistribution durations, SplittableRandom durationRandom) {
        this.id = id;
        this.name = name;
        this.kind = kind;
        this.target = target;
        this.group = target instanceof TaskTarget.OnHosts ? ((TaskTarget.OnHosts) target).group() : null;
        this.fargate = target instanceof TaskTarget.OnFargate ? ((TaskTarget.OnFargate) target).usage() : null;
        this.arrivals = arrivals;
        this.durations = durations;
        this.durationRandom = durationRandom;
    }

    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    public TaskTarget target() {
        return target;
    }

    /** A service's desired count; 0 for a job. */
    public int desiredCount() {
        return desired;
    }

    /** Tasks placed on hosts or started on Fargate and not yet ended. */
    public int runningCount() {
        return running;
    }

    /** Tasks waiting for capacity (Fargate tasks wait only while every zone of theirs is out). */
    public int waitingCount() {
        return pending.size();
    }

    /** True while a rolling deployment of this service is in progress. */
    public boolean deploying() {
        return rolling != null;
    }

    /** Fargate Spot tasks only: how long an interrupted task runs after the warning before it stops. */
    public long stopTimeoutMs() {
        return stopTimeoutMs;
    }

    @Override
    public String toString() {
        return "Workload[" + name + ", " + kind + "]";
    }
}
