package dev.fleetsim.scenario;

import dev.fleetsim.report.Report;

/**
 * Runs a validated scenario and reports what it cost and how it served (SPEC sections 2-4 and 7). The engine
 * and billing provide the implementation; the CLI finds it with {@link java.util.ServiceLoader} (register it
 * in META-INF/services/dev.fleetsim.scenario.ScenarioRunner) or is given one in code.
 */
public interface ScenarioRunner {

    /**
     * @throws Exception for internal failures only: the scenario is already valid, so bad input cannot reach
     *     here; the CLI reports such failures as exit status 1
     */
    Report run(Scenario scenario, RunOptions options) throws Exception;
}
