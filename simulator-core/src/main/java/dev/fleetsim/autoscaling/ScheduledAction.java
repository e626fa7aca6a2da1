package dev.fleetsim.autoscaling;

/**
 * A scheduled action: at {@code atMs}, set the group's desired capacity and optionally its min and max (SPEC
 * section 5, {@code scaling: {schedule: [{at, desired, min, max}]}}). {@link #KEEP} leaves a value as it is.
 */
public record ScheduledAction(long atMs, int desired, int min, int max) {

    public static final int KEEP = -1;

    public ScheduledAction {
        if (atMs < 0) {
            throw new IllegalArgumentException("a scheduled action's time must be >= 0 ms, got " + atMs);
        }
        if (desired < KEEP || min < KEEP || max < KEEP) {
            throw new IllegalArgumentException("capacities must be >= 0 (or KEEP)");
        }
        if (min != KEEP && max != KEEP && min > max) {
            throw new IllegalArgumentException("min " + min + " exceeds max " + max);
        }
    }

    /** Sets only the desired capacity. */
    public static ScheduledAction desired(long atMs, int desired) {
        return new ScheduledAction(atMs, desired, KEEP, KEEP);
    }
}
