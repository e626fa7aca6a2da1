package dev.fleetsim.billing;

import java.util.Objects;

/**
 * Commitment coverage, measured as AWS Cost Explorer does for Savings Plans: the On-Demand-equivalent cost of covered
 * usage over that of all usage commitments could cover (non-Spot EC2 instance-hours, non-Spot Fargate vCPU and
 * memory).
 */
public record Coverage(Money eligibleOnDemandEquivalent, Money coveredByReservedInstances,
                       Money coveredBySavingsPlans) {
    public Coverage {
        Objects.requireNonNull(eligibleOnDemandEquivalent, "eligibleOnDemandEquivalent");
        Objects.requireNonNull(coveredByReservedInstances, "coveredByReservedInstances");
        Objects.requireNonNull(coveredBySavingsPlans, "coveredBySavingsPlans");
    }

    public double reservedInstances() {
        return coveredByReservedInstances.ratioTo(eligibleOnDemandEquivalent);
    }

    public double savingsPlans() {
        return coveredBySavingsPlans.ratioTo(eligibleOnDemandEquivalent);
    }

    public double total() {
        return coveredByReservedInstances.plus(coveredBySavingsPlans).ratioTo(eligibleOnDemandEquivalent);
    }
}
