package dev.fleetsim.report;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * How well one RI or Savings Plan was used.
 *
 * @param kind "reserved-instance" or "savings-plan"
 * @param utilization used share of the commitment over the run, 0..1
 * @param unused the commitment's cost that covered nothing, USD
 */
public record CommitmentReport(String id, String kind, double utilization, BigDecimal unused) {

    public CommitmentReport {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unused, "unused");
        if (!(utilization >= 0 && utilization <= 1)) {
            throw new IllegalArgumentException("utilization must be within 0..1, got " + utilization);
        }
    }
}
