package dev.fleetsim.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fleetsim compare A.yaml B.yaml [...]}: arguments are parsed; the comparison is not built yet. */
@Command(name = "compare", description = "Side-by-side bill and service table of several scenarios"
        + " (not implemented yet).")
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    private FleetsimCli cli;

    @Parameters(arity = "2..*", paramLabel = "SCENARIO.yaml")
    private List<Path> scenarios;

    @Override
    public Integer call() {
        cli.err().println("fleetsim compare: not implemented yet");
        return FleetsimCli.INTERNAL_ERROR;
    }
}
