package dev.fleetsim.pricing;

import java.util.Objects;

/**
 * An interruption-frequency bucket of the Spot Advisor: {@code <5%, 5-10%, 10-15%, 15-20%, >20%} of instances
 * interrupted per month (aws-rules.md item 4). {@code maxPctPerMonth} is the feed's own upper bound (5, 11, 16, 22,
 * 100); AWS documents no exact boundaries.
 */
public record SpotAdvisorBucket(int index, String label, int maxPctPerMonth) {
    public SpotAdvisorBucket {
        Objects.requireNonNull(label, "label");
    }
}
