package dev.fleetsim.cli;

import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fleetsim validate SCENARIO.yaml}: every problem at once, or a one-line summary. */
@Command(name = "validate", description = "Checks a scenario file and reports every problem at once.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private FleetsimCli cli;

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml")
    private Path file;

    @Override
    public Integer call() {
        try {
            Scenario scenario = cli.loader().load(file);
            cli.out().println(file + ": OK: " + Summary.of(scenario));
            return FleetsimCli.OK;
        } catch (InvalidScenarioException e) {
            Issues.print(cli.err(), file.toString(), e.issues());
            return FleetsimCli.INVALID_INPUT;
        }
    }
}
