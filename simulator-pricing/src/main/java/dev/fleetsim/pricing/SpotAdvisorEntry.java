package dev.fleetsim.pricing;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One Spot Instance Advisor row (snapshot 2025-06-28, source tag spotinfo-advisor@5eedf20a9961).
 *
 * @param platform {@code linux} or {@code windows}, as the feed has them
 * @param savingsPct savings of Spot over On-Demand in percent; may be negative (Spot above On-Demand)
 * @param bucket interruption-frequency bucket index 0..4 (aws-rules.md item 4)
 */
public record SpotAdvisorEntry(String region, String platform, String instanceType, BigDecimal savingsPct,
                               int bucket) {
    public SpotAdvisorEntry {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(savingsPct, "savingsPct");
        if (savingsPct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("Spot savings above 100%: " + savingsPct);
        }
        if (bucket < 0 || bucket > 4) {
            throw new IllegalArgumentException("interruption bucket must be 0..4: " + bucket);
        }
    }
}
