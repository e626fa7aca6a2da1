package dev.fleetsim.billing;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.ClusterUsage;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;

/**
 * How long one finished run is billed, by AWS's granularity rules. Pure functions.
 *
 * <p>Readings chosen where AWS is not explicit:
 * <ul>
 *   <li>Per-second billing rounds each run's duration up to the whole second (the Fargate page says so explicitly,
 *       aws-rules.md item 5; EC2 "per second" is read the same way).</li>
 *   <li>{@link EndCause#HORIZON} and {@link EndCause#HOST_FAILURE} bill like a stop at that time (minimums
 *       included): the report shows what the horizon would cost had everything stopped there.</li>
 *   <li>"Within its first hour" includes exactly 3,600 s.</li>
 * </ul>
 */
public final class BilledDuration {

    public static final long MS_PER_SECOND = 1_000L;
    public static final long MS_PER_HOUR = 3_600_000L;
    /** aws-rules.md item 1: 60 s minimum per start for per-second platforms. */
    public static final long EC2_MINIMUM_MS = 60_000L;
    /** aws-rules.md item 5: Fargate Linux 1-minute minimum. */
    public static final long FARGATE_LINUX_MINIMUM_MS = 60_000L;
    /** aws-rules.md item 5: Fargate Windows 5-minute minimum. */
    public static final long FARGATE_WINDOWS_MINIMUM_MS = 300_000L;

    private BilledDuration() {
    }

    /** Billed milliseconds of a run of {@code durationMs} that ended for {@code cause}. */
    public static long of(Meterable what, long durationMs, EndCause cause) {
        if (durationMs < 0) {
            throw new IllegalArgumentException("negative run duration: " + durationMs);
        }
        if (what instanceof InstanceUsage instance) {
            return instance(instance, durationMs, cause);
        }
        if (what instanceof FargateUsage task) {
            long minimum = task.os() == OperatingSystem.WINDOWS ? FARGATE_WINDOWS_MINIMUM_MS : FARGATE_LINUX_MINIMUM_MS;
            return Math.max(minimum, ceilTo(durationMs, MS_PER_SECOND));
        }
        if (what instanceof ClusterUsage) {
            // Billed per cluster-hour; the engine rounds each clock-hour up (see BillingEngine).
            return durationMs;
        }
        throw new IllegalArgumentException("cannot bill " + what);
    }

    private static long instance(InstanceUsage instance, long durationMs, EndCause cause) {
        boolean interruptedByAws = instance.market() == Market.SPOT && cause == EndCause.INTERRUPTED_BY_AWS;
        // aws-rules.md item 4: EC2 interrupts Spot in the first hour -> no charge (SUSE included).
        if (interruptedByAws && durationMs <= MS_PER_HOUR) {
            return 0L;
        }
        if (instance.os() == OperatingSystem.SUSE) {
            if (interruptedByAws) {
                // aws-rules.md item 4: after the first hour, full hours; the interrupted partial hour is free.
                return durationMs / MS_PER_HOUR * MS_PER_HOUR;
            }
            // aws-rules.md item 1: each partial hour a full hour, 1-hour minimum per start.
            return Math.max(MS_PER_HOUR, ceilTo(durationMs, MS_PER_HOUR));
        }
        // aws-rules.md item 1 (Linux, Windows, RHEL, Ubuntu): per second, 60 s minimum per start;
        // item 4: Spot interrupted after its first hour bills the seconds used.
        return Math.max(EC2_MINIMUM_MS, ceilTo(durationMs, MS_PER_SECOND));
    }

    static long ceilTo(long ms, long unit) {
        long rest = ms % unit;
        return rest == 0 ? ms : ms - rest + unit;
    }
}
