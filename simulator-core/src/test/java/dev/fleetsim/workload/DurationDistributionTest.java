package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class DurationDistributionTest {

    @Test
    void fixed_isExact_andDrawsNothing() {
        SplittableRandom r = new SplittableRandom(1);
        long before = new SplittableRandom(1).nextLong();
        assertThat(new DurationDistribution.Fixed(600_000).sampleMs(r)).isEqualTo(600_000);
        assertThat(r.nextLong()).isEqualTo(before);
    }

    @Test
    void exponential_meanMatches() {
        // Mean 1 h over 10,000 draws: standard error 3.6e6 / 100 = 36,000 ms; 5 sigma = 180,000.
        SplittableRandom r = new SplittableRandom(3);
        DurationDistribution d = new DurationDistribution.Exponential(3_600_000);
        double sum = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = d.sampleMs(r);
            assertThat(ms).isGreaterThanOrEqualTo(1);
            sum += ms;
        }
        assertThat(sum / 10_000).isBetween(3_600_000 - 180_000.0, 3_600_000 + 180_000.0);
    }

    @Test
    void lognormal_medianAndSigmaMatch() {
        // Median 40 min, sigma 0.5: half the draws fall below 2,400,000 ms (sd 0.005, 5 sigma 0.025); the mean
        // of ln(d) is ln(2.4e6) = 14.6909 with standard error 0.5 / 100 = 0.005 (5 sigma 0.025).
        SplittableRandom r = new SplittableRandom(9);
        DurationDistribution d = new DurationDistribution.Lognormal(2_400_000, 0.5);
        int below = 0;
        double logSum = 0;
        for (int i = 0; i < 10_000; i++) {
            long ms = d.sampleMs(r);
            below += ms < 2_400_000 ? 1 : 0;
            logSum += Math.log(ms);
        }
        assertThat(below / 10_000.0).isBetween(0.475, 0.525);
        assertThat(logSum / 10_000).isBetween(Math.log(2.4e6) - 0.025, Math.log(2.4e6) + 0.025);
    }

    @Test
    void lognormal_sigmaZero_isTheMedian() {
        assertThat(new DurationDistribution.Lognormal(1234, 0).sampleMs(new SplittableRandom(1))).isEqualTo(1234);
    }
}
