package dev.fleetsim.spot;

import dev.fleetsim.demand.CounterRandom;
import java.util.Arrays;

/**
 * One pool's price path as a multiplier of its long-run level, hour by hour:
 * {@code x_0 = logSd * Z_0}, {@code x_(h+1) = phi * x_h + logSd * sqrt(1 - phi^2) * Z_(h+1)}, multiplier
 * {@code exp(x_h - logSd^2 / 2)}. The path starts in its stationary distribution (no warm-up transient), and the
 * {@code -logSd^2 / 2} makes the expected multiplier exactly 1, so the time-average price tends to the level itself
 * rather than to its lognormal mean. Z_h comes from {@link CounterRandom} on {@code (seed, h)}: the path depends only
 * on the pool's seed. Computed lazily and cached.
 */
public final class MeanRevertingPrice {

    private final long seed;
    private final double phi;
    private final double logSd;
    private final double innovationSd;
    private final double meanCorrection;
    private double[] logDeviation = new double[0];
    private int computed;

    public MeanRevertingPrice(long seed, SpotPriceParameters parameters) {
        this.seed = seed;
        this.phi = parameters.phi();
        this.logSd = parameters.logSd();
        this.innovationSd = logSd * Math.sqrt(1 - phi * phi);
        this.meanCorrection = logSd * logSd / 2;
    }

    /** The price multiplier in clock-hour {@code hour} (>= 0); always > 0. */
    public double multiplier(int hour) {
        return Math.exp(logDeviation(hour) - meanCorrection);
    }

    /** The log deviation {@code x_hour} from the level. */
    public double logDeviation(int hour) {
        if (hour < 0) {
            throw new IllegalArgumentException("hour must be >= 0, got " + hour);
        }
        if (hour >= computed) {
            extendTo(hour);
        }
        return logDeviation[hour];
    }

    private void extendTo(int hour) {
        if (hour >= logDeviation.length) {
            logDeviation = Arrays.copyOf(logDeviation, Math.max(hour + 1, Math.max(64, logDeviation.length * 2)));
        }
        for (int h = computed; h <= hour; h++) {
            double z = CounterRandom.gaussian(seed, h, 0);
            logDeviation[h] = h == 0 ? logSd * z : phi * logDeviation[h - 1] + innovationSd * z;
        }
        computed = hour + 1;
    }
}
