package dev.fleetsim.scenario;

/**
 * How much a scenario may make one simulation create, checked when it loads ({@link EntityEstimate}): a slip
 * such as {@code count: 1000000} or {@code every: PT1S} over a year then fails at once with a message naming
 * the part responsible, instead of running for hours or out of memory.
 *
 * @param maxConcurrentHosts EC2 instances that may run at once: fixed instances, Auto Scaling groups and
 *     capacity providers at their maximum, EKS managed node groups at their maximum, Karpenter pools up to
 *     their cpu limit
 * @param maxTasks ECS tasks and Kubernetes pods launched over the horizon
 */
public record EntityLimits(long maxConcurrentHosts, long maxTasks) {

    public static final long DEFAULT_MAX_CONCURRENT_HOSTS = 1_000_000;
    public static final long DEFAULT_MAX_TASKS = 10_000_000;

    public EntityLimits {
        if (maxConcurrentHosts < 1 || maxTasks < 1) {
            throw new IllegalArgumentException("limits must be at least 1, got " + maxConcurrentHosts + " hosts and "
                    + maxTasks + " tasks");
        }
    }

    public static EntityLimits defaults() {
        return new EntityLimits(DEFAULT_MAX_CONCURRENT_HOSTS, DEFAULT_MAX_TASKS);
    }

    /** The CLI's {@code --max-entities N}: the same ceiling for hosts and for tasks and pods. */
    public static EntityLimits of(long maxEntities) {
        return new EntityLimits(maxEntities, maxEntities);
    }
}
