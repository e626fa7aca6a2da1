package dev.fleetsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class PeerWorkloadTest {

    private static final int N = 100_000;

    @Test
    void generate_sameSeed_givesTheSameWorkload() {
        PeerWorkload a = PeerWorkload.generate(1_000, 7);
        PeerWorkload b = PeerWorkload.generate(1_000, 7);
        PeerWorkload other = PeerWorkload.generate(1_000, 8);
        boolean differs = false;
        for (int i = 0; i < 1_000; i++) {
            assertThat(a.arrivalMs(i)).isEqualTo(b.arrivalMs(i));
            assertThat(a.durationMs(i)).isEqualTo(b.durationMs(i));
            differs |= a.arrivalMs(i) != other.arrivalMs(i);
        }
        assertThat(differs).as("another seed draws other arrivals").isTrue();
    }

    @Test
    void generate_arrivalsSortedWithinTheDay_durationsPositive() {
        PeerWorkload w = PeerWorkload.generate(N, PeerWorkload.SEED);
        assertThat(w.count()).isEqualTo(N);
        for (int i = 0; i < N; i++) {
            assertThat(w.arrivalMs(i)).isBetween(0L, 86_400_000L - 1);
            if (i > 0) {
                assertThat(w.arrivalMs(i)).isGreaterThanOrEqualTo(w.arrivalMs(i - 1));
            }
            assertThat(w.durationMs(i)).isPositive();
        }
    }

    @Test
    void generate_followsUniformArrivalsAndExponentialDurations() {
        PeerWorkload w = PeerWorkload.generate(N, PeerWorkload.SEED);
        double arrivalSum = 0;
        double durationSum = 0;
        int longerThanAnHour = 0;
        for (int i = 0; i < N; i++) {
            arrivalSum += w.arrivalMs(i);
            durationSum += w.durationMs(i);
            longerThanAnHour += w.durationMs(i) > 3_600_000L ? 1 : 0;
        }
        // Uniform on [0, 86.4 M ms): mean 43.2 M ms, sd 86.4 M / sqrt(12) = 24.9 M, so the sample mean of 100,000
        // has sd 79 k ms (0.18 %); 1 % is over five sd.
        assertThat(arrivalSum / N).isCloseTo(43_200_000.0, org.assertj.core.data.Percentage.withPercentage(1));
        // Exponential with mean 3.6 M ms: the sample mean has sd 3.6 M / sqrt(100,000) = 11.4 k ms (0.32 %).
        assertThat(durationSum / N).isCloseTo(3_600_000.0, org.assertj.core.data.Percentage.withPercentage(2));
        // P(duration > mean) = e^-1 = 0.3679; binomial sd sqrt(0.3679 x 0.6321 / 100,000) = 0.0015.
        assertThat(longerThanAnHour / (double) N).isBetween(0.3679 - 0.008, 0.3679 + 0.008);
    }

    @Test
    void of_rejectsUnsortedArrivalsAndEmptyDurations() {
        assertThatThrownBy(() -> PeerWorkload.of(new long[] {5, 4}, new long[] {1, 1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sorted");
        assertThatThrownBy(() -> PeerWorkload.of(new long[] {0}, new long[] {0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 ms");
        assertThatThrownBy(() -> PeerWorkload.of(new long[] {0}, new long[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
