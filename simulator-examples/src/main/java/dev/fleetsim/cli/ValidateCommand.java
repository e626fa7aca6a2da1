package dev.fleetsim.cli;

import dev.fleetsim.scenario.EntityLimits;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code fleetsim validate SCENARIO.yaml}: every problem at once, or a one-line summary. It refuses what {@code run}
 * refuses: the loader's checks, then the runner's (rates the price data lacks), without simulating.
 */
@Command(name = "validate", description = "Checks a scenario file and reports every problem at once.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    private FleetsimCli cli;

    @Parameters(index = "0", paramLabel = "SCENARIO.yaml")
    private Path file;

    @Mixin
    private EntityLimitsOption limits;

    @Override
    public Integer call() {
        EntityLimits chosen = limits.limits(cli, "validate");
        if (chosen == null) {
            return FleetsimCli.INVALID_INPUT;
        }
        try {
            Scenario scenario = cli.loader().withLimits(chosen).load(file);
            if (cli.runner().isPresent()) {
                cli.runner().get().check(scenario); // what only the price data shows: run refuses it too
            }
            cli.out().println(file + ": OK: " + Summary.of(scenario));
            return FleetsimCli.OK;
        } catch (InvalidScenarioException e) {
            Issues.print(cli.err(), file.toString(), e.issues());
            return FleetsimCli.INVALID_INPUT;
        }
    }
}
