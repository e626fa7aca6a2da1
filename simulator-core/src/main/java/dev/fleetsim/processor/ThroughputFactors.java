package dev.fleetsim.processor;

import java.util.Arrays;
import java.util.Objects;

/**
 * Immutable per-vCPU throughput factor for every {@link Microarchitecture}: the enum defaults, with
 * any scenario overrides applied. Lookups index a primitive array, so they are cheap on hot paths.
 */
public final class ThroughputFactors {
    private static final Microarchitecture[] ALL = Microarchitecture.values();

    private final double[] factors;

    private ThroughputFactors(double[] factors) {
        this.factors = factors;
    }

    /** Every microarchitecture at its {@link Microarchitecture#defaultThroughputFactor()}. */
    public static ThroughputFactors defaults() {
        double[] factors = new double[ALL.length];
        for (Microarchitecture m : ALL) {
            factors[m.ordinal()] = m.defaultThroughputFactor();
        }
        return new ThroughputFactors(factors);
    }

    /** A copy with one factor replaced; the factor must be finite and positive. */
    public ThroughputFactors withOverride(Microarchitecture microarchitecture, double factor) {
        Objects.requireNonNull(microarchitecture, "microarchitecture");
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException(
                    "throughput factor for " + microarchitecture.key() + " must be a positive number, got " + factor);
        }
        double[] copy = factors.clone();
        copy[microarchitecture.ordinal()] = factor;
        return new ThroughputFactors(copy);
    }

    public double factor(Microarchitecture microarchitecture) {
        return factors[microarchitecture.ordinal()];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ThroughputFactors && Arrays.equals(factors, ((ThroughputFactors) o).factors);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(factors);
    }

    /** Lists only the factors that differ from the defaults, e.g. "ThroughputFactors{graviton3=1.5}". */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ThroughputFactors{");
        String separator = "";
        for (Microarchitecture m : ALL) {
            if (factors[m.ordinal()] != m.defaultThroughputFactor()) {
                sb.append(separator).append(m.key()).append('=').append(factors[m.ordinal()]);
                separator = ", ";
            }
        }
        return sb.append('}').toString();
    }
}
