package dev.fleetsim.scenario.spec;

import java.time.Duration;
import java.util.List;

/**
 * Either target tracking on a demand signal ({@code signal}, {@code perInstance}, {@code targetUtilization}:
 * desired = ceil(demand / (perInstance * targetUtilization))) or a {@code schedule}; not both.
 *
 * @param perInstance demand one instance serves at 100% utilization
 * @param targetUtilization in (0, 1]
 * @param instanceWarmup default PT300S, the Auto Scaling default warm-up
 */
public record ScalingSpec(String signal, Double perInstance, Double targetUtilization,
        List<ScheduledActionSpec> schedule, Duration instanceWarmup) {

    public ScalingSpec {
        schedule = schedule == null ? null : Specs.list(schedule);
        instanceWarmup = Specs.or(instanceWarmup, Duration.ofSeconds(300));
    }

    public boolean isScheduled() {
        return schedule != null;
    }
}
