package dev.fleetsim.workload;

/**
 * The task bounds of an ECS rolling deployment (aws-rules.md item 7, deployment-type-ecs.md): during a
 * deployment at least ceil(desired x minimumHealthyPercent / 100) tasks stay RUNNING and at most
 * floor(desired x maximumPercent / 100) are RUNNING or PENDING.
 *
 * @param minimumHealthyPercent default 100
 * @param maximumPercent default 200
 */
public record RollingDeployment(int minimumHealthyPercent, int maximumPercent) {

    public static final RollingDeployment DEFAULT = new RollingDeployment(100, 200);

    public RollingDeployment {
        if (minimumHealthyPercent < 0 || minimumHealthyPercent > 100) {
            throw new IllegalArgumentException("minimumHealthyPercent must be in 0..100, got " + minimumHealthyPercent);
        }
        if (maximumPercent < minimumHealthyPercent) {
            throw new IllegalArgumentException("maximumPercent (" + maximumPercent
                    + ") must be >= minimumHealthyPercent (" + minimumHealthyPercent + ")");
        }
    }

    /** The floor of healthy tasks: desired x minimumHealthyPercent / 100, rounded up. */
    public int minimumHealthyTasks(int desired) {
        requireDesired(desired);
        return (int) ((desired * (long) minimumHealthyPercent + 99) / 100);
    }

    /** The ceiling of running plus pending tasks: desired x maximumPercent / 100, rounded down. */
    public int maximumTasks(int desired) {
        requireDesired(desired);
        return (int) (desired * (long) maximumPercent / 100);
    }

    /** New tasks the first wave may start while all old ones still run: maximum - desired (at least 0). */
    public int firstWaveStarts(int desired) {
        return Math.max(0, maximumTasks(desired) - desired);
    }

    /** Old tasks the first wave may stop at once: desired - minimum healthy. */
    public int firstWaveStops(int desired) {
        return desired - minimumHealthyTasks(desired);
    }

    /** False when the bounds leave no room to replace any task (e.g. 100% / 100%): the deployment cannot proceed. */
    public boolean canProgress(int desired) {
        return desired == 0 || firstWaveStarts(desired) > 0 || firstWaveStops(desired) > 0;
    }

    private static void requireDesired(int desired) {
        if (desired < 0) {
            throw new IllegalArgumentException("desired count must be >= 0, got " + desired);
        }
    }
}
