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
 *
 * <p>With {@link #trackHours} the meter also keeps both integrals per clock-hour, for hourly reports; slices are then
 * also cut at the hour boundaries (which changes nothing when the start lies on a whole minute).
 */
public final class DemandMeter {

    public static final long DEFAULT_SLICE_MS = 60_000L;

    private final DemandSignal signal;
    private final long sliceMs;
    private long lastMs;
    private double demanded;
    private double served;
    private static final long HOUR_MS = 3_600_000L;
    private long hourOffsetMs;
    private double[] hourlyDemanded;
    private double[] hourlyServed;

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
            int hour = -1;
            if (hourlyDemanded != null) {
                long clock = a + hourOffsetMs;
                hour = (int) Math.floorDiv(clock, HOUR_MS);
                b = Math.min(b, (hour + 1L) * HOUR_MS - hourOffsetMs);
            }
            double seconds = (b - a) / 1000.0;
            double mean = signal.meanOver(a, b);
            double servedHere = Math.min(mean, capacity) * seconds;
            demanded += mean * seconds;
            served += servedHere;
            if (hour >= 0 && hour < hourlyDemanded.length) {
                hourlyDemanded[hour] += mean * seconds;
                hourlyServed[hour] += servedHere;
            }
            a = b;
        }
        lastMs = toMs;
    }

    /**
     * Keeps demanded and served per clock-hour from now on: hour {@code h} covers run time
     * {@code [h x 1 h - hourOffsetMs, (h + 1) x 1 h - hourOffsetMs)}, so hour 0 is the clock-hour the run starts in.
     *
     * @param hourOffsetMs how far into its UTC clock-hour the run starts, in [0, 1 h)
     * @param hours clock-hours to keep; time after them is metered in the totals only
     */
    public void trackHours(long hourOffsetMs, int hours) {
        if (hourOffsetMs < 0 || hourOffsetMs >= HOUR_MS || hours < 0) {
            throw new IllegalArgumentException("need 0 <= hourOffsetMs < 1 h and hours >= 0, got " + hourOffsetMs
                    + " ms and " + hours);
        }
        this.hourOffsetMs = hourOffsetMs;
        this.hourlyDemanded = new double[hours];
        this.hourlyServed = new double[hours];
    }

    /** Clock-hours kept ({@link #trackHours}); 0 when not tracking. */
    public int trackedHours() {
        return hourlyDemanded == null ? 0 : hourlyDemanded.length;
    }

    /** Demand integrated over clock-hour {@code hour} (requests, for requests per second). */
    public double demandedInHour(int hour) {
        return hourlyDemanded[hour];
    }

    public double servedInHour(int hour) {
        return hourlyServed[hour];
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
