package dev.fleetsim.billing;

import dev.fleetsim.commitment.Commitment;
import java.util.Objects;

/**
 * How one commitment did over the billed period (SPEC section 7 {@code commitments}). {@code fee} is its amortized
 * cost for the period (used + unused); {@code utilization} = used / fee.
 *
 * @param kind {@code reserved-instance} or {@code savings-plan}
 * @param upfront cash paid at the start (in the unblended total)
 */
public record CommitmentSummary(String id, String kind, Commitment commitment, Money fee, Money used, Money unused,
                                double utilization, Money upfront) {
    public CommitmentSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(commitment, "commitment");
        Objects.requireNonNull(fee, "fee");
        Objects.requireNonNull(used, "used");
        Objects.requireNonNull(unused, "unused");
        Objects.requireNonNull(upfront, "upfront");
    }
}
