package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Arrival timing (SPEC section 5): every / at / uniform / poisson. */
final class ArrivalProcessTest {

    private static final long HOUR = 3_600_000L;

    /** Each batch as {timeMs, count}. */
    private static List<long[]> batches(ArrivalProcess p, long horizonMs, long seed) {
        ArrivalProcess.Cursor c = p.cursor(new SplittableRandom(seed), horizonMs);
        List<long[]> out = new ArrayList<>();
        while (c.advance()) {
            out.add(new long[] {c.timeMs(), c.count()});
        }
        return out;
    }

    @Test
    void every_launchesAtZeroAndEachPeriodBeforeTheHorizon_spec5() {
        // {every: PT1H, count: 2} over PT5H: 0, 1h, 2h, 3h, 4h (5h is the horizon, not before it).
        List<long[]> b = batches(new ArrivalProcess.Every(HOUR, 2), 5 * HOUR, 1);
        assertThat(b).extracting(x -> x[0]).containsExactly(0L, HOUR, 2 * HOUR, 3 * HOUR, 4 * HOUR);
        assertThat(b).extracting(x -> x[1]).containsOnly(2L);
        // A horizon one ms past 5h admits the 5h batch.
        assertThat(batches(new ArrivalProcess.Every(HOUR, 2), 5 * HOUR + 1, 1)).hasSize(6);
    }

    @Test
    void at_sortedTimes_beforeHorizonOnly() {
        List<long[]> b = batches(new ArrivalProcess.At(List.of(2 * HOUR, 0L, 9 * HOUR), 3), 5 * HOUR, 1);
        assertThat(b).extracting(x -> x[0]).containsExactly(0L, 2 * HOUR);
        assertThat(b).extracting(x -> x[1]).containsOnly(3L);
    }

    @Test
    void uniform_countTimesInOrderWithinSpan_meanNearHalf() {
        long day = 24 * HOUR;
        List<long[]> b = batches(new ArrivalProcess.Uniform(10_000, day), 2 * day, 7);
        assertThat(b).hasSize(10_000);
        long previous = -1;
        double sum = 0;
        int firstHalf = 0;
        for (long[] x : b) {
            assertThat(x[0]).isGreaterThanOrEqualTo(previous).isLessThan(day);
            assertThat(x[1]).isEqualTo(1);
            previous = x[0];
            sum += x[0];
            firstHalf += x[0] < day / 2 ? 1 : 0;
        }
        // Mean of U(0, 86.4e6): 43.2e6, standard error 86.4e6 / sqrt(12 x 10000) = 249,415; 5 sigma = 1.25e6.
        assertThat(sum / b.size()).isBetween(43.2e6 - 1.25e6, 43.2e6 + 1.25e6);
        // Share in the first half: 0.5, standard error 0.005; 5 sigma = 0.025.
        assertThat(firstHalf / 10_000.0).isBetween(0.475, 0.525);
    }

    @Test
    void uniform_spanPastTheHorizon_stopsAtTheHorizon() {
        // 1000 over 10 h with a 5 h horizon: about 500 (binomial sd 15.8; 5 sigma = 79).
        assertThat(batches(new ArrivalProcess.Uniform(1000, 10 * HOUR), 5 * HOUR, 3).size()).isBetween(421, 579);
    }

    @Test
    void poisson_countMatchesRate() {
        // 60 per hour over 100 hours: 6000 expected, sd sqrt(6000) = 77.5; 5 sigma = 388.
        List<long[]> b = batches(new ArrivalProcess.Poisson(60), 100 * HOUR, 11);
        assertThat(b.size()).isBetween(6000 - 388, 6000 + 388);
        assertThat(b.get(0)[0]).isGreaterThan(0);
    }

    @Test
    void sameSeed_sameArrivals() {
        ArrivalProcess p = new ArrivalProcess.Poisson(30);
        assertThat(batches(p, 10 * HOUR, 5)).usingRecursiveComparison().isEqualTo(batches(p, 10 * HOUR, 5));
    }

    @Test
    void invalid_rejected() {
        assertThatThrownBy(() -> new ArrivalProcess.Every(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrivalProcess.Uniform(0, HOUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrivalProcess.Poisson(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrivalProcess.At(List.of(-1L), 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
