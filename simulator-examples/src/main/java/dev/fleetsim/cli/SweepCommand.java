package dev.fleetsim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code fleetsim sweep SWEEP.yaml [--out DIR]}: arguments are parsed; sweeps are not built yet. */
@Command(name = "sweep", description = "Cartesian product of axes over a base scenario (not implemented yet).")
final class SweepCommand implements Callable<Integer> {

    @ParentCommand
    private FleetsimCli cli;

    @Parameters(index = "0", paramLabel = "SWEEP.yaml")
    private Path sweep;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for the results.")
    private Path out;

    @Override
    public Integer call() {
        cli.err().println("fleetsim sweep: not implemented yet");
        return FleetsimCli.INTERNAL_ERROR;
    }
}
