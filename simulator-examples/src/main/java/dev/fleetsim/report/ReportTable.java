package dev.fleetsim.report;

import dev.fleetsim.scenario.Durations;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a {@link Report} as plain aligned text for a terminal. */
public final class ReportTable {

    public String write(Report r) {
        StringBuilder s = new StringBuilder();
        s.append("scenario ").append(r.scenario()).append("  seed ").append(r.seed()).append("  horizon ")
                .append(Durations.format(r.horizon())).append('\n');
        Bill b = r.bill();
        s.append('\n').append("bill (").append(b.currency()).append(")  total ").append(Money.format(b.total()))
                .append("  unblended ").append(Money.format(b.unblendedTotal())).append('\n');
        s.append(twoColumns("by service", b.byService()));
        s.append(twoColumns("by pricing model", b.byPricingModel()));
        if (!b.commitments().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"commitment", "kind", "utilization", "unused"});
            for (CommitmentReport c : b.commitments()) {
                rows.add(new String[] {c.id(), c.kind(), String.format(Locale.ROOT, "%.1f%%", c.utilization() * 100),
                    Money.format(c.unused())});
            }
            s.append('\n').append(TextTable.render(rows, new boolean[] {false, false, true, true}));
        }
        if (!r.workloads().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"workload", "kind", "launched", "completed", "pending", "interrupted",
                "running"});
            for (WorkloadReport w : r.workloads()) {
                rows.add(new String[] {w.name(), w.kind(), Long.toString(w.launched()), Long.toString(w.completed()),
                    Long.toString(w.pending()), Long.toString(w.interrupted()), Long.toString(w.running())});
            }
            s.append('\n').append(TextTable.render(rows, new boolean[] {false, false, true, true, true, true, true}));
            s.append(dynamics(r.workloads()));
        }
        if (r.demand() != null) {
            s.append('\n').append(String.format(Locale.ROOT, "demand  requests %.0f  unserved %.0f (%.3f%%)",
                    r.demand().requests(), r.demand().unserved(), r.demand().unservedShare() * 100)).append('\n');
        }
        CapacityReport c = r.capacity();
        s.append('\n').append("capacity  peak instances ").append(c.peakInstances()).append("  mean CPU ")
                .append(String.format(Locale.ROOT, "%.1f%%", c.meanCpuUtilization() * 100)).append('\n');
        if (!c.instanceHours().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"instance type", "hours"});
            for (Map.Entry<String, Double> e : c.instanceHours().entrySet()) {
                rows.add(new String[] {e.getKey(), String.format(Locale.ROOT, "%.3f", e.getValue())});
            }
            s.append(TextTable.render(rows, new boolean[] {false, true}));
        }
        if (!r.containerCapacity().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            boolean scaled = false;
            for (ContainerCapacityReport p : r.containerCapacity()) {
                scaled |= p.scaling() != null;
            }
            rows.add(scalingColumns(scaled, new String[] {"container capacity", "kind", "launched", "Spot notices",
                "interrupted", "replacements", "running"}, "peak desired", "scale outs", "scale ins"));
            for (ContainerCapacityReport p : r.containerCapacity()) {
                ContainerScaling sc = p.scaling();
                rows.add(scalingColumns(scaled, new String[] {p.cluster() + "/" + p.name(), p.kind(),
                    Long.toString(p.launched()), Long.toString(p.spotInterruptionNotices()),
                    Long.toString(p.interrupted()), Long.toString(p.replacements()), Long.toString(p.running())},
                        sc == null ? "-" : Integer.toString(sc.peakDesired()),
                        sc == null ? "-" : sc.scaleOuts() + " (+" + sc.instancesAdded() + ")",
                        sc == null ? "-" : sc.scaleIns() + " (-" + sc.instancesRemoved() + ")"));
            }
            boolean[] right = new boolean[rows.get(0).length];
            java.util.Arrays.fill(right, 2, right.length, true);
            s.append('\n').append(TextTable.render(rows, right));
        }
        if (!r.karpenter().isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"karpenter pool", "launched", "empty", "underutilized", "replaced", "expired", "lost",
                "peak"});
            for (KarpenterPoolReport k : r.karpenter()) {
                rows.add(new String[] {k.cluster() + "/" + k.pool(), Long.toString(k.nodesLaunched()),
                    Long.toString(k.consolidatedEmpty()), Long.toString(k.consolidatedUnderutilized()),
                    Long.toString(k.consolidatedReplaced()), Long.toString(k.expired()), Long.toString(k.lost()),
                    Integer.toString(k.peakNodes())});
            }
            s.append('\n').append(TextTable.render(rows,
                    new boolean[] {false, true, true, true, true, true, true, true}));
        }
        s.append('\n').append("events processed ").append(r.events().processed()).append("  Spot interruption"
                + " notices ").append(r.events().spotInterruptionNotices()).append('\n');
        if (r.faults() != null) {
            s.append('\n').append("faults  zone outages ").append(r.faults().zoneOutages()).append('\n');
            List<String[]> rows = new ArrayList<>();
            rows.add(new String[] {"workload", "kind", "ICE", "failed launches", "host failures", "recoveries",
                "outage failures", "replacements", "AZ rebalance +", "AZ rebalance -"});
            for (FaultReport.Workload w : r.faults().workloads()) {
                rows.add(new String[] {w.name(), w.kind(), Long.toString(w.insufficientCapacityErrors()),
                    Long.toString(w.failedLaunches()), Long.toString(w.hostFailures()), Long.toString(w.recoveries()),
                    Long.toString(w.outageFailures()), Long.toString(w.replacements()),
                    Long.toString(w.azRebalanceLaunches()), Long.toString(w.azRebalanceTerminations())});
            }
            s.append(TextTable.render(rows,
                    new boolean[] {false, false, true, true, true, true, true, true, true, true}));
            if (!r.faults().pools().isEmpty()) {
                List<String[]> pools = new ArrayList<>();
                pools.add(new String[] {"pool", "zone", "market", "max", "peak", "refused"});
                for (FaultReport.Pool p : r.faults().pools()) {
                    pools.add(new String[] {p.type(), p.zone(), p.market(), Integer.toString(p.max()),
                        Integer.toString(p.peak()), Long.toString(p.refused())});
                }
                s.append(TextTable.render(pools, new boolean[] {false, false, false, true, true, true}));
            }
        }
        if (r.replications() != null) {
            Replications rep = r.replications();
            s.append('\n').append(rep.count()).append(" replications: total mean ")
                    .append(Money.format(rep.total().mean())).append(" (95% CI ")
                    .append(Money.format(rep.total().ci95Low())).append(" to ")
                    .append(Money.format(rep.total().ci95High())).append("), stddev ")
                    .append(Money.format(rep.total().stddev())).append('\n')
                    .append("  Spot interruption notices mean ")
                    .append(String.format(Locale.ROOT, "%.2f (95%% CI %.2f to %.2f)", rep.interruptions().mean(),
                            rep.interruptions().ci95Low(), rep.interruptions().ci95High()))
                    .append(", unserved demand ").append(rep.unservedDemand() == null ? "n/a (not measured yet)"
                            : String.format(Locale.ROOT, "mean %.4f", rep.unservedDemand().mean())).append('\n');
        }
        return s.toString();
    }

    /** Container workloads' pending time, interruptions, deployments and unserved demand (docs/reports.md). */
    private static String dynamics(List<WorkloadReport> workloads) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"workload", "task-hours waiting", "mean wait", "longest wait", "Spot notices",
            "replacements", "deployments done", "unserved"});
        for (WorkloadReport w : workloads) {
            WorkloadMetrics m = w.metrics();
            if (m == null) {
                continue;
            }
            long done = 0;
            for (WorkloadMetrics.Deployment d : m.deployments()) {
                done += d.took() == null ? 0 : 1;
            }
            // A sum over tasks reads better in task-hours than as one ISO duration of millions of days.
            long pendingMs = m.pendingTime().toMillis();
            Duration meanWait = Duration.ofMillis(w.launched() == 0 ? 0 : pendingMs / w.launched());
            rows.add(new String[] {w.name(), String.format(Locale.ROOT, "%,.1f", pendingMs / 3_600_000.0),
                Durations.format(meanWait), Durations.format(m.maxPendingWait()),
                Long.toString(m.interruptionNotices()), Long.toString(m.replacements()),
                done + "/" + m.deployments().size(), m.demand() == null ? "-"
                    : String.format(Locale.ROOT, "%.3f%%", m.demand().unservedShare() * 100)});
        }
        return rows.size() == 1 ? "" : "\n" + TextTable.render(rows,
                new boolean[] {false, true, true, true, true, true, true, true});
    }

    private static String twoColumns(String title, Map<String, BigDecimal> map) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {title, "USD"});
        for (Map.Entry<String, BigDecimal> e : map.entrySet()) {
            rows.add(new String[] {e.getKey(), Money.format(e.getValue())});
        }
        return "\n" + TextTable.render(rows, new boolean[] {false, true});
    }

    /** With a controller in the run: the columns of what it did (peak desired, actions and instances). */
    private static String[] scalingColumns(boolean scaled, String[] row, String peak, String outs, String ins) {
        if (!scaled) {
            return row;
        }
        String[] wide = java.util.Arrays.copyOf(row, row.length + 3);
        wide[row.length] = peak;
        wide[row.length + 1] = outs;
        wide[row.length + 2] = ins;
        return wide;
    }
}
