package dev.fleetsim.cli;

import dev.fleetsim.report.AtomicOutput;
import dev.fleetsim.report.Money;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.ScenarioRunner;
import dev.fleetsim.study.ParallelRuns;
import dev.fleetsim.study.Progress;
import dev.fleetsim.study.Sweep;
import dev.fleetsim.study.SweepCsv;
import dev.fleetsim.study.SweepLoader;
import dev.fleetsim.study.SweepRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleetsim sweep SWEEP.yaml [--out DIR]}: checks the sweep and every point first (exit 2 with every problem),
 * runs the points on all cores, writes one CSV row per point in point order to stdout or DIR/sweep.csv, and names
 * the best point on stderr.
 */
@Command(name = "sweep", description = "Runs the cartesian product of axes over a base scenario; one CSV row per"
        + " point, the best named on stderr.")
final class SweepCommand implements Callable<Integer> {

    @ParentCommand
    private FleetsimCli cli;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml")
    private Path sweepFile;

    @Option(names = "--out", paramLabel = "DIR", description = "Write sweep.csv into DIR instead of stdout.")
    private Path out;

    @Override
    public Integer call() throws Exception {
        Sweep sweep;
        try {
            sweep = new SweepLoader(cli.catalog()).load(sweepFile);
        } catch (InvalidScenarioException e) {
            Issues.print(cli.err(), sweepFile.toString(), e.issues());
            return FleetsimCli.INVALID_INPUT;
        }
        Optional<ScenarioRunner> runner = cli.runner();
        if (runner.isEmpty()) {
            cli.err().println("fleetsim sweep: " + sweepFile + " is valid (" + sweep.points().size() + " points);"
                    + " this build has no simulation engine wired in, so nothing was run");
            return FleetsimCli.INTERNAL_ERROR;
        }
        List<SweepRunner.Row> rows;
        try {
            rows = new SweepRunner(runner.get(), ParallelRuns.allCores()).run(sweep,
                    Progress.of(cli.terminal(), cli.err(), "point", sweep.points().size()));
        } catch (InvalidScenarioException e) {
            Issues.print(cli.err(), sweepFile.toString(), e.issues());
            return FleetsimCli.INVALID_INPUT;
        }
        Set<String> skipped = new LinkedHashSet<>();
        rows.forEach(r -> skipped.addAll(r.notSimulated()));
        skipped.forEach(s -> cli.err().println("fleetsim sweep: not simulated yet: " + s));
        String csv = SweepCsv.write(sweep, rows);
        if (out != null) {
            try {
                new AtomicOutput(out).add("sweep.csv", csv.getBytes(StandardCharsets.UTF_8)).commit();
                cli.err().println("fleetsim sweep: wrote " + rows.size() + " points to " + out.resolve("sweep.csv"));
            } catch (IOException e) {
                cli.err().println("fleetsim sweep: cannot write to " + out + ": " + e.getMessage());
                return FleetsimCli.INTERNAL_ERROR;
            }
        } else {
            cli.out().print(csv);
        }
        SweepRunner.Row best = SweepRunner.best(rows, sweep.objective());
        String amount = Money.format(sweep.objective() == Sweep.Objective.TOTAL ? best.report().bill().total()
                : best.report().bill().unblendedTotal());
        cli.err().println("best: " + best.point().describe(sweep.axes()) + " -> " + sweep.objective().key() + " "
                + amount);
        return FleetsimCli.OK;
    }
}
