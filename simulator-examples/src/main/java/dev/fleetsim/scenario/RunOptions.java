package dev.fleetsim.scenario;

/**
 * How to run a scenario.
 *
 * @param replications 1 for a single run; N >= 2 for N runs with seeds derived from the scenario's seed,
 *     reported as {@code Report.replications()}
 * @param progress whether to show progress on stderr (the CLI sets it when stderr is a terminal)
 */
public record RunOptions(int replications, boolean progress) {

    public RunOptions {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
    }

    public static RunOptions single() {
        return new RunOptions(1, false);
    }
}
