package dev.fleetsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Linux, shared-tenancy On-Demand price with its date and source tag (see PROVENANCE.md beside the resources).
 *
 * @param asOf the date of the source (ISO date), e.g. 2026-07-20
 * @param source the short source tag, e.g. karpenter-pricing-aws@6fc13b5236fd
 */
public record OnDemandPrice(String instanceType, String region, BigDecimal usdPerHour, String asOf, String source) {
    public OnDemandPrice {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(usdPerHour, "usdPerHour");
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(source, "source");
        if (usdPerHour.signum() < 0) {
            throw new IllegalArgumentException("negative price for " + instanceType + " in " + region);
        }
    }
}
