package dev.fleetsim.workload;

import java.util.SplittableRandom;
import org.apache.commons.math3.special.Erf;

/**
 * How long a task or pod runs, in milliseconds (for Fargate: its billed time, SPEC section 5). Random forms
 * draw one uniform per task from the workload's durations stream and invert the CDF, so a task's duration
 * does not depend on how other streams are used. Draws are rounded to the millisecond and at least 1 ms
 * (a task ends after it starts).
 */
public sealed interface DurationDistribution {

    long sampleMs(SplittableRandom random);

    record Fixed(long durationMs) implements DurationDistribution {
        public Fixed {
            if (durationMs <= 0) {
                throw new IllegalArgumentException("a fixed duration must be > 0 ms, got " + durationMs);
            }
        }

        @Override
        public long sampleMs(SplittableRandom random) {
            return durationMs;
        }
    }

    /** Exponential with the given mean: -mean x ln(1 - U). */
    record Exponential(long meanMs) implements DurationDistribution {
        public Exponential {
            if (meanMs <= 0) {
                throw new IllegalArgumentException("an exponential mean must be > 0 ms, got " + meanMs);
            }
        }

        @Override
        public long sampleMs(SplittableRandom random) {
            return atLeastOne(-meanMs * Math.log(1.0 - random.nextDouble()));
        }
    }

    /** Log-normal with median e^mu and shape sigma: median x exp(sigma x z), z the standard normal quantile of U. */
    record Lognormal(long medianMs, double sigma) implements DurationDistribution {
        public Lognormal {
            if (medianMs <= 0) {
                throw new IllegalArgumentException("a log-normal median must be > 0 ms, got " + medianMs);
            }
            if (!(sigma >= 0) || Double.isInfinite(sigma)) {
                throw new IllegalArgumentException("log-normal sigma must be a finite number >= 0, got " + sigma);
            }
        }

        @Override
        public long sampleMs(SplittableRandom random) {
            // U in (0, 1): the midpoint of one of 2^53 equal cells, never 0 or 1.
            double u = ((random.nextLong() >>> 11) + 0.5) * 0x1.0p-53;
            double z = Math.sqrt(2) * Erf.erfInv(2 * u - 1);
            return atLeastOne(medianMs * Math.exp(sigma * z));
        }
    }

    private static long atLeastOne(double ms) {
        return Math.max(1, Math.round(ms));
    }
}
