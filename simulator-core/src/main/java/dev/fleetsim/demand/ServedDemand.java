package dev.fleetsim.demand;

import java.util.Objects;

/**
 * Served and unserved demand of a container workload: a {@link DemandMeter} advanced at every change of its running
 * tasks, each serving its own throughput (the owner weighs a task by the processor it runs on), so the served
 * capacity is exact between changes. Tasks that received a Fargate Spot warning no longer count (they are shutting
 * down).
 */
public final class ServedDemand {

    private final DemandMeter meter;
    private long running;
    private double capacity;

    public ServedDemand(DemandSignal signal, long startMs) {
        this.meter = new DemandMeter(Objects.requireNonNull(signal, "signal"), startMs);
    }

    /**
     * {@code delta} tasks started (+) or stopped (-) running at {@code nowMs}, each serving {@code throughput} (the
     * same value it started with when it stops).
     */
    public void change(long nowMs, int delta, double throughput) {
        if (!(throughput > 0) || Double.isInfinite(throughput)) {
            throw new IllegalArgumentException("a task's throughput must be a finite number > 0, got " + throughput);
        }
        meter.advance(nowMs, capacity);
        running += delta;
        if (running < 0) {
            throw new IllegalStateException("running count below 0");
        }
        // Recomputed from zero when nothing runs, so rounding never leaves a residue.
        capacity = running == 0 ? 0.0 : Math.max(0.0, capacity + delta * throughput);
    }

    /** The mean throughput of a running task, or {@code fallback} when none runs. */
    public double throughputPerTask(double fallback) {
        return running == 0 ? fallback : capacity / running;
    }

    /** Closes the meter at {@code endMs} (the horizon). */
    public void finish(long endMs) {
        meter.advance(endMs, capacity);
    }

    public DemandMeter meter() {
        return meter;
    }
}
