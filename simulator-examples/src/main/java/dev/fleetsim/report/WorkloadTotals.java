package dev.fleetsim.report;

import java.time.Duration;
import java.util.List;

/**
 * The overall line of the container workloads' metrics: sums, and the longest single wait. The demand totals are the
 * report's {@code demand} (groups and autoscaled workloads together).
 */
public record WorkloadTotals(Duration pendingTime, Duration maxPendingWait, long interruptionNotices,
        long replacements, long deployments, long deploymentsFinished) {

    /** The totals over the workloads that carry metrics; null when none does. */
    public static WorkloadTotals of(List<WorkloadReport> workloads) {
        Duration pending = Duration.ZERO;
        Duration longest = Duration.ZERO;
        long notices = 0;
        long replacements = 0;
        long deployments = 0;
        long finished = 0;
        boolean any = false;
        for (WorkloadReport w : workloads) {
            WorkloadMetrics m = w.metrics();
            if (m == null) {
                continue;
            }
            any = true;
            pending = pending.plus(m.pendingTime());
            longest = longest.compareTo(m.maxPendingWait()) >= 0 ? longest : m.maxPendingWait();
            notices += m.interruptionNotices();
            replacements += m.replacements();
            deployments += m.deployments().size();
            for (WorkloadMetrics.Deployment d : m.deployments()) {
                finished += d.took() == null ? 0 : 1;
            }
        }
        return any ? new WorkloadTotals(pending, longest, notices, replacements, deployments, finished) : null;
    }
}
