package dev.fleetsim.report;

import java.util.Objects;

/**
 * What happened to one workload. At the horizon every launched task is in exactly one state:
 * {@code launched = completed + running + pending + interrupted}.
 *
 * @param kind e.g. ec2-instance, ec2-group, ecs-service, ecs-task, eks-deployment, eks-daemonset, eks-job
 * @param completed ran its duration, or was stopped by the user or a scale-in (a pending task a scale-in withdrew
 *     counts here too: nothing is left of it)
 * @param pending launched work still waiting for capacity at the horizon
 * @param running still running at the horizon (not in SPEC section 7's pinned list; written after it)
 * @param metrics pending times, interruptions, deployments and demand of a container workload; null for others
 */
public record WorkloadReport(String name, String kind, long launched, long completed, long pending,
        long interrupted, long running, WorkloadMetrics metrics) {

    public WorkloadReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (launched < 0 || completed < 0 || pending < 0 || interrupted < 0 || running < 0) {
            throw new IllegalArgumentException("workload counts must not be negative: " + name);
        }
    }

    /** A workload without container metrics. */
    public WorkloadReport(String name, String kind, long launched, long completed, long pending, long interrupted,
            long running) {
        this(name, kind, launched, completed, pending, interrupted, running, null);
    }

    /** A workload with nothing running at the horizon. */
    public WorkloadReport(String name, String kind, long launched, long completed, long pending, long interrupted) {
        this(name, kind, launched, completed, pending, interrupted, 0);
    }
}
