package dev.fleetsim.report;

import java.util.Objects;

/**
 * Statistics over N independent replications (seeds derived from the scenario seed; see
 * dev.fleetsim.study.Replicator): mean, sample standard deviation and a 95% Student-t confidence interval.
 *
 * @param total the amortized bill total, USD
 * @param unservedDemand the share of demand that found no capacity, 0..1; null while runs measure no demand
 * @param interruptions Spot interruption notices per run
 */
public record Replications(int count, MoneyEstimate total, Estimate unservedDemand, Estimate interruptions) {

    public Replications {
        if (count < 2) {
            throw new IllegalArgumentException("replications need at least 2 runs, got " + count);
        }
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(interruptions, "interruptions");
    }
}
