package dev.fleetsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One {@code pricing.rates} entry (SPEC section 5): USD per hour (per unit-hour for Fargate). A null rate keeps the
 * default. {@code reserved} is the effective hourly rate of an RI of the type (used for every class, term and
 * payment option; give an RI its own prices for more precision); {@code spot} fixes the Spot price instead of the
 * market model. Fargate entries take {@code onDemand}, {@code computeSavingsPlan} and {@code spot} only.
 */
public record RateOverride(RateMatch match, BigDecimal onDemand, BigDecimal computeSavingsPlan,
                           BigDecimal ec2InstanceSavingsPlan, BigDecimal reserved, BigDecimal spot) {

    public RateOverride {
        Objects.requireNonNull(match, "match");
        if (onDemand == null && computeSavingsPlan == null && ec2InstanceSavingsPlan == null && reserved == null
                && spot == null) {
            throw new IllegalArgumentException("pricing.rates entry " + match + " sets no rate");
        }
        if (match instanceof FargateMatch && (ec2InstanceSavingsPlan != null || reserved != null)) {
            throw new IllegalArgumentException("pricing.rates entry " + match
                    + ": Fargate has no Reserved Instances or EC2 Instance Savings Plans");
        }
        requireNonNegative(onDemand, "onDemand", match);
        requireNonNegative(computeSavingsPlan, "computeSavingsPlan", match);
        requireNonNegative(ec2InstanceSavingsPlan, "ec2InstanceSavingsPlan", match);
        requireNonNegative(reserved, "reserved", match);
        requireNonNegative(spot, "spot", match);
    }

    public static RateOverride onDemand(RateMatch match, BigDecimal onDemand) {
        return new RateOverride(match, onDemand, null, null, null, null);
    }

    private static void requireNonNegative(BigDecimal rate, String name, RateMatch match) {
        if (rate != null && rate.signum() < 0) {
            throw new IllegalArgumentException("pricing.rates entry " + match + ": " + name + " must not be negative");
        }
    }
}
