package dev.fleetsim.benchmarks;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The peer benchmark's jobs (SPEC section 8, "End to end"): {@code count} one-vCPU jobs arriving uniformly over one
 * day, each running for an exponentially distributed time with mean one hour. Both sides of the comparison (fleetsim
 * and CloudSim Plus) read the same arrays, in whole milliseconds, fleetsim's clock unit.
 *
 * <p>Arrival i is the i-th smallest of {@code count} uniform draws in [0, 86,400,000) ms; duration i is drawn
 * independently, rounded to the millisecond and at least 1 ms. The same count and seed give the same workload on
 * every JVM ({@link SplittableRandom}'s algorithm is specified).
 */
public final class PeerWorkload {

    public static final long DAY_MS = 86_400_000L;
    public static final long MEAN_DURATION_MS = 3_600_000L;
    /** The seed the benchmarks use. */
    public static final long SEED = 20_260_105L;

    /** The fleet the jobs run on: 100 hosts of 16 vCPU and 64 GiB (m5.4xlarge in the scenarios). */
    public static final int HOSTS = 100;
    public static final int VCPUS_PER_HOST = 16;
    public static final long HOST_MEMORY_MIB = 65_536;
    /** Each job takes one vCPU and 2 GiB, as the ECS tasks of scenarios/bench/peer-*.yaml. */
    public static final long JOB_MEMORY_MIB = 2_048;

    private final long[] arrivalMs;
    private final long[] durationMs;

    private PeerWorkload(long[] arrivalMs, long[] durationMs) {
        this.arrivalMs = arrivalMs;
        this.durationMs = durationMs;
    }

    /** Draws the benchmark workload of {@code count} jobs from {@code seed}. */
    public static PeerWorkload generate(int count, long seed) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        SplittableRandom random = new SplittableRandom(seed);
        long[] arrivals = new long[count];
        for (int i = 0; i < count; i++) {
            arrivals[i] = random.nextLong(DAY_MS);
        }
        Arrays.sort(arrivals);
        long[] durations = new long[count];
        for (int i = 0; i < count; i++) {
            // Inverse transform: 1 - u lies in (0, 1], so the logarithm is finite.
            double exponential = -Math.log(1.0 - random.nextDouble()) * MEAN_DURATION_MS;
            durations[i] = Math.max(1L, Math.round(exponential));
        }
        return new PeerWorkload(arrivals, durations);
    }

    /** A hand-made workload, for tests: arrivals non-decreasing and >= 0, durations >= 1 ms. */
    public static PeerWorkload of(long[] arrivalMs, long[] durationMs) {
        if (arrivalMs.length != durationMs.length) {
            throw new IllegalArgumentException(arrivalMs.length + " arrivals but " + durationMs.length + " durations");
        }
        for (int i = 0; i < arrivalMs.length; i++) {
            if (arrivalMs[i] < 0 || (i > 0 && arrivalMs[i] < arrivalMs[i - 1])) {
                throw new IllegalArgumentException("arrivals must be non-negative and sorted; arrival " + i
                        + " is " + arrivalMs[i]);
            }
            if (durationMs[i] < 1) {
                throw new IllegalArgumentException("duration " + i + " is " + durationMs[i] + " ms; at least 1 ms");
            }
        }
        return new PeerWorkload(arrivalMs.clone(), durationMs.clone());
    }

    public int count() {
        return arrivalMs.length;
    }

    public long arrivalMs(int job) {
        return arrivalMs[job];
    }

    public long durationMs(int job) {
        return durationMs[job];
    }
}
