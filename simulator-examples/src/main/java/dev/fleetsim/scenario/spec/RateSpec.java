package dev.fleetsim.scenario.spec;

import java.math.BigDecimal;

/**
 * A rate override, in USD per hour (per vCPU-hour or GB-hour for Fargate). The first rate whose match fits a
 * usage wins; rates it leaves unset keep their defaults.
 *
 * @param reserved the effective hourly rate of a no-upfront RI of this type
 * @param spot a fixed Spot price instead of the market model (for Fargate: the Fargate Spot rate)
 */
public record RateSpec(RateMatchSpec match, BigDecimal onDemand, BigDecimal computeSavingsPlan,
        BigDecimal ec2InstanceSavingsPlan, BigDecimal reserved, BigDecimal spot) {
}
