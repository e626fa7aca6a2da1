package dev.fleetsim.host;

import dev.fleetsim.demand.CounterRandom;
import dev.fleetsim.engine.RandomStreams;

/**
 * When the hardware under a running instance fails: a constant hazard of {@code perInstancePerYear} failures per
 * instance-year of running time, so the time to the next failure is exponential with mean 1 / rate. Year = 365 days
 * (31,536,000 s, the 1-year term of aws-rules.md item 2). AWS publishes no host failure rate; the scenario gives it.
 *
 * <p>Draws are counter-based ({@link CounterRandom}): draw {@code k} of an instance is a pure function of the scenario
 * seed, the instance's key and k, from the stream {@code streamSeed(seed, "host-failures", key)}, so an instance
 * fails at the same running times whatever else the simulation does (the same world under every policy, SPEC
 * section 2).
 */
public final class HostFailureClock {

    /** 365 days in milliseconds. */
    public static final long YEAR_MS = 31_536_000_000L;
    /** The random stream's source name. */
    public static final String STREAM = "host-failures";

    private final long seed;
    private final double perInstancePerYear;
    private final double meanMs;

    /**
     * @param seed the scenario seed
     * @param perInstancePerYear failures per instance-year of running, > 0
     */
    public HostFailureClock(long seed, double perInstancePerYear) {
        if (!(perInstancePerYear > 0) || Double.isInfinite(perInstancePerYear)) {
            throw new IllegalArgumentException("a host failure rate must be finite and > 0, got " + perInstancePerYear);
        }
        this.seed = seed;
        this.perInstancePerYear = perInstancePerYear;
        this.meanMs = YEAR_MS / perInstancePerYear;
    }

    public double perInstancePerYear() {
        return perInstancePerYear;
    }

    /** The stream seed of one instance; compute once per instance and pass it to {@link #runningMsUntilFailure}. */
    public long instanceSeed(String instanceKey) {
        return RandomStreams.streamSeed(seed, STREAM, instanceKey);
    }

    /**
     * Running time from now until the instance's host fails, for its {@code draw}-th failure clock (0, 1, ...: one per
     * start of running or recovery). At least 1 ms; saturates at {@link Long#MAX_VALUE}.
     */
    public long runningMsUntilFailure(long instanceSeed, long draw) {
        double u = CounterRandom.uniformPositive(instanceSeed, draw, 0);
        double ms = Math.ceil(-Math.log(u) * meanMs);
        return ms >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1L, (long) ms);
    }
}
