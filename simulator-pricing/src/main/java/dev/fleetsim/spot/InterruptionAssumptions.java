package dev.fleetsim.spot;

import java.util.Arrays;

/**
 * The inputs of the Spot interruption model that AWS does not publish (aws-rules.md item 4, "NOT FOUND: official
 * Spot Advisor bucket boundaries"); every one is an assumption, documented here and in docs/dynamics.md.
 *
 * <ul>
 *   <li>Monthly interruption probability per Spot Advisor bucket: the midpoint of each labelled range, {@code <5%} =
 *       2.5%, {@code 5-10%} = 7.5%, {@code 10-15%} = 12.5%, {@code 15-20%} = 17.5%, and 25% for the open-ended
 *       {@code >20%} (assumed: the feed's own bound for it is 100%).
 *   <li>A month is 730 hours (365 x 24 / 12, AWS's pricing month). A constant hazard per hour {@code -ln(1 - p) / 730}
 *       interrupts a fraction p of instances within a month of running.
 *   <li>Every interruption brings a rebalance recommendation (ASGUG: EC2 "always" gives both the recommendation and the
 *       notice); {@code earlyRebalanceShare} of them come {@code rebalanceLeadMs} before the notice, the others with it
 *       (aws-rules.md item 4: "before, or together with, the notice"). Defaults: half, 10 minutes early.
 * </ul>
 */
public final class InterruptionAssumptions {

    public static final double HOURS_PER_MONTH = 730.0;

    public static final InterruptionAssumptions DEFAULT =
            new InterruptionAssumptions(new double[] {0.025, 0.075, 0.125, 0.175, 0.25}, 0.5, 600_000L);

    private final double[] monthlyProbability;
    private final double earlyRebalanceShare;
    private final long rebalanceLeadMs;

    /**
     * @param monthlyProbabilityByBucket five probabilities in [0, 1), for buckets 0..4
     * @param earlyRebalanceShare in [0, 1]
     * @param rebalanceLeadMs >= 0
     */
    public InterruptionAssumptions(double[] monthlyProbabilityByBucket, double earlyRebalanceShare,
                                   long rebalanceLeadMs) {
        if (monthlyProbabilityByBucket.length != 5) {
            throw new IllegalArgumentException("need one monthly probability per Spot Advisor bucket (5), got "
                    + monthlyProbabilityByBucket.length);
        }
        for (double p : monthlyProbabilityByBucket) {
            if (!(p >= 0 && p < 1)) {
                throw new IllegalArgumentException("a monthly interruption probability must be in [0, 1), got " + p);
            }
        }
        if (!(earlyRebalanceShare >= 0 && earlyRebalanceShare <= 1)) {
            throw new IllegalArgumentException("earlyRebalanceShare must be in [0, 1], got " + earlyRebalanceShare);
        }
        if (rebalanceLeadMs < 0) {
            throw new IllegalArgumentException("rebalanceLeadMs must be >= 0, got " + rebalanceLeadMs);
        }
        this.monthlyProbability = monthlyProbabilityByBucket.clone();
        this.earlyRebalanceShare = earlyRebalanceShare;
        this.rebalanceLeadMs = rebalanceLeadMs;
    }

    /** These assumptions with other rebalance-recommendation timing. */
    public InterruptionAssumptions withRebalance(double share, long leadMs) {
        return new InterruptionAssumptions(monthlyProbability, share, leadMs);
    }

    public double monthlyProbability(int bucket) {
        return monthlyProbability[bucket];
    }

    /** The constant hazard per running hour that interrupts the bucket's monthly fraction: -ln(1 - p) / 730. */
    public double hazardPerHour(int bucket) {
        return -Math.log1p(-monthlyProbability[bucket]) / HOURS_PER_MONTH;
    }

    public double earlyRebalanceShare() {
        return earlyRebalanceShare;
    }

    public long rebalanceLeadMs() {
        return rebalanceLeadMs;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InterruptionAssumptions a && Arrays.equals(monthlyProbability, a.monthlyProbability)
                && earlyRebalanceShare == a.earlyRebalanceShare && rebalanceLeadMs == a.rebalanceLeadMs;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(monthlyProbability) * 31 + Double.hashCode(earlyRebalanceShare) * 17
                + Long.hashCode(rebalanceLeadMs);
    }

    @Override
    public String toString() {
        return "InterruptionAssumptions{monthly=" + Arrays.toString(monthlyProbability) + ", earlyRebalanceShare="
                + earlyRebalanceShare + ", rebalanceLeadMs=" + rebalanceLeadMs + "}";
    }
}
