package dev.fleetsim.scenario.spec;

import java.time.Duration;
import java.util.List;

/**
 * Either target tracking on a demand signal ({@code signal}, {@code perInstance}, {@code targetUtilization}:
 * desired = ceil(demand / (perInstance * targetUtilization))) or a {@code schedule}; not both.
 *
 * @param perInstance demand one instance of {@code referenceType} serves at 100% utilization; other types serve
 *     it scaled by vCPUs x processor throughput factor
 * @param referenceType the instance type {@code perInstance} was measured on; default the group's first type
 * @param targetUtilization in (0, 1]
 * @param instanceWarmup default PT300S, the Auto Scaling default warm-up
 */
public record ScalingSpec(String signal, Double perInstance, Double targetUtilization,
        List<ScheduledActionSpec> schedule, Duration instanceWarmup, String referenceType) {

    public ScalingSpec {
        schedule = schedule == null ? null : Specs.list(schedule);
        instanceWarmup = Specs.or(instanceWarmup, Duration.ofSeconds(300));
    }

    public boolean isScheduled() {
        return schedule != null;
    }
}
