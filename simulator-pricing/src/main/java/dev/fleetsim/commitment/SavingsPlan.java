package dev.fleetsim.commitment;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A Savings Plan bought at the scenario start: {@code commitmentUsdPerHour} dollars per clock-hour at Savings Plan
 * rates, use-it-or-lose-it (aws-rules.md item 3). The commitment already includes any upfront part: All Upfront pays
 * commitment x term hours upfront, Partial Upfront half of it upfront and half hourly, No Upfront all hourly.
 *
 * @param family the one instance family an EC2 Instance SP covers; empty for a Compute SP
 * @param region the region an EC2 Instance SP covers; a Compute SP covers every region
 */
public record SavingsPlan(SavingsPlanKind kind, Optional<String> family, String region,
                          BigDecimal commitmentUsdPerHour, Term term, PaymentOption payment) implements Commitment {

    public SavingsPlan {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(commitmentUsdPerHour, "commitmentUsdPerHour");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(payment, "payment");
        if (kind == SavingsPlanKind.EC2_INSTANCE && family.isEmpty()) {
            throw new IllegalArgumentException("an EC2 Instance Savings Plan needs an instance family");
        }
        if (kind == SavingsPlanKind.COMPUTE && family.isPresent()) {
            throw new IllegalArgumentException("a Compute Savings Plan covers every family; drop family "
                    + family.get());
        }
        if (commitmentUsdPerHour.signum() <= 0) {
            throw new IllegalArgumentException("Savings Plan commitment must be positive: " + commitmentUsdPerHour);
        }
    }

    public static SavingsPlan compute(String region, BigDecimal commitmentUsdPerHour, Term term,
                                      PaymentOption payment) {
        return new SavingsPlan(SavingsPlanKind.COMPUTE, Optional.empty(), region, commitmentUsdPerHour, term, payment);
    }

    public static SavingsPlan ec2Instance(String family, String region, BigDecimal commitmentUsdPerHour, Term term,
                                          PaymentOption payment) {
        return new SavingsPlan(SavingsPlanKind.EC2_INSTANCE, Optional.of(family), region, commitmentUsdPerHour, term,
                payment);
    }
}
