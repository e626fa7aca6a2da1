package dev.fleetsim.scenario;

/**
 * Runs a validated scenario and reports what it cost and how it served (SPEC sections 2-4 and 7). The engine
 * and billing provide the implementation ({@code dev.fleetsim.run.EngineScenarioRunner}); the CLI is given one.
 */
public interface ScenarioRunner {

    /**
     * @throws InvalidScenarioException for problems only a run can see (a rate the price data lacks), with
     *     paths like any validation issue
     * @throws Exception for internal failures; the CLI reports them as exit status 1
     */
    RunResult run(Scenario scenario, RunOptions options) throws Exception;

    /**
     * Finds, without running, every problem {@link #run} would refuse the scenario for that the loader cannot see
     * (rates missing from the price data): {@code fleetsim validate} calls it, so it refuses what {@code run} refuses.
     * A runner whose every input rule the loader checks has nothing to add, hence the default.
     *
     * @throws InvalidScenarioException with every such problem at once
     */
    default void check(Scenario scenario) throws InvalidScenarioException {
    }
}
