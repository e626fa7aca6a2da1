package dev.fleetsim.scenario;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.report.HourlyCosts;
import dev.fleetsim.report.HourlyWorkloads;
import dev.fleetsim.report.Report;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ScenarioRunner} returns: the pinned report, the exact bill behind it (for line items), the metered
 * usage per key and clock-hour, the bill split by clock-hour and pricing model (for time series; empty if
 * the split cannot be made exact), the
 * parts of the scenario that this build does not simulate yet, so that nobody mistakes a skipped section for a
 * free one, and what the workloads did per clock-hour (demand, served demand, pending tasks; empty when the run
 * has neither a workload scaling on a demand signal nor container workloads).
 */
public record RunResult(Report report, Bill bill, UsageMeter usage, Optional<HourlyCosts> hourlyCosts,
        List<String> notSimulated, Optional<HourlyWorkloads> hourlyWorkloads) {

    /** A result without hourly workload series. */
    public RunResult(Report report, Bill bill, UsageMeter usage, Optional<HourlyCosts> hourlyCosts,
            List<String> notSimulated) {
        this(report, bill, usage, hourlyCosts, notSimulated, Optional.empty());
    }

    public RunResult {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(hourlyCosts, "hourlyCosts");
        notSimulated = List.copyOf(notSimulated);
        Objects.requireNonNull(hourlyWorkloads, "hourlyWorkloads");
    }
}
