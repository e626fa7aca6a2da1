package dev.fleetsim.host;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import java.util.Objects;

/**
 * One EC2 instance moving through its lifecycle on the engine (aws-rules.md item 10), reporting a billing
 * run for every uninterrupted stretch of billable state (aws-rules.md item 1): a run starts when the
 * instance enters {@code running} and ends when it leaves it, except that a hibernating instance keeps
 * billing through {@code stopping} and its run ends when it reaches {@code stopped}. A reboot changes
 * nothing. The run id is the instance id, so an instance has at most one open run.
 *
 * <p>Runs cover [0, horizon): a run never starts at or after the horizon, and a run still open at the
 * horizon is ended there with {@link EndCause#HORIZON} by {@link #closeRunAtHorizon()}. Transitions out of
 * the transitional states (pending, stopping, shutting-down) are engine events in
 * {@link Phase#LIFECYCLE}; calling an action from a state that does not allow it throws
 * {@link IllegalStateException}.
 */
public final class Ec2Instance {

    private static final InstanceState[] STATES = InstanceState.values();

    private final InstanceEnvironment env;
    private final long instanceId;
    private final InstanceUsage usage;
    /** Completes the current transitional state; the payload is the ordinal of the state it leads to. */
    private final EventHandler completion;

    private InstanceState state;
    /** The pending -> running completion while pending, so that a held launch can move it. */
    private long pendingEvent = -1L;
    private boolean runOpen;
    private boolean hibernating;
    private EndCause hibernateEndCause;
    private int runsStarted;
    private int reboots;

    private Ec2Instance(InstanceEnvironment env, long instanceId, InstanceUsage usage) {
        this.env = Objects.requireNonNull(env, "env");
        this.instanceId = instanceId;
        this.usage = Objects.requireNonNull(usage, "usage");
        this.completion = (sim, target) -> complete(STATES[(int) target]);
    }

    /** Launches now: {@code pending} until the launch latency has passed, then {@code running}. */
    public static Ec2Instance launch(InstanceEnvironment env, long instanceId, InstanceUsage usage) {
        return launch(env, instanceId, usage, env.sim().nowMs() + env.timings().launchLatencyMs());
    }

    /**
     * Launches now, {@code pending} until {@code runningAtMs}. Used when a scenario pins the start of the
     * running state and the launch latency would begin before time 0.
     */
    public static Ec2Instance launch(InstanceEnvironment env, long instanceId, InstanceUsage usage, long runningAtMs) {
        Ec2Instance instance = new Ec2Instance(env, instanceId, usage);
        instance.enterPending(null, runningAtMs);
        return instance;
    }

    /** An instance already running now, launched before the scenario began: no pending stage. */
    public static Ec2Instance alreadyRunning(InstanceEnvironment env, long instanceId, InstanceUsage usage) {
        Ec2Instance instance = new Ec2Instance(env, instanceId, usage);
        instance.enterRunning(null);
        return instance;
    }

    /** Starts a stopped instance: {@code pending} for the launch latency, then {@code running}. */
    public void start() {
        start(env.sim().nowMs() + env.timings().launchLatencyMs());
    }

    /** Starts a stopped instance, {@code pending} until {@code runningAtMs}. */
    public void start(long runningAtMs) {
        require(InstanceState.PENDING, "start");
        enterPending(state, runningAtMs);
    }

    /** Stops a running instance as its user: the run ends now, {@code stopped} after the stop latency. */
    public void stop() {
        stop(EndCause.STOPPED);
    }

    /** Stops a running instance; {@code cause} says who stopped it (a Spot interruption, a failure...). */
    public void stop(EndCause cause) {
        Objects.requireNonNull(cause, "cause");
        require(InstanceState.STOPPING, "stop");
        endRun(cause);
        changeState(InstanceState.STOPPING);
        scheduleCompletion(env.timings().stopLatencyMs(), InstanceState.STOPPED);
    }

    /**
     * Hibernates a running instance: {@code stopping} for the hibernate latency, billed (aws-rules.md
     * item 1: "we do charge while it is in the stopping state"), then {@code stopped}, when the run ends.
     */
    public void hibernate(EndCause cause) {
        Objects.requireNonNull(cause, "cause");
        require(InstanceState.STOPPING, "hibernate");
        hibernating = true;
        hibernateEndCause = cause;
        changeState(InstanceState.STOPPING);
        scheduleCompletion(env.timings().hibernateLatencyMs(), InstanceState.STOPPED);
    }

    /** Hibernates as the user stopping the instance. */
    public void hibernate() {
        hibernate(EndCause.STOPPED);
    }

    /**
     * Terminates a pending, running or stopped instance: any run ends now, {@code terminated} after the latency.
     * A pending instance never reaches {@code running}, so it bills nothing.
     */
    public void terminate(EndCause cause) {
        Objects.requireNonNull(cause, "cause");
        require(InstanceState.SHUTTING_DOWN, "terminate");
        endRun(cause);
        changeState(InstanceState.SHUTTING_DOWN);
        scheduleCompletion(env.timings().terminateLatencyMs(), InstanceState.TERMINATED);
    }

