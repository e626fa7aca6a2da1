package dev.fleetsim.demand;

import java.util.Objects;

/**
 * Integrates a demand signal against the capacity that serves it, to measure served and unserved demand (SPEC
 * section 3: "unserved demand is measured"). The owner calls {@link #advance} with the capacity that held since the
 * previous call, before every change of capacity and at the end of the run.
 *
 * <p>Within a call the interval is cut into slices on a fixed grid of {@code sliceMs} (one minute by default);
 * each slice serves {@code min(mean demand over the slice, capacity)}. That is exact for demand that is constant
 * within each slice (constant signals, steps and traces on whole minutes, diurnal noise steps) and otherwise an
 * approximation from below of the served part by at most the demand's variation within a minute.
 *
 * <p>Units: a signal in requests per second integrates to requests.
 */
public final class DemandMeter {

    public static final long DEFAULT_SLICE_MS = 60_000L;

    private final DemandSignal signal;
    private final long sliceMs;
    private long lastMs;
    private double demanded;
    private double served;

    public DemandMeter(DemandSignal signal, long startMs) {
        this(signal, startMs, DEFAULT_SLICE_MS);
    }

    public DemandMeter(DemandSignal signal, long startMs, long sliceMs) {
        this.signal = Objects.requireNonNull(signal, "signal");
        if (sliceMs <= 0) {
            throw new IllegalArgumentException("slice must be > 0 ms, got " + sliceMs);
        }
        this.sliceMs = sliceMs;
        this.lastMs = startMs;
    }

    /**
     * Accounts for {@code [lastMs(), toMs)} with {@code capacity} (in the signal's unit) serving throughout.
     *
     * @throws IllegalArgumentException if {@code toMs} is before {@link #lastMs()} or the capacity is negative
     */
    public void advance(long toMs, double capacity) {
        if (toMs < lastMs) {
            throw new IllegalArgumentException("the meter is at " + lastMs + " ms; cannot go back to " + toMs);
        }
        if (!(capacity >= 0)) {
            throw new IllegalArgumentException("capacity must be >= 0, got " + capacity);
        }
        long a = lastMs;
        while (a < toMs) {
            long b = Math.min(toMs, (Math.floorDiv(a, sliceMs) + 1) * sliceMs);
            double seconds = (b - a) / 1000.0;
            double mean = signal.meanOver(a, b);
            demanded += mean * seconds;
            served += Math.min(mean, capacity) * seconds;
            a = b;
        }
        lastMs = toMs;
    }

    public long lastMs() {
        return lastMs;
    }

    /** The signal integrated over the metered time (requests, for requests per second). */
    public double demanded() {
        return demanded;
    }

    public double served() {
        return served;
    }

    public double unserved() {
        return Math.max(0.0, demanded - served);
    }

    /** Served over demanded; 1 when nothing was demanded. */
    public double servedFraction() {
        return demanded == 0 ? 1.0 : served / demanded;
    }
}
