package dev.fleetsim.autoscaling;

import dev.fleetsim.demand.DemandMeter;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Drives one {@link AutoScalingGroup} on the engine: starts it, applies its scheduled actions at their times, and
 * every evaluation period (60 s) runs target tracking if it has one and reconciles the group (which retries launches
 * that found no capacity). With target tracking it also meters served and unserved demand.
 *
 * <p>All its events are in {@link Phase#AUTOSCALING}. Scheduled actions at the same instant as an evaluation come
 * first, then the evaluation sees their result.
 */
public final class GroupScaler {

    private final Simulation sim;
    private final AutoScalingGroup group;
    private final TargetTrackingPolicy tracking;
    private final List<ScheduledAction> schedule;
    private final long periodMs;
    private final EventHandler onTick = (s, unused) -> tick();
    private final EventHandler onAction = (s, index) -> action((int) index);
    private DemandMeter meter;
    private boolean started;

    /**
     * @param tracking null for a group without target tracking
     * @param schedule scheduled actions, any order; applied in time order (ties in list order)
     */
    public GroupScaler(Simulation sim, AutoScalingGroup group, TargetTrackingPolicy tracking,
                       List<ScheduledAction> schedule) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.group = Objects.requireNonNull(group, "group");
        this.tracking = tracking;
        this.schedule = List.copyOf(schedule);
        this.periodMs = tracking != null ? tracking.evaluationPeriodMs() : TargetTrackingPolicy.DEFAULT_EVALUATION_PERIOD_MS;
    }

    /** Starts the group now and schedules its actions and evaluations. Call once, before or during the run. */
    public void start() {
        if (started) {
            throw new IllegalStateException(group.name() + ": the scaler has already started");
        }
        started = true;
        long now = sim.nowMs();
        group.start();
        if (tracking != null) {
            meter = new DemandMeter(tracking.signal(), now);
            group.attachMeter(meter);
        }
        // Scheduled in time order so that equal times keep list order (the engine breaks ties by insertion).
        Integer[] order = new Integer[schedule.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(schedule.get(a).atMs(), schedule.get(b).atMs()));
        for (int i : order) {
            long at = Math.max(now, schedule.get(i).atMs());
            if (at <= sim.horizonMs()) {
                sim.schedule(at, Phase.AUTOSCALING, onAction, i);
            }
        }
        scheduleTick(now + periodMs);
    }

    /** Closes the demand meter at {@code endMs} (the horizon); a no-op without target tracking. */
    public void finish(long endMs) {
        if (meter != null) {
            meter.advance(endMs, group.servingCapacity());
        }
    }

    /** Served and unserved demand, or null without target tracking. */
    public DemandMeter meter() {
        return meter;
    }

    public AutoScalingGroup group() {
        return group;
    }

    private void tick() {
        if (tracking != null) {
            int next = tracking.evaluate(sim.nowMs(), group.desired(), group.min(), group.max(),
                    group.meanThroughputPerInstance());
            if (next != group.desired()) {
                group.setDesired(next);
            } else {
                group.reconcile();
            }
        } else {
            group.reconcile();
        }
        scheduleTick(sim.nowMs() + periodMs);
    }

    private void action(int index) {
        group.apply(schedule.get(index));
    }

    private void scheduleTick(long atMs) {
        if (atMs <= sim.horizonMs()) {
            sim.schedule(atMs, Phase.AUTOSCALING, onTick, 0L);
        }
    }
}
