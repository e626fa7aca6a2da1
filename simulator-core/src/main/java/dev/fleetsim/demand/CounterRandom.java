package dev.fleetsim.demand;

/**
 * Counter-based random draws: the draw number {@code counter} of a seed is a pure function of the two, so a value
 * can be recomputed at any time, in any order, by anyone, and still be the same (a demand's noise at minute k, an
 * instance's interruption time). Each draw hashes {@code (seed, counter, lane)} with the SplitMix64 finalizer (Steele,
 * Lea, Flood 2014) applied twice: once to the counter's step of a Weyl sequence from the seed (exactly SplitMix64's
 * output number {@code counter}), once more to that value stepped by the lane. Seeds come from {@link dev.fleetsim.engine.RandomStreams#streamSeed}.
 */
public final class CounterRandom {

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private CounterRandom() {
    }

    /** A uniform 64-bit value for {@code (seed, counter, lane)}; lanes give independent draws for one counter. */
    public static long bits(long seed, long counter, int lane) {
        // The counter's SplitMix64 output starts a Weyl sequence that the lanes step along.
        return mix64(mix64(seed + GOLDEN_GAMMA * counter) + GOLDEN_GAMMA * (lane + 1L));
    }

    /** Uniform on [0, 1), 53 bits. */
    public static double uniform(long seed, long counter, int lane) {
        return (bits(seed, counter, lane) >>> 11) * TWO_POW_MINUS_53;
    }

    /** Uniform on (0, 1]: safe under a logarithm. */
    public static double uniformPositive(long seed, long counter, int lane) {
        return ((bits(seed, counter, lane) >>> 11) + 1) * TWO_POW_MINUS_53;
    }

    /** A standard normal draw (Box-Muller on lanes {@code 2 lane} and {@code 2 lane + 1}). */
    public static double gaussian(long seed, long counter, int lane) {
        double u1 = uniformPositive(seed, counter, 2 * lane);
        double u2 = uniform(seed, counter, 2 * lane + 1);
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /** The SplitMix64 finalizer: a bijective avalanche of 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
