package dev.fleetsim.host;

/**
 * How long an EC2 instance stays in each transitional state. AWS documents none of these durations
 * (aws-rules.md item 10, NOT FOUND: "Any AWS-documented launch latency"); the defaults are estimates and
 * every one can be overridden.
 *
 * <ul>
 *   <li>{@code launchLatencyMs}, pending -> running: 16.5 s, the middle of the 16.4-16.6 s measured by
 *       [3P] brevdev/ec2-coldboot-research; [3P] daemonology.net (2021-08-12, c5.xlarge) measured 4.90 s.
 *       The longer figure is the safer planning assumption.
 *   <li>{@code stopLatencyMs}, stopping -> stopped: 30 s, our estimate. AWS only says that an instance
 *       that has not shut down cleanly within a few minutes is stopped hard, and that one still stopping
 *       after 10 minutes needs help (TroubleshootingInstancesStopping.md).
 *   <li>{@code terminateLatencyMs}, shutting-down -> terminated: 30 s, our estimate, by analogy with stop.
 *   <li>{@code hibernateLatencyMs}, stopping -> stopped when hibernating: 180 s, reading AWS's "a few
 *       minutes" as three. This one reaches the bill: a hibernating instance is billed while stopping.
 * </ul>
 */
public record LifecycleTimings(long launchLatencyMs, long stopLatencyMs, long terminateLatencyMs,
                               long hibernateLatencyMs) {

    /** The documented defaults above. */
    public static final LifecycleTimings DEFAULT = new LifecycleTimings(16_500, 30_000, 30_000, 180_000);

    public LifecycleTimings {
        requireNonNegative("launchLatencyMs", launchLatencyMs);
        requireNonNegative("stopLatencyMs", stopLatencyMs);
        requireNonNegative("terminateLatencyMs", terminateLatencyMs);
        requireNonNegative("hibernateLatencyMs", hibernateLatencyMs);
    }

    public LifecycleTimings withLaunchLatencyMs(long ms) {
        return new LifecycleTimings(ms, stopLatencyMs, terminateLatencyMs, hibernateLatencyMs);
    }

    public LifecycleTimings withStopLatencyMs(long ms) {
        return new LifecycleTimings(launchLatencyMs, ms, terminateLatencyMs, hibernateLatencyMs);
    }

    public LifecycleTimings withTerminateLatencyMs(long ms) {
        return new LifecycleTimings(launchLatencyMs, stopLatencyMs, ms, hibernateLatencyMs);
    }

    public LifecycleTimings withHibernateLatencyMs(long ms) {
        return new LifecycleTimings(launchLatencyMs, stopLatencyMs, terminateLatencyMs, ms);
    }

    private static void requireNonNegative(String name, long value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must be >= 0, got " + value);
        }
    }
}
