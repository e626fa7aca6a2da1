package dev.fleetsim.demand;

import java.util.Arrays;

/**
 * A piecewise-constant rate: from each point's time on, its value holds until the next point's time; before the
 * first point the rate is 0. This is both the {@code steps} signal (a list of {@code (at, value)}) and the
 * {@code trace} signal: fleetsim replays a CSV trace by holding each row's value until the next row (the reading the
 * scenario reference pins for traces: "the value holds until the next row"), not by interpolating, so a trace
 * sampled once a minute reproduces the per-minute averages it was made from.
 *
 * <p>Points may share a time (the later one wins from that time on). {@link #meanOver} is O(log n) through a prefix
 * integral.
 */
public final class StepDemand implements DemandSignal {

    private final long[] timeMs;
    private final double[] values;
    /** {@code integral[i]} = the integral (value x ms) from {@code timeMs[0]} to {@code timeMs[i]}. */
    private final double[] integral;

    /**
     * @param timeMs non-decreasing scenario times (may be negative: a trace that began before the scenario)
     * @param values finite, >= 0; same length as {@code timeMs}
     */
    public StepDemand(long[] timeMs, double[] values) {
        if (timeMs.length != values.length) {
            throw new IllegalArgumentException("a step demand needs as many times (" + timeMs.length
                    + ") as values (" + values.length + ")");
        }
        this.timeMs = timeMs.clone();
        this.values = values.clone();
        this.integral = new double[timeMs.length];
        for (int i = 0; i < this.timeMs.length; i++) {
            if (!(this.values[i] >= 0) || Double.isInfinite(this.values[i])) {
                throw new IllegalArgumentException("demand value " + i + " must be a finite number >= 0, got "
                        + this.values[i]);
            }
            if (i > 0) {
                if (this.timeMs[i] < this.timeMs[i - 1]) {
                    throw new IllegalArgumentException("demand times must not decrease: " + this.timeMs[i]
                            + " ms follows " + this.timeMs[i - 1] + " ms");
                }
                integral[i] = integral[i - 1] + this.values[i - 1] * (double) (this.timeMs[i] - this.timeMs[i - 1]);
            }
        }
    }

    public int size() {
        return timeMs.length;
    }

    @Override
    public double valueAt(long t) {
        int i = lastAtOrBefore(t);
        return i < 0 ? 0.0 : values[i];
    }

    @Override
    public double meanOver(long fromMs, long toMs) {
        DemandSignal.requireInterval(fromMs, toMs);
        if (fromMs == toMs) {
            return valueAt(fromMs);
        }
        return (integralTo(toMs) - integralTo(fromMs)) / (double) (toMs - fromMs);
    }

    /** The integral from the first point to {@code t} (negative of nothing before it: the rate there is 0). */
    private double integralTo(long t) {
        int i = lastAtOrBefore(t);
        if (i < 0) {
            return 0.0;
        }
        return integral[i] + values[i] * (double) (t - timeMs[i]);
    }

    /** The last index whose time is <= t, or -1. */
    private int lastAtOrBefore(long t) {
        int i = Arrays.binarySearch(timeMs, t);
        if (i < 0) {
            return -i - 2;
        }
        while (i + 1 < timeMs.length && timeMs[i + 1] == t) {
            i++;
        }
        return i;
    }

    @Override
    public String toString() {
        return "StepDemand{" + timeMs.length + " points}";
    }
}
