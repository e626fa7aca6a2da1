package dev.fleetsim.autoscaling;

/**
 * ECS service auto scaling with one target-tracking policy on a demand signal (aws-rules.md item 7; Application Auto
 * Scaling, "target tracking scaling policies"): the desired count that keeps {@code demand / (tasks x perTask)} at
 * {@code targetUtilization}.
 *
 * <p>Behaviour, with the readings marked:
 * <ul>
 *   <li>Evaluated every 60 s on the signal's mean over the last minute (a 1-minute metric), the first at 60 s (drive it
 *       with {@link WorkloadScaler#startAfterOnePeriod}).</li>
 *   <li>Target = {@code ceil(demand / (perTask x targetUtilization))} clamped to [min, max].</li>
 *   <li>Scale out when {@link #SCALE_OUT_DATA_POINTS} consecutive evaluations gave a target above desired: the
 *       high alarm Application Auto Scaling creates for the policy needs 3 one-minute data points (3 of 3; sources in
 *       {@link TargetTrackingPolicy}), to the latest target; while the alarm stays in ALARM each further evaluation
 *       acts again. Application Auto Scaling counts the capacity added by a scale-out as part
 *       of desired during the scale-out cooldown, so that a further scale-out during the cooldown only happens for a
 *       target above that: the target here is computed from demand, not from current utilization, so it already
 *       counts the added tasks and the scale-out cooldown changes nothing (it is accepted and documented).</li>
 *   <li>Scale in only when the last 15 evaluations (the low alarm's 15 one-minute data points) all gave a target below
 *       desired, to the highest of them, and not within {@code scaleInCooldownMs} of the previous scale-in. A scale-out
 *       ends a running scale-in cooldown (Application Auto Scaling: "the scale-in cooldown period stops").</li>
 *   <li>No scale-in while the service is deploying (aws-rules.md item 7).</li>
 *   <li>One policy per service: "out if any policy says so, in only if all do" reduces to this one policy.</li>
 * </ul>
 */
public final class ServiceTargetTracking {

    public static final long EVALUATION_PERIOD_MS = 60_000L;
    /** The Application Auto Scaling low alarm: 15 one-minute data points. */
    public static final int SCALE_IN_DATA_POINTS = 15;
    /** The Application Auto Scaling high alarm: 3 one-minute data points. */
    public static final int SCALE_OUT_DATA_POINTS = 3;

    private final double perTask;
    private final double targetUtilization;
    private final int min;
    private final int max;
    private final long scaleOutCooldownMs;
    private final long scaleInCooldownMs;

    private final int[] recent = new int[SCALE_IN_DATA_POINTS];
    private int recorded;
    private int highStreak;
    private long lastScaleInMs = Long.MIN_VALUE / 2;

    /**
     * @param perTask demand one task serves at 100% utilization; > 0
     * @param targetUtilization in (0, 1]
     */
    public ServiceTargetTracking(double perTask, double targetUtilization, int min, int max, long scaleOutCooldownMs,
            long scaleInCooldownMs) {
        if (!(perTask > 0) || Double.isInfinite(perTask)) {
            throw new IllegalArgumentException("perTask must be a finite number > 0, got " + perTask);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], got " + targetUtilization);
        }
        if (min < 0 || max < min) {
            throw new IllegalArgumentException("need 0 <= min <= max, got min " + min + ", max " + max);
        }
        if (scaleOutCooldownMs < 0 || scaleInCooldownMs < 0) {
            throw new IllegalArgumentException("cooldowns must be >= 0 ms");
        }
        this.perTask = perTask;
        this.targetUtilization = targetUtilization;
        this.min = min;
        this.max = max;
        this.scaleOutCooldownMs = scaleOutCooldownMs;
        this.scaleInCooldownMs = scaleInCooldownMs;
    }

    public long scaleOutCooldownMs() {
        return scaleOutCooldownMs;
    }

    /** The clamped target for {@code demand}, each task serving {@code perTask}. */
    public int target(double demand) {
        return target(demand, perTask);
    }

    /** The clamped target for {@code demand}, each task serving {@code throughputPerTask} at 100%. */
    public int target(double demand, double throughputPerTask) {
        if (!(demand >= 0) || !(throughputPerTask > 0)) {
            throw new IllegalArgumentException("need demand >= 0 and throughput > 0, got " + demand + ", "
                    + throughputPerTask);
        }
        double exact = demand / (throughputPerTask * targetUtilization);
        double n = Math.ceil(exact - 1e-9 * Math.max(1.0, exact));
        long t = n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (long) n;
        return (int) Math.max(min, Math.min(max, t));
    }

    /**
     * One evaluation at {@code nowMs}: the new desired count ({@code desired} when nothing changes).
     *
     * @param deploying true while a rolling deployment of the service is in progress: no scale-in
     */
    public int evaluate(long nowMs, int desired, double demand, boolean deploying) {
        return evaluate(nowMs, desired, demand, deploying, perTask);
    }

    /**
     * As {@link #evaluate(long, int, double, boolean)} with each task serving {@code throughputPerTask} (the mean over
     * the running tasks, weighed by their processors) instead of {@code perTask}.
     */
    public int evaluate(long nowMs, int desired, double demand, boolean deploying, double throughputPerTask) {
        int target = target(demand, throughputPerTask);
        recent[recorded % SCALE_IN_DATA_POINTS] = target;
        recorded++;
        if (target > desired) {
            if (++highStreak < SCALE_OUT_DATA_POINTS) {
                return desired;
            }
            lastScaleInMs = Long.MIN_VALUE / 2;
            return target;
        }
        highStreak = 0;
        if (deploying || target >= desired || recorded < SCALE_IN_DATA_POINTS
                || nowMs - lastScaleInMs < scaleInCooldownMs) {
            return desired;
        }
        int highest = 0;
        for (int t : recent) {
            highest = Math.max(highest, t);
        }
        if (highest < desired) {
            lastScaleInMs = nowMs;
            return highest;
        }
        return desired;
    }
}
