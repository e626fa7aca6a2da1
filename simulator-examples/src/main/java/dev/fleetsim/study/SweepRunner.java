package dev.fleetsim.study;

import dev.fleetsim.billing.Money;
import dev.fleetsim.report.Report;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.ScenarioRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/** Runs every point of a {@link Sweep} in parallel; rows come back in point order whatever the thread count. */
public final class SweepRunner {

    private final ScenarioRunner runner;
    private final ParallelRuns parallel;

    public SweepRunner(ScenarioRunner runner, ParallelRuns parallel) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.parallel = Objects.requireNonNull(parallel, "parallel");
    }

    /**
     * One point's outcome: its report (rounded bill) and the exact totals the objective compares.
     *
     * @param notSimulated what the runner skipped for this point
     */
    public record Row(Sweep.Point point, Report report, Money total, Money unblendedTotal, List<String> notSimulated) {

        Money objective(Sweep.Objective objective) {
            return objective == Sweep.Objective.TOTAL ? total : unblendedTotal;
        }
    }

    public List<Row> run(Sweep sweep, IntConsumer progress) throws Exception {
        List<Sweep.Point> points = sweep.points();
        return parallel.map(points.size(), i -> {
            Sweep.Point p = points.get(i);
            RunResult r;
            try {
                r = runner.run(p.scenario(), RunOptions.single());
            } catch (InvalidScenarioException e) {
                // Problems only a run can see (a rate the price data lacks): say which point.
                List<Issue> issues = new ArrayList<>();
                for (Issue issue : e.issues()) {
                    issues.add(Issue.of("point " + i + " (" + p.describe(sweep.axes()) + ")", issue.format()));
                }
                throw new InvalidScenarioException(issues);
            }
            return new Row(p, r.report(), r.bill().total(), r.bill().unblendedTotal(), r.notSimulated());
        }, progress);
    }

    /** The row with the lowest objective (exact comparison); ties go to the lowest point index. */
    public static Row best(List<Row> rows, Sweep.Objective objective) {
        Row best = null;
        for (Row r : rows) {
            if (best == null || r.objective(objective).compareTo(best.objective(objective)) < 0) {
                best = r;
            }
        }
        return best;
    }
}
