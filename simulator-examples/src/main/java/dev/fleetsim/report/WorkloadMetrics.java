package dev.fleetsim.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The dynamics of one container workload (issue #5 item 6), written after the workload's counts.
 *
 * @param pendingTime total time its tasks or pods waited for capacity (the started ones' waits, plus the waiting ones'
 *     up to the horizon)
 * @param maxPendingWait the longest wait of a task or pod that started
 * @param interruptionNotices Fargate Spot warnings its tasks received (aws-rules.md item 4)
 * @param replacements tasks a service or Deployment launched for interrupted ones (lost host, Fargate Spot warning)
 * @param deployments its rolling deployments in start order (ECS services)
 * @param demand served and unserved demand, for a workload that scales on a demand signal; null otherwise
 */
public record WorkloadMetrics(Duration pendingTime, Duration maxPendingWait, long interruptionNotices,
        long replacements, List<Deployment> deployments, DemandReport demand) {

    /**
     * One rolling deployment.
     *
     * @param start when it started (offset from the scenario start)
     * @param took how long until every task was of the new revision and running; null if it never finished
     */
    public record Deployment(Duration start, Duration took) {
        public Deployment {
            Objects.requireNonNull(start, "start");
        }
    }

    public WorkloadMetrics {
        Objects.requireNonNull(pendingTime, "pendingTime");
        Objects.requireNonNull(maxPendingWait, "maxPendingWait");
        if (interruptionNotices < 0 || replacements < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        deployments = Collections.unmodifiableList(new ArrayList<>(deployments));
    }
}
