package dev.fleetsim.report;

import java.util.Objects;

/**
 * What happened to one workload.
 *
 * @param kind e.g. ec2-instance, ec2-group, ecs-service, ecs-task, eks-deployment, eks-daemonset, eks-job
 * @param pending launched work still waiting for capacity at the horizon
 */
public record WorkloadReport(String name, String kind, long launched, long completed, long pending,
        long interrupted) {

    public WorkloadReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        if (launched < 0 || completed < 0 || pending < 0 || interrupted < 0) {
            throw new IllegalArgumentException("workload counts must not be negative: " + name);
        }
    }
}
