package dev.fleetsim.demand;

import java.time.DayOfWeek;
import java.util.Objects;

/**
 * A daily cycle with weekends and noise ({@link DiurnalShape}) on the UTC calendar of the scenario
 * ({@link UtcAnchor}).
 *
 * <p>Noise: scenario time is cut into steps of {@code noiseStepMs} (one minute by default, the Auto Scaling metric
 * period); step k's multiplier is {@code max(0, 1 + noise * Z_k)}, where Z_k is a standard normal computed from
 * {@code (noiseSeed, k)} by {@link CounterRandom}. A value is therefore the same whoever asks, whenever, in any order.
 * The clamp at 0 keeps demand non-negative; it matters only when noise is large (below 0.3 it bites with probability
 * under 0.05%).
 *
 * <p>{@link #meanOver} is exact: the cosine is integrated in closed form over each piece of the interval that lies in
 * one UTC day and one noise step.
 */
public final class DiurnalDemand implements DemandSignal {

    /** One minute: the period of the Auto Scaling metric the signal feeds. */
    public static final long DEFAULT_NOISE_STEP_MS = 60_000L;

    private static final long DAY_MS = UtcAnchor.DAY_MS;
    private static final double OMEGA = 2.0 * Math.PI / DAY_MS;

    private final DiurnalShape shape;
    private final UtcAnchor anchor;
    private final long noiseSeed;
    private final long noiseStepMs;
    private final long peakMsIntoDay;

    public DiurnalDemand(DiurnalShape shape, UtcAnchor anchor, long noiseSeed) {
        this(shape, anchor, noiseSeed, DEFAULT_NOISE_STEP_MS);
    }

    public DiurnalDemand(DiurnalShape shape, UtcAnchor anchor, long noiseSeed, long noiseStepMs) {
        this.shape = Objects.requireNonNull(shape, "shape");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        if (noiseStepMs <= 0) {
            throw new IllegalArgumentException("the noise step must be > 0 ms, got " + noiseStepMs);
        }
        this.noiseSeed = noiseSeed;
        this.noiseStepMs = noiseStepMs;
        this.peakMsIntoDay = Math.round(shape.peakHour() * UtcAnchor.HOUR_MS);
    }

    public DiurnalShape shape() {
        return shape;
    }

    @Override
    public double valueAt(long timeMs) {
        double phase = OMEGA * (anchor.msIntoDayAt(timeMs) - peakMsIntoDay);
        double v = shape.mean() * (1.0 + shape.amplitude() * Math.cos(phase)) * dayFactor(timeMs);
        return v * noiseMultiplier(Math.floorDiv(timeMs, noiseStepMs));
    }

    @Override
    public double meanOver(long fromMs, long toMs) {
        DemandSignal.requireInterval(fromMs, toMs);
        if (fromMs == toMs) {
            return valueAt(fromMs);
        }
        double integral = 0;
        long a = fromMs;
        while (a < toMs) {
            long b = Math.min(toMs, anchor.nextDayStartAfter(a));
            if (shape.noise() > 0) {
                long step = Math.floorDiv(a, noiseStepMs);
                b = Math.min(b, (step + 1) * noiseStepMs);
                integral += shapeIntegral(a, b) * noiseMultiplier(step);
            } else {
                integral += shapeIntegral(a, b);
            }
            a = b;
        }
        return integral / (double) (toMs - fromMs);
    }

    /** The noise-free integral over [a, b), which lies within one UTC day. */
    private double shapeIntegral(long a, long b) {
        long intoDayA = anchor.msIntoDayAt(a);
        long intoDayB = intoDayA + (b - a); // may reach DAY_MS exactly at the day's end; the cosine is continuous
        double cosIntegral = (Math.sin(OMEGA * (intoDayB - peakMsIntoDay)) - Math.sin(OMEGA * (intoDayA - peakMsIntoDay)))
                / OMEGA;
        return shape.mean() * ((b - a) + shape.amplitude() * cosIntegral) * dayFactor(a);
    }

    private double dayFactor(long timeMs) {
        DayOfWeek d = anchor.dayOfWeekAt(timeMs);
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY ? shape.weekendFactor() : 1.0;
    }

    private double noiseMultiplier(long step) {
        if (shape.noise() == 0) {
            return 1.0;
        }
        return Math.max(0.0, 1.0 + shape.noise() * CounterRandom.gaussian(noiseSeed, step, 0));
    }

    @Override
    public String toString() {
        return "DiurnalDemand{" + shape + ", " + anchor + "}";
    }
}
