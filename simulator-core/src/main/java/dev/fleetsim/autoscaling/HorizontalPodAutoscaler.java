package dev.fleetsim.autoscaling;

import java.util.Arrays;

/**
 * The Kubernetes HorizontalPodAutoscaler's replica calculation on one utilization metric (aws-rules.md item 8,
 * kubernetes/website horizontal-pod-autoscale.md), with the default {@code behavior}:
 *
 * <ol>
 *   <li>Raw recommendation: {@code ceil(current x utilization / targetUtilization)}, where
 *       {@code utilization = demand / (current x perPod)}; no change when {@code |utilization / target - 1| <= 0.1}
 *       (the tolerance).</li>
 *   <li>Stabilization: every raw recommendation is kept for 300 s; a scale-down goes only to the highest
 *       recommendation of the window (the current one included). Scale-up has no window.</li>
 *   <li>Rate: per 15 s at most {@code max(current + 100% of current, current + 4)} replicas (the two default scale-up
 *       policies, selectPolicy Max); scale-down 100% per 15 s, so no limit beyond {@code min}.</li>
 *   <li>Bounds: within [min, max].</li>
 * </ol>
 *
 * <p>Call {@link #recommend} once per sync (15 s): the rate limit counts from the replicas at the previous sync, as
 * the controller's 15 s policy period does when the period equals the sync interval. With 0 current replicas the HPA
 * is inactive in Kubernetes; here it then returns {@code min}.
 */
public final class HorizontalPodAutoscaler {

    public static final long SYNC_PERIOD_MS = 15_000L;
    public static final long SCALE_DOWN_STABILIZATION_MS = 300_000L;
    public static final double TOLERANCE = 0.1;
    /** Default scale-up policies: 4 pods or 100% per 15 s, whichever allows more. */
    static final int SCALE_UP_PODS = 4;

    private final double perPod;
    private final double targetUtilization;
    private final int min;
    private final int max;

    // Raw recommendations of the stabilization window, oldest first (a ring).
    private long[] times = new long[32];
    private int[] values = new int[32];
    private int head;
    private int size;

    /**
     * @param perPod demand one pod serves at 100% utilization; > 0
     * @param targetUtilization in (0, 1]
     */
    public HorizontalPodAutoscaler(double perPod, double targetUtilization, int min, int max) {
        if (!(perPod > 0) || Double.isInfinite(perPod)) {
            throw new IllegalArgumentException("perPod must be a finite number > 0, got " + perPod);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], got " + targetUtilization);
        }
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("need 1 <= min <= max, got min " + min + ", max " + max);
        }
        this.perPod = perPod;
        this.targetUtilization = targetUtilization;
        this.min = min;
        this.max = max;
    }

    /** One sync at {@code nowMs}: the replicas the Deployment should have, given {@code current} and the demand now. */
    public int recommend(long nowMs, int current, double demand) {
        return recommend(nowMs, current, demand, perPod);
    }

    /** As {@link #recommend(long, int, double)} with each pod serving {@code throughputPerPod} instead of perPod. */
    public int recommend(long nowMs, int current, double demand, double throughputPerPod) {
        if (!(throughputPerPod > 0)) {
            throw new IllegalArgumentException("a pod must serve some demand, got " + throughputPerPod);
        }
        if (current < 0 || !(demand >= 0)) {
            throw new IllegalArgumentException("need current >= 0 and demand >= 0, got " + current + ", " + demand);
        }
        if (current == 0) {
            return min;
        }
        int raw = raw(current, demand, throughputPerPod);
        // Stabilize (k8s stabilizeRecommendationWithBehaviors): down to no less than the window's highest.
        forgetBefore(nowMs - SCALE_DOWN_STABILIZATION_MS);
        int highest = raw;
        for (int i = 0; i < size; i++) {
            highest = Math.max(highest, values[(head + i) & (values.length - 1)]);
        }
        remember(nowMs, raw);
        int stabilized = raw >= current ? raw : Math.min(current, highest);
        long upLimit = Math.max(2L * current, (long) current + SCALE_UP_PODS);
        long next = Math.min(stabilized, upLimit);
        return (int) Math.max(min, Math.min(max, next));
    }

    /** The raw recommendation, before stabilization, rate limits and bounds. */
    int raw(int current, double demand, double throughputPerPod) {
        double utilization = demand / (current * throughputPerPod);
        double ratio = utilization / targetUtilization;
        if (Math.abs(ratio - 1.0) <= TOLERANCE) {
            return current;
        }
        double exact = current * ratio;
        // 1000 / (100 x 0.5) in binary may land a hair above 20; a hand calculation says 20.
        double n = Math.ceil(exact - 1e-9 * Math.max(1.0, exact));
        return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    private void forgetBefore(long cutoffMs) {
        // k8s keeps recommendations whose time is after the cutoff.
        while (size > 0 && times[head] <= cutoffMs) {
            head = (head + 1) & (times.length - 1);
            size--;
        }
    }

    private void remember(long nowMs, int raw) {
        if (size == times.length) {
            long[] t = new long[size * 2];
            int[] v = new int[size * 2];
            for (int i = 0; i < size; i++) {
                t[i] = times[(head + i) & (times.length - 1)];
                v[i] = values[(head + i) & (times.length - 1)];
            }
            times = t;
            values = v;
            head = 0;
        }
        int tail = (head + size) & (times.length - 1);
        times[tail] = nowMs;
        values[tail] = raw;
        size++;
    }

    @Override
    public String toString() {
        return "HorizontalPodAutoscaler[perPod " + perPod + ", target " + targetUtilization + ", " + min + ".." + max
                + ", window " + Arrays.toString(Arrays.copyOf(values, Math.min(size, 4))) + "]";
    }
}
