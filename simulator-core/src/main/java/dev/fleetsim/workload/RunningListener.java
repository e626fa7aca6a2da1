package dev.fleetsim.workload;

/** Told when the number of running tasks of a workload changes, before the change takes effect for readers. */
@FunctionalInterface
public interface RunningListener {

    /**
     * {@code delta} tasks (+1 or -1) started or stopped running at {@code nowMs} on {@code host} (-1: on Fargate). The
     * host is still active when a task on it stops (its owner evicts or drains before removing it).
     */
    void runningChanged(long nowMs, int delta, int host);
}
