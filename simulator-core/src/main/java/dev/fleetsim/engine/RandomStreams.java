package dev.fleetsim.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * One independent, reproducible random stream per named stochastic source, all derived from the
 * scenario seed. A stream's seed depends only on the scenario seed and its own name, never on which
 * other streams exist or in what order they were asked for, so adding a workload or a policy leaves
 * every other stream's draws unchanged, and two policies compared under one seed see the same world.
 *
 * <p>Derivation: the name parts are hashed with 64-bit FNV-1a (each part prefixed by its length, so
 * {@code ("ab","c")} and {@code ("a","bc")} differ), and the hash and the seed are combined through the
 * SplitMix64 finalizer. Asking for the same name again returns the same stream object, so its draws
 * continue rather than repeat. Not thread-safe, like the simulation that owns it.
 */
public final class RandomStreams {

    private static final long GOLDEN_GAMMA = 0x9E37_79B9_7F4A_7C15L;
    private static final long FNV_OFFSET = 0xCBF2_9CE4_8422_2325L;
    private static final long FNV_PRIME = 0x0000_0100_0000_01B3L;

    private final long seed;
    // Lookup only; never iterated, so HashMap order cannot reach any output.
    private final Map<String, SplittableRandom> streams = new HashMap<>();

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** The stream of a source, e.g. {@code stream("spot")}. */
    public SplittableRandom stream(String source) {
        return streamOf(source, null);
    }

    /** The stream of one named thing within a source, e.g. {@code stream("arrivals", "etl")}. */
    public SplittableRandom stream(String source, String name) {
        return streamOf(source, name);
    }

    /** The same stream as {@link #stream(String, String)}, for Commons Math distributions. */
    public RandomGenerator commonsMath(String source, String name) {
        return new CommonsMathRandom(stream(source, name));
    }

    /** The same stream as {@link #stream(String)}, for Commons Math distributions. */
    public RandomGenerator commonsMath(String source) {
        return new CommonsMathRandom(stream(source));
    }

    /** The seed of the stream {@code (source, name)}; {@code name} may be null for a source's own stream. */
    public static long streamSeed(long seed, String source, String name) {
        long h = hashPart(FNV_OFFSET, source);
        if (name != null) {
            h = hashPart(h, name);
        }
        return mix64(mix64(seed + GOLDEN_GAMMA) ^ mix64(h));
    }

    private SplittableRandom streamOf(String source, String name) {
        if (source == null || source.isEmpty()) {
            throw new IllegalArgumentException("a random stream needs a non-empty source name");
        }
        if (name != null && name.isEmpty()) {
            throw new IllegalArgumentException("the name of a random stream of '" + source + "' is empty");
        }
        // Length-prefixed key: unambiguous for any pair of strings.
        String key = name == null ? source.length() + ":" + source : source.length() + ":" + source + name;
        return streams.computeIfAbsent(key, k -> new SplittableRandom(streamSeed(seed, source, name)));
    }

    private static long hashPart(long h, String part) {
        h = (h ^ part.length()) * FNV_PRIME;
        for (int i = 0; i < part.length(); i++) {
            h = (h ^ part.charAt(i)) * FNV_PRIME;
        }
        return h;
    }

    /** The SplitMix64 finalizer (Steele, Lea, Flood 2014): a bijective avalanche of 64 bits. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return z ^ (z >>> 31);
    }
}
