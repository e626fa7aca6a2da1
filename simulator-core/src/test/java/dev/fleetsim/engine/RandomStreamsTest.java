package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

final class RandomStreamsTest {

    private static long[] draw(SplittableRandom r, int n) {
        long[] out = new long[n];
        for (int i = 0; i < n; i++) {
            out[i] = r.nextLong();
        }
        return out;
    }

    @Test
    void stream_whenSameSeedAndName_givesSameSequence() {
        long[] a = draw(new RandomStreams(7).stream("arrivals", "etl"), 100);
        long[] b = draw(new RandomStreams(7).stream("arrivals", "etl"), 100);

        assertThat(a).isEqualTo(b);
    }

    @Test
    void stream_whenOtherStreamsAddedOrUsedFirst_isUnchanged() {
        long[] alone = draw(new RandomStreams(7).stream("arrivals", "etl"), 100);

        RandomStreams crowded = new RandomStreams(7);
        draw(crowded.stream("spot"), 1_000);
        draw(crowded.stream("arrivals", "web"), 1_000);
        long[] withOthers = draw(crowded.stream("arrivals", "etl"), 100);

        assertThat(withOthers).isEqualTo(alone);
    }

    @Test
    void stream_whenAskedTwice_continuesTheSameStream() {
        RandomStreams streams = new RandomStreams(7);
        long first = streams.stream("durations", "etl").nextLong();
        long second = streams.stream("durations", "etl").nextLong();

        long[] reference = draw(new RandomStreams(7).stream("durations", "etl"), 2);
        assertThat(new long[] {first, second}).isEqualTo(reference);
    }

    @Test
    void stream_whenNamesOrSeedsDiffer_givesDifferentStreams() {
        RandomStreams s7 = new RandomStreams(7);
        // "Aa" and "BB" share String.hashCode (2112): the derivation must not rely on it.
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(s7.stream("arrivals", "Aa").nextLong()).isNotEqualTo(s7.stream("arrivals", "BB").nextLong());
        assertThat(RandomStreams.streamSeed(7, "ab", "c")).isNotEqualTo(RandomStreams.streamSeed(7, "a", "bc"));
        assertThat(RandomStreams.streamSeed(7, "spot", null)).isNotEqualTo(RandomStreams.streamSeed(8, "spot", null));
        assertThat(RandomStreams.streamSeed(7, "spot", null)).isNotEqualTo(RandomStreams.streamSeed(7, "faults", null));
    }

    @Test
    void stream_whenNeighbouringSeedsAndNames_drawsAreUncorrelated() {
        int n = 10_000;
        SplittableRandom a = new RandomStreams(1).stream("arrivals", "job1");
        SplittableRandom b = new RandomStreams(1).stream("arrivals", "job2");
        SplittableRandom c = new RandomStreams(2).stream("arrivals", "job1");

        // For independent uniforms the sample correlation has standard deviation 1/sqrt(n) = 0.01;
        // 0.05 is five standard deviations.
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = a.nextDouble();
            y[i] = b.nextDouble();
            z[i] = c.nextDouble();
        }
        assertThat(Math.abs(correlation(x, y))).isLessThan(0.05);
        assertThat(Math.abs(correlation(x, z))).isLessThan(0.05);
    }

    @Test
    void commonsMath_drawsFromTheNamedStream() {
        RandomGenerator adapter = new RandomStreams(3).commonsMath("durations", "etl");
        SplittableRandom reference = new RandomStreams(3).stream("durations", "etl");

        assertThat(adapter.nextDouble()).isEqualTo(reference.nextDouble());
        assertThat(adapter.nextLong()).isEqualTo(reference.nextLong());
        assertThat(adapter.nextInt(10)).isEqualTo(reference.nextInt(10));
    }

    @Test
    void commonsMath_feedsDistributionsReproducibly() {
        double mean = 3_600_000;
        ExponentialDistribution d1 = new ExponentialDistribution(new RandomStreams(5).commonsMath("durations", "etl"), mean);
        ExponentialDistribution d2 = new ExponentialDistribution(new RandomStreams(5).commonsMath("durations", "etl"), mean);

        int n = 100_000;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double v = d1.sample();
            assertThat(d2.sample()).isEqualTo(v);
            sum += v;
        }
        // The sample mean of n exponentials has relative standard deviation 1/sqrt(n) = 0.32%; allow 2%.
        assertThat(sum / n).isBetween(mean * 0.98, mean * 1.02);
    }

    private static double correlation(double[] x, double[] y) {
        double mx = 0;
        double my = 0;
        for (int i = 0; i < x.length; i++) {
            mx += x[i];
            my += y[i];
        }
        mx /= x.length;
        my /= y.length;
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < x.length; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxy / Math.sqrt(sxx * syy);
    }
}
