package dev.fleetsim.autoscaling;

/**
 * When AWS will interrupt one Spot instance: the rebalance recommendation, then the two-minute interruption notice
 * (aws-rules.md item 4). The instance stops, hibernates or terminates at {@code noticeAtMs + 120 s} (hibernation:
 * at the notice).
 *
 * @param rebalanceAtMs scenario time of the rebalance recommendation, at or before the notice
 * @param noticeAtMs scenario time of the interruption notice; {@link #NEVER} when none is drawn
 */
public record InterruptionPlan(long rebalanceAtMs, long noticeAtMs) {

    public static final long NEVER = Long.MAX_VALUE;
    /** AWS's two-minute warning (EC2UG/spot-instance-termination-notices.md). */
    public static final long NOTICE_LEAD_MS = 120_000L;

    public static final InterruptionPlan NONE = new InterruptionPlan(NEVER, NEVER);

    public InterruptionPlan {
        if (rebalanceAtMs > noticeAtMs) {
            throw new IllegalArgumentException("a rebalance recommendation comes at or before the notice: "
                    + rebalanceAtMs + " > " + noticeAtMs);
        }
    }

    public boolean interrupted() {
        return noticeAtMs != NEVER;
    }

    /** True if the recommendation comes before the notice rather than with it. */
    public boolean earlyRebalance() {
        return rebalanceAtMs < noticeAtMs;
    }

    /** When the instance is reclaimed after the notice ({@link #NEVER} if never). */
    public long reclaimAtMs() {
        return noticeAtMs == NEVER ? NEVER : noticeAtMs + NOTICE_LEAD_MS;
    }
}
