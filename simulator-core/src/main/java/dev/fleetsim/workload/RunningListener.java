package dev.fleetsim.workload;

/** Told when the number of running tasks of a workload changes, before the change takes effect for readers. */
@FunctionalInterface
public interface RunningListener {

    /** {@code delta} tasks (+1 or -1) started or stopped running at {@code nowMs}. */
    void runningChanged(long nowMs, int delta);
}
