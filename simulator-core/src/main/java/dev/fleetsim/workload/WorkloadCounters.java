package dev.fleetsim.workload;

/**
 * What a workload did so far; a snapshot (SPEC section 7 reports launched, completed, pending, interrupted).
 *
 * @param launched tasks submitted: arrivals of a job, tasks a service asked for (replacements included)
 * @param started tasks placed and run (Fargate: at once)
 * @param completed tasks that ran their duration or were stopped by a scale-in
 * @param interrupted tasks stopped by their host's loss or an interruption
 * @param cancelled pending tasks a scale-in withdrew before they started
 * @param pending tasks waiting for capacity now
 * @param running tasks running now
 * @param pendingTimeMs total waiting time: of every started task, plus of the pending ones up to now
 * @param maxWaitMs the longest wait of a started task
 * @param notices Fargate Spot interruption warnings its tasks received (aws-rules.md item 4)
 * @param replacements tasks a service launched to replace interrupted ones (host lost, Fargate Spot warning)
 */
public record WorkloadCounters(String name, long launched, long started, long completed, long interrupted,
        long cancelled, int pending, int running, long pendingTimeMs, long maxWaitMs, long notices,
        long replacements) {
}
