package dev.fleetsim.autoscaling;

import dev.fleetsim.demand.DemandSignal;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.Objects;

/**
 * Drives the desired count of one container workload (an ECS service, a Kubernetes Deployment) from a demand signal:
 * every {@code periodMs} from the start, in {@link Phase#AUTOSCALING}, it reads the signal's mean over the last period
 * (at time 0, the value then) and asks its {@link Policy} for the new desired count.
 */
public final class WorkloadScaler {

    /** The decision rule: {@link ServiceTargetTracking} or {@link HorizontalPodAutoscaler}. */
    @FunctionalInterface
    public interface Policy {
        /** @param throughputPerTask what one task serves at 100% (the mean over the running ones) */
        int next(long nowMs, int desired, double demand, boolean deploying, double throughputPerTask);

        static Policy of(ServiceTargetTracking tracking) {
            return tracking::evaluate;
        }

        static Policy of(HorizontalPodAutoscaler hpa) {
            return (now, desired, demand, deploying, throughput) -> hpa.recommend(now, desired, demand, throughput);
        }
    }

    /** What is scaled. */
    public interface Target {
        int desired();

        void setDesired(int desired);

        boolean deploying();

        /** What one task serves at 100% now: the mean over its running tasks (a default when none runs). */
        double throughputPerTask();
    }

    private final Simulation sim;
    private final DemandSignal signal;
    private final long periodMs;
    private final Policy policy;
    private final Target target;
    private final EventHandler onTick = (s, unused) -> tick();
    private long changes;

    public WorkloadScaler(Simulation sim, DemandSignal signal, long periodMs, Policy policy, Target target) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.signal = Objects.requireNonNull(signal, "signal");
        if (periodMs <= 0) {
            throw new IllegalArgumentException("period must be > 0 ms, got " + periodMs);
        }
        this.periodMs = periodMs;
        this.policy = Objects.requireNonNull(policy, "policy");
        this.target = Objects.requireNonNull(target, "target");
    }

    /** Schedules the evaluations from now on; call once. */
    public void start() {
        schedule(sim.nowMs());
    }

    /**
     * Schedules the evaluations from one period after now on, when the first full period's mean is there (a CloudWatch
     * one-minute data point exists only for a finished minute); call once, instead of {@link #start}.
     */
    public void startAfterOnePeriod() {
        schedule(sim.nowMs() + periodMs);
    }

    /** Times the policy changed the desired count. */
    public long changes() {
        return changes;
    }

    /** The metric at {@code nowMs}: the signal's mean over the last period. */
    double metric(long nowMs) {
        return nowMs >= periodMs ? signal.meanOver(nowMs - periodMs, nowMs) : signal.valueAt(nowMs);
    }

    private void tick() {
        long now = sim.nowMs();
        int desired = target.desired();
        int next = policy.next(now, desired, metric(now), target.deploying(), target.throughputPerTask());
        if (next != desired) {
            changes++;
            target.setDesired(next);
        }
        schedule(now + periodMs);
    }

    private void schedule(long atMs) {
        if (atMs <= sim.horizonMs()) {
            sim.schedule(atMs, Phase.AUTOSCALING, onTick, 0L);
        }
    }
}
