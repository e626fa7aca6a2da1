package dev.fleetsim.cli;

import dev.fleetsim.report.AtomicOutput;
import dev.fleetsim.report.Report;
import dev.fleetsim.report.ReportFiles;
import dev.fleetsim.report.ReportJson;
import dev.fleetsim.report.ReportTable;
import dev.fleetsim.scenario.EntityLimits;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioRunner;
import dev.fleetsim.scenario.SetOverride;
import dev.fleetsim.study.ParallelRuns;
import dev.fleetsim.study.Progress;
import dev.fleetsim.study.Replicator;
import dev.fleetsim.scenario.UserText;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleetsim run SCENARIO.yaml}: load, apply --seed and --set, validate, then hand the scenario to the
 * {@link ScenarioRunner} and print its report.
 */
@Command(name = "run", description = "Simulates a scenario and prints the bill and service report.")
final class RunCommand implements Callable<Integer> {

    enum Format { table, json }


    @ParentCommand
    private FleetsimCli cli;

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml")
    private Path file;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Also write report.json, line-items.csv, timeseries.csv and report.html into DIR.")
    private Path outDir;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (json prints only the report JSON on stdout); default ${DEFAULT-VALUE}")
    private Format format;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "1",
            description = "independent runs; with N >= 2 the report adds mean, stddev and 95% CI")
    private int replications;

    @Option(names = "--seed", paramLabel = "S", description = "overrides the scenario's seed")
    private Long seed;

    @Mixin
    private EntityLimitsOption limits;

    @Option(names = "--set", paramLabel = "PATH=VALUE",
            description = "overrides one value, e.g. --set pricing.savingsPlans[0].commitment=5")
    private List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        if (replications < 1) {
            cli.err().println("fleetsim run: --replications must be at least 1, got " + replications);
            return FleetsimCli.INVALID_INPUT;
        }
        EntityLimits chosen = limits.limits(cli, "run");
        if (chosen == null) {
            return FleetsimCli.INVALID_INPUT;
        }
        List<SetOverride> overrides = new ArrayList<>();
        for (String s : sets) {
            try {
                overrides.add(SetOverride.parse(s));
            } catch (IllegalArgumentException e) {
                cli.err().println("fleetsim run: " + e.getMessage());
                return FleetsimCli.INVALID_INPUT;
            }
        }
        if (seed != null) {
            overrides.add(new SetOverride("seed", seed.toString()));
        }
        Scenario scenario;
        try {
            scenario = cli.loader().withLimits(chosen).load(file, overrides);
        } catch (InvalidScenarioException e) {
            Issues.print(cli.err(), file.toString(), e.issues());
            return FleetsimCli.INVALID_INPUT;
        }
        if (outDir != null) {
            // Before a possibly long run: is --out a directory this run may replace?
            try {
                AtomicOutput.checkTarget(outDir, ReportFiles.NAMES);
            } catch (IOException e) {
                cli.err().println("fleetsim run: --out: " + UserText.printable(e.getMessage()));
                return FleetsimCli.INVALID_INPUT;
            }
        }
        Optional<ScenarioRunner> runner = cli.runner();
        if (runner.isEmpty()) {
            cli.err().println("fleetsim run: " + file + " is valid: " + Summary.of(scenario));
            cli.err().println("fleetsim run: this build has no simulation engine wired in yet, so nothing was"
                    + " simulated: no bill, workloads, capacity or events" + (replications > 1 ? ", no replications"
                    : "") + (outDir != null ? "; nothing was written to " + outDir : ""));
            return FleetsimCli.INTERNAL_ERROR;
        }
        RunResult result;
        Report report;
        long startNs = System.nanoTime();
        try {
            if (replications > 1) {
                Replicator.Result replicated = new Replicator(runner.get(), cli.catalog(), ParallelRuns.allCores())
                        .run(scenario, replications, Progress.of(cli.terminal(), cli.err(), "replication",
                                replications));
                result = replicated.first();
                report = replicated.report();
            } else {
                result = runner.get().run(scenario, new RunOptions(replications, cli.terminal()));
                report = result.report();
            }
        } catch (InvalidScenarioException e) {
            Issues.print(cli.err(), file.toString(), e.issues());
            return FleetsimCli.INVALID_INPUT;
        }
        for (String skipped : result.notSimulated()) {
            cli.err().println("fleetsim run: not simulated yet: " + skipped);
        }
        if (format == Format.table) {
            // Wall time is not part of the report (it would break byte-identical reports); stderr only.
            double seconds = (System.nanoTime() - startNs) / 1e9;
            long events = report.events().processed();
            cli.err().printf(java.util.Locale.ROOT, "fleetsim run: %d events in %.2f s of wall time (%.0f events/s"
                    + "%s)%n", events, seconds, events / Math.max(seconds, 1e-9),
                    replications > 1 ? ", replication 0; " + replications + " replications in all" : "");
        }
        String json = new ReportJson().write(report);
        if (outDir != null) {
            try {
                AtomicOutput output = new AtomicOutput(outDir);
                ReportFiles.of(scenario, result, report, cli.catalog()).forEach(output::add);
                output.commit();
                cli.err().println("fleetsim run: wrote report.json, line-items.csv, timeseries.csv and report.html"
                        + " to " + outDir);
            } catch (IOException e) {
                cli.err().println("fleetsim run: cannot write to " + outDir + ": "
                        + UserText.printable(String.valueOf(e.getMessage())));
                return FleetsimCli.INTERNAL_ERROR;
            }
        }
        cli.out().print(format == Format.json ? json : new ReportTable().write(report));
        return FleetsimCli.OK;
    }
}
