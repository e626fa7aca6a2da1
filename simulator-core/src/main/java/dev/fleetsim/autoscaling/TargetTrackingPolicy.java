package dev.fleetsim.autoscaling;

import dev.fleetsim.demand.CapacityModel;
import dev.fleetsim.demand.DemandSignal;
import java.util.Objects;

/**
 * Target tracking on a demand signal (SPEC section 5, {@code scaling: {signal, perInstance, targetUtilization}}):
 * the desired capacity that keeps utilization = demand / (instances x throughput) at the target.
 *
 * <p>Behaviour, after EC2 Auto Scaling target tracking (ASGUG as-scaling-target-tracking), with the readings marked:
 * <ul>
 *   <li>Evaluated every {@code evaluationPeriodMs} (60 s: a 1-minute metric). The metric is the signal's mean over the
 *       last period, like a 1-minute CloudWatch average (at time 0, the value then).
 *   <li>Target = {@code ceil(metric / (throughput per instance x targetUtilization))}, clamped to [min, max]; the
 *       throughput is the mean over the group's instances (the AWS formula {@code ceil(current x metric / target)}
 *       reduces to this for a utilization metric).
 *   <li>Scale out when the target exceeds desired at {@link #SCALE_OUT_DATAPOINTS} consecutive evaluations: the high
 *       alarm that target tracking creates needs 3 one-minute data points above the target (3 of 3), the low alarm
 *       15 of 15. The AWS pages say AWS "creates and manages the CloudWatch alarms" and scales out fast and in
 *       gradually (Application Auto Scaling UG, "How target tracking scaling for Application Auto Scaling works";
 *       ECS DG, "Use a target metric to scale Amazon ECS services") but do not print the counts; the counts are those
 *       of the alarms AWS creates, as reported in aws-samples/amazon-aurora-labs-for-mysql#3 (AlarmHigh 3 data
 *       points, AlarmLow 15) and aws/copilot-cli#4233 (3 data points in 3 minutes out, 15 in 15 minutes in). The new
 *       desired is the latest evaluation's target; while the alarm stays in ALARM (the next data point is still
 *       above), each further evaluation acts again.
 *   <li>Scale in gradually, as the target tracking policy's low alarm does: only when the targets of the last
 *       {@link #SCALE_IN_DATAPOINTS} evaluations (15 one-minute data points) are all below desired, to the highest of
 *       them, and not within {@code scaleInCooldownMs} (300 s, the Auto Scaling default cooldown) of the previous
 *       scale-in.
 * </ul>
 */
public final class TargetTrackingPolicy {

    public static final long DEFAULT_EVALUATION_PERIOD_MS = 60_000L;
    public static final long DEFAULT_SCALE_IN_COOLDOWN_MS = 300_000L;
    /** Data points the scale-in alarm needs below the target (ASGUG as-scaling-target-tracking: 15 of 1 minute). */
    public static final int SCALE_IN_DATAPOINTS = 15;
    /** Consecutive data points the scale-out (high) alarm needs above the target: 3 of 1 minute (see above). */
    public static final int SCALE_OUT_DATAPOINTS = 3;

    private final DemandSignal signal;
    private final CapacityModel model;
    private final long evaluationPeriodMs;
    private final long scaleInCooldownMs;
    private final int windowEvaluations;
    private final long windowMs;

    // Targets of the evaluations within the scale-in window, oldest first (a ring).
    private long[] times = new long[8];
    private int[] targets = new int[8];
    private int head;
    private int size;
    private long lastScaleInMs = Long.MIN_VALUE / 2;
    // Consecutive evaluations, up to this one, whose target exceeded the desired capacity of the time.
    private int highStreak;

    public TargetTrackingPolicy(DemandSignal signal, CapacityModel model) {
        this(signal, model, DEFAULT_EVALUATION_PERIOD_MS, DEFAULT_SCALE_IN_COOLDOWN_MS);
    }

    public TargetTrackingPolicy(DemandSignal signal, CapacityModel model, long evaluationPeriodMs,
                                long scaleInCooldownMs) {
        this.signal = Objects.requireNonNull(signal, "signal");
        this.model = Objects.requireNonNull(model, "model");
        if (evaluationPeriodMs <= 0) {
            throw new IllegalArgumentException("evaluation period must be > 0 ms, got " + evaluationPeriodMs);
        }
        if (scaleInCooldownMs < 0) {
            throw new IllegalArgumentException("scale-in cooldown must be >= 0 ms, got " + scaleInCooldownMs);
        }
        this.evaluationPeriodMs = evaluationPeriodMs;
        this.scaleInCooldownMs = scaleInCooldownMs;
        this.windowEvaluations = SCALE_IN_DATAPOINTS;
        this.windowMs = SCALE_IN_DATAPOINTS * evaluationPeriodMs;
    }

    public DemandSignal signal() {
        return signal;
    }

    public CapacityModel model() {
        return model;
    }

    public long evaluationPeriodMs() {
        return evaluationPeriodMs;
    }

    /** The metric at {@code nowMs}: the signal's mean over the last evaluation period. */
    public double metric(long nowMs) {
        return nowMs >= evaluationPeriodMs ? signal.meanOver(nowMs - evaluationPeriodMs, nowMs) : signal.valueAt(nowMs);
    }

    /**
     * One evaluation: records this evaluation's target and returns the new desired capacity ({@code desired} when
     * nothing changes). Call it once per evaluation period: scale-out needs {@link #SCALE_OUT_DATAPOINTS} consecutive
     * evaluations above desired, scale-in {@link #SCALE_IN_DATAPOINTS} below.
     *
     * @param throughputPerInstance what one instance of the group serves at 100% (mean over its instances)
     */
    public int evaluate(long nowMs, int desired, int min, int max, double throughputPerInstance) {
        int target = Math.max(min, Math.min(max, model.requiredInstances(metric(nowMs), throughputPerInstance)));
        record(nowMs, target);
        if (target > desired) {
            highStreak++;
            return highStreak >= SCALE_OUT_DATAPOINTS ? target : desired;
        }
        highStreak = 0;
        if (target < desired && size >= windowEvaluations && nowMs - lastScaleInMs >= scaleInCooldownMs) {
            int highest = 0;
            for (int i = 0; i < size; i++) {
                highest = Math.max(highest, targets[(head + i) % targets.length]);
            }
            if (highest < desired) {
                lastScaleInMs = nowMs;
                return highest;
            }
        }
        return desired;
    }

    private void record(long nowMs, int target) {
        // Keep the evaluations in (now - window, now], and always this one.
        while (size > 0 && times[head] <= nowMs - windowMs) {
            head = (head + 1) % times.length;
            size--;
        }
        if (size == times.length) {
            long[] t = new long[size * 2];
            int[] v = new int[size * 2];
            for (int i = 0; i < size; i++) {
                t[i] = times[(head + i) % times.length];
                v[i] = targets[(head + i) % times.length];
            }
            times = t;
            targets = v;
            head = 0;
        }
        int tail = (head + size) % times.length;
        times[tail] = nowMs;
        targets[tail] = target;
        size++;
    }
}