    /** Terminates as the user. */
    public void terminate() {
        terminate(EndCause.STOPPED);
    }

    /**
     * Holds a pending launch: the instance stays {@code pending} until {@code runningAtMs} instead (a launch held up by
     * an impaired zone). It bills nothing while pending (aws-rules.md item 1).
     */
    public void postponeRunning(long runningAtMs) {
        if (state != InstanceState.PENDING) {
            throw new IllegalStateException("instance " + instanceId + " cannot hold its launch: it is " + state.key());
        }
        if (runningAtMs < env.sim().nowMs()) {
            throw new IllegalArgumentException("instance " + instanceId + " cannot be running at " + runningAtMs
                    + " ms, before now (" + env.sim().nowMs() + " ms)");
        }
        env.sim().cancel(pendingEvent);
        pendingEvent = env.sim().schedule(runningAtMs, Phase.LIFECYCLE, completion, InstanceState.RUNNING.ordinal());
    }

    /** Reboots a running instance: it stays running and keeps its billing run (aws-rules.md item 1). */
    public void reboot() {
        if (state != InstanceState.RUNNING) {
            throw new IllegalStateException("instance " + instanceId + " cannot reboot: it is " + state.key());
        }
        reboots++;
    }

    /** Ends the open run, if any, at the horizon with {@link EndCause#HORIZON}. The state is unchanged. */
    public void closeRunAtHorizon() {
        if (runOpen) {
            runOpen = false;
            env.usageListener().runEnded(instanceId, env.sim().horizonMs(), EndCause.HORIZON);
        }
    }

    public long instanceId() {
        return instanceId;
    }

    public InstanceUsage usage() {
        return usage;
    }

    public InstanceState state() {
        return state;
    }

    /** True while a billing run is open: running, or stopping to hibernate, before the horizon. */
    public boolean isBilling() {
        return runOpen;
    }

    public boolean isHibernating() {
        return hibernating;
    }

    /** Billing runs started so far: one per entry into {@code running} before the horizon. */
    public int runsStarted() {
        return runsStarted;
    }

    public int reboots() {
        return reboots;
    }

    private void complete(InstanceState target) {
        switch (target) {
            case RUNNING -> {
                if (state == InstanceState.PENDING) { // not terminated while pending
                    enterRunning(InstanceState.PENDING);
                }
            }
            case STOPPED -> {
                if (hibernating) {
                    hibernating = false;
                    endRun(hibernateEndCause);
                }
                changeState(InstanceState.STOPPED);
            }
            case TERMINATED -> changeState(InstanceState.TERMINATED);
            default -> throw new IllegalStateException("no transition completes in " + target.key());
        }
    }

    private void enterPending(InstanceState previous, long runningAtMs) {
        Simulation sim = env.sim();
        if (runningAtMs < sim.nowMs()) {
            throw new IllegalArgumentException("instance " + instanceId + " cannot be running at " + runningAtMs
                    + " ms, before its launch at " + sim.nowMs() + " ms");
        }
        state = InstanceState.PENDING;
        env.stateListener().onStateChange(this, previous, InstanceState.PENDING, sim.nowMs());
        pendingEvent = sim.schedule(runningAtMs, Phase.LIFECYCLE, completion, InstanceState.RUNNING.ordinal());
    }

    private void enterRunning(InstanceState previous) {
        Simulation sim = env.sim();
        state = InstanceState.RUNNING;
        long now = sim.nowMs();
        env.stateListener().onStateChange(this, previous, InstanceState.RUNNING, now);
        if (now < sim.horizonMs()) {
            runOpen = true;
            runsStarted++;
            env.usageListener().runStarted(instanceId, usage, now);
        }
    }

    private void endRun(EndCause cause) {
        if (runOpen) {
            runOpen = false;
            env.usageListener().runEnded(instanceId, env.sim().nowMs(), cause);
        }
    }

    private void changeState(InstanceState next) {
        InstanceState previous = state;
        state = next;
        env.stateListener().onStateChange(this, previous, next, env.sim().nowMs());
    }

    private void scheduleCompletion(long delayMs, InstanceState target) {
        env.sim().scheduleAfter(delayMs, Phase.LIFECYCLE, completion, target.ordinal());
    }

    private void require(InstanceState next, String action) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("instance " + instanceId + " cannot " + action + ": it is " + state.key()
                    + " (aws-rules.md item 10 allows " + state.key() + " -> " + allowedFrom(state) + ")");
        }
    }

    private static String allowedFrom(InstanceState from) {
        StringBuilder sb = new StringBuilder();
        for (InstanceState s : STATES) {
            if (from.canTransitionTo(s)) {
                sb.append(sb.length() == 0 ? "" : " | ").append(s.key());
            }
        }
        return sb.length() == 0 ? "nothing" : sb.toString();
    }
}
