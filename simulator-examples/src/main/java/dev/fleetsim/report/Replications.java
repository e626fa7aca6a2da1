package dev.fleetsim.report;

import java.util.Objects;

/**
 * Statistics over N independent replications (seeds derived from the scenario seed).
 *
 * @param total the amortized bill total, USD
 * @param unservedDemand the share of demand that found no capacity, 0..1
 */
public record Replications(int count, MoneyEstimate total, Estimate unservedDemand) {

    public Replications {
        if (count < 2) {
            throw new IllegalArgumentException("replications need at least 2 runs, got " + count);
        }
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(unservedDemand, "unservedDemand");
    }
}
