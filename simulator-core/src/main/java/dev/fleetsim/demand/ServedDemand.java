package dev.fleetsim.demand;

import java.util.Objects;

/**
 * Served and unserved demand of a container workload whose running tasks each serve {@code perTask}: a
 * {@link DemandMeter} advanced at every change of the running count, so the served capacity is exact between
 * changes. Tasks that received a Fargate Spot warning no longer count (they are shutting down).
 */
public final class ServedDemand {

    private final DemandMeter meter;
    private final double perTask;
    private long running;

    public ServedDemand(DemandSignal signal, double perTask, long startMs) {
        this.meter = new DemandMeter(Objects.requireNonNull(signal, "signal"), startMs);
        if (!(perTask > 0) || Double.isInfinite(perTask)) {
            throw new IllegalArgumentException("perTask must be a finite number > 0, got " + perTask);
        }
        this.perTask = perTask;
    }

    /** {@code delta} tasks started (+) or stopped (-) running at {@code nowMs}. */
    public void runningChanged(long nowMs, int delta) {
        meter.advance(nowMs, running * perTask);
        running += delta;
        if (running < 0) {
            throw new IllegalStateException("running count below 0");
        }
    }

    /** Closes the meter at {@code endMs} (the horizon). */
    public void finish(long endMs) {
        meter.advance(endMs, running * perTask);
    }

    public DemandMeter meter() {
        return meter;
    }
}
