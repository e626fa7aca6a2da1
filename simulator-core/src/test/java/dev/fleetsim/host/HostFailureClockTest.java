package dev.fleetsim.host;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

final class HostFailureClockTest {

    /**
     * Constant hazard: over E instance-years at rate r the number of failures is Poisson with mean and variance r x E.
     * 2,000 instances x 1 year at 2 a year: mean 4,000, standard deviation sqrt(4,000) = 63.2; four standard deviations
     * (253) bound the count for all but 6 in 100,000 seeds (normal approximation, two-sided).
     */
    @Test
    void runningMsUntilFailure_countOverTwoThousandInstanceYears_isWithinFourSigmaOfTheRate() {
        HostFailureClock clock = new HostFailureClock(7, 2.0);
        long failures = 0;
        for (int i = 0; i < 2_000; i++) {
            long seed = clock.instanceSeed("instance-" + i);
            long t = 0;
            for (long k = 0; ; k++) {
                t += clock.runningMsUntilFailure(seed, k);
                if (t > HostFailureClock.YEAR_MS) {
                    break;
                }
                failures++;
            }
        }
        assertThat(failures).isBetween(4_000L - 253, 4_000L + 253);
    }

    /** The mean of Exp(rate) is 1 / rate: 0.5 a year gives 2 years = 63,072,000,000 ms; 20,000 draws within 3%. */
    @Test
    void runningMsUntilFailure_meanOfManyDraws_isOneOverTheRate() {
        HostFailureClock clock = new HostFailureClock(1, 0.5);
        double sum = 0;
        long seed = clock.instanceSeed("i");
        for (long k = 0; k < 20_000; k++) {
            sum += clock.runningMsUntilFailure(seed, k);
        }
        // Standard error of the mean = mean / sqrt(20,000) = 0.71% of the mean; 3% is over 4 standard errors.
        assertThat(sum / 20_000).isBetween(63_072_000_000.0 * 0.97, 63_072_000_000.0 * 1.03);
    }

    @Test
    void runningMsUntilFailure_sameSeedAndKey_sameTimes_otherKey_otherTimes() {
        HostFailureClock a = new HostFailureClock(42, 1.0);
        HostFailureClock b = new HostFailureClock(42, 1.0);

        assertThat(a.runningMsUntilFailure(a.instanceSeed("x"), 3)).isEqualTo(b.runningMsUntilFailure(b.instanceSeed("x"), 3));
        assertThat(a.runningMsUntilFailure(a.instanceSeed("x"), 3)).isNotEqualTo(a.runningMsUntilFailure(a.instanceSeed("y"), 3));
        assertThat(new HostFailureClock(43, 1.0).instanceSeed("x")).isNotEqualTo(a.instanceSeed("x"));
    }
}
