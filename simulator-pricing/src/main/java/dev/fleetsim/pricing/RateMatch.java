package dev.fleetsim.pricing;

/** What a {@code pricing.rates} entry applies to (SPEC section 5). */
public sealed interface RateMatch permits InstanceMatch, FargateMatch {
}
