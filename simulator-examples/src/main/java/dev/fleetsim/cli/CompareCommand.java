package dev.fleetsim.cli;

import dev.fleetsim.report.Comparison;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.ScenarioRunner;
import dev.fleetsim.study.ParallelRuns;
import dev.fleetsim.study.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * {@code fleetsim compare A.yaml B.yaml [...]}: every file is validated first (any problem: all of them, each line
 * prefixed with its file, exit 2); then all run on all cores and one table compares them with the first.
 */
@Command(name = "compare", description = "Runs several scenarios and compares their bills and service with the"
        + " first.")
final class CompareCommand implements Callable<Integer> {

    enum Format { table, json }

    @ParentCommand
    private FleetsimCli cli;

    @Parameters(arity = "2..*", paramLabel = "SCENARIO.yaml")
    private List<Path> scenarios;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json; default ${DEFAULT-VALUE}")
    private Format format;

    @Override
    public Integer call() throws Exception {
        ScenarioLoader loader = new ScenarioLoader(cli.catalog());
        List<Scenario> loaded = new ArrayList<>();
        boolean invalid = false;
        for (Path file : scenarios) {
            try {
                loaded.add(loader.load(file));
            } catch (InvalidScenarioException e) {
                printIssues(file, e.issues());
                invalid = true;
            }
        }
        if (invalid) {
            return FleetsimCli.INVALID_INPUT;
        }
        Optional<ScenarioRunner> runner = cli.runner();
        if (runner.isEmpty()) {
            cli.err().println("fleetsim compare: the scenarios are valid; this build has no simulation engine wired"
                    + " in, so nothing was run");
            return FleetsimCli.INTERNAL_ERROR;
        }
        List<RunResult> results = new ArrayList<>();
        List<Path> failed = new ArrayList<>();
        List<Object> outcomes = ParallelRuns.allCores().map(loaded.size(), i -> {
            try {
                return runner.get().run(loaded.get(i), RunOptions.single());
            } catch (InvalidScenarioException e) {
                return e; // problems only a run can see; reported per file below
            }
        }, Progress.of(cli.terminal(), cli.err(), "scenario", loaded.size()));
        for (int i = 0; i < outcomes.size(); i++) {
            if (outcomes.get(i) instanceof InvalidScenarioException e) {
                printIssues(scenarios.get(i), e.issues());
                failed.add(scenarios.get(i));
            } else {
                results.add((RunResult) outcomes.get(i));
            }
        }
        if (!failed.isEmpty()) {
            return FleetsimCli.INVALID_INPUT;
        }
        Set<String> skipped = new LinkedHashSet<>();
        List<Comparison.Entry> entries = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            for (String s : results.get(i).notSimulated()) {
                skipped.add(scenarios.get(i) + ": " + s);
            }
            entries.add(new Comparison.Entry(scenarios.get(i).toString(), results.get(i).report()));
        }
        skipped.forEach(s -> cli.err().println("fleetsim compare: not simulated yet: " + s));
        Comparison comparison = new Comparison(entries);
        cli.out().print(format == Format.json ? comparison.json() : comparison.table());
        return FleetsimCli.OK;
    }

    /** With several files, every line names its file. */
    private void printIssues(Path file, List<Issue> issues) {
        for (Issue issue : issues) {
            cli.err().println(file + ": " + issue.format());
        }
    }
}
