package dev.fleetsim.engine;

import java.util.Objects;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Lets a Commons Math distribution draw from a {@link SplittableRandom} stream, e.g.
 * {@code new ExponentialDistribution(streams.commonsMath("durations", "etl"), meanMs)}; draws advance the
 * wrapped stream. Reseeding replaces the wrapped generator with a fresh one from the new seed, which the
 * stream given at construction then no longer sees.
 */
public final class CommonsMathRandom implements RandomGenerator {

    private SplittableRandom random;

    public CommonsMathRandom(SplittableRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public void setSeed(int seed) {
        setSeed((long) seed);
    }

    @Override
    public void setSeed(int[] seed) {
        long combined = 0;
        for (int value : seed) {
            combined = RandomStreams.mix64(combined ^ value);
        }
        setSeed(combined);
    }

    @Override
    public void setSeed(long seed) {
        random = new SplittableRandom(seed);
    }

    @Override
    public void nextBytes(byte[] bytes) {
        random.nextBytes(bytes);
    }

    @Override
    public int nextInt() {
        return random.nextInt();
    }

    @Override
    public int nextInt(int n) {
        return random.nextInt(n);
    }

    @Override
    public long nextLong() {
        return random.nextLong();
    }

    @Override
    public boolean nextBoolean() {
        return random.nextBoolean();
    }

    @Override
    public float nextFloat() {
        return random.nextFloat();
    }

    @Override
    public double nextDouble() {
        return random.nextDouble();
    }

    @Override
    public double nextGaussian() {
        return random.nextGaussian();
    }
}
