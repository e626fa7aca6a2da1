package dev.fleetsim.study;

import dev.fleetsim.billing.Money;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.report.Report;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioRunner;
import dev.fleetsim.scenario.ScenarioValidator;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.List;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * {@code run --replications N}: N independent runs of one scenario, in parallel, combined in replication order.
 * Replication 0 runs with the scenario's own seed, so its report is the one a single run gives; replication
 * i >= 1 runs with {@code RandomStreams.streamSeed(seed, "replication", i)}, a seed that depends only on the
 * scenario seed and i. The result is replication 0's report with {@link ReplicationStats} of all N added: the
 * same seed gives the same bytes whatever the number of threads.
 */
public final class Replicator {

    private final ScenarioRunner runner;
    private final ScenarioValidator validator;
    private final ParallelRuns parallel;

    public Replicator(ScenarioRunner runner, InstanceCatalog catalog, ParallelRuns parallel) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.validator = new ScenarioValidator(Objects.requireNonNull(catalog, "catalog"));
        this.parallel = Objects.requireNonNull(parallel, "parallel");
    }

    /**
     * @param first replication 0's full result (bill, meter) for the files of {@code --out}
     * @param report replication 0's report with the {@code replications} statistics
     */
    public record Result(RunResult first, Report report) {
    }

    /** The seed of replication {@code i}. */
    public static long seed(long scenarioSeed, int i) {
        return i == 0 ? scenarioSeed : RandomStreams.streamSeed(scenarioSeed, "replication", Integer.toString(i));
    }

    /** What one replication contributes to the statistics; only replication 0 keeps its whole result. */
    private record Outcome(RunResult kept, Money total, long interruptions) {
    }

    /**
     * @param replications at least 2
     * @param progress told how many replications have finished
     */
    public Result run(Scenario scenario, int replications, IntConsumer progress) throws Exception {
        if (replications < 2) {
            throw new IllegalArgumentException("replications need at least 2 runs, got " + replications);
        }
        List<Outcome> outcomes = parallel.map(replications, i -> {
            RunResult r = runner.run(withSeed(scenario, seed(scenario.seed(), i)), RunOptions.single());
            return new Outcome(i == 0 ? r : null, r.bill().total(), r.report().events().spotInterruptionNotices());
        }, progress);
        Money[] totals = new Money[replications];
        double[] interruptions = new double[replications];
        for (int i = 0; i < replications; i++) {
            totals[i] = outcomes.get(i).total();
            interruptions[i] = outcomes.get(i).interruptions();
        }
        RunResult first = outcomes.get(0).kept();
        Report r = first.report();
        Report combined = new Report(r.scenario(), r.seed(), r.horizon(), r.bill(), r.workloads(), r.capacity(),
                r.events(), ReplicationStats.of(totals, interruptions), r.demand(), r.containerCapacity(),
                r.karpenter(), r.faults());
        return new Result(first, combined);
    }

    private Scenario withSeed(Scenario scenario, long seed) throws InvalidScenarioException {
        ScenarioSpec s = scenario.spec();
        if (s.seed() == seed) {
            return scenario;
        }
        ScenarioSpec spec = new ScenarioSpec(s.name(), seed, s.start(), s.horizon(), s.region(), s.zones(), s.demand(),
                s.ec2(), s.ecs(), s.eks(), s.pricing(), s.faults(), s.processors(), s.lifecycle(),
                s.capacity());
        return validator.requireValid(spec, scenario.file().orElse(null), scenario.baseDirectory());
    }
}
