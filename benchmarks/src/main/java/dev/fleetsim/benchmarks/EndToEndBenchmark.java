package dev.fleetsim.benchmarks;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * SPEC section 8 "End to end", the fleetsim side: the time {@link EngineScenarioRunner} takes to run
 * scenarios/bench/peer-{10k,100k,1m}.yaml (100 m5.4xlarge as an ECS capacity provider, {@code size} one-vCPU tasks
 * arriving uniformly over a day with exponential durations of mean 1 h, binpack on CPU, horizon three days),
 * simulation and bill. Loading the catalog, the price book and the scenario happens in the trial set-up and is not
 * timed. The peer side is {@link PeerCloudSimPlusBenchmark}.
 *
 * <p><b>Not yet the comparison:</b> this build does not simulate ECS tasks (the runner reports
 * {@code ecs.clusters[0]} in {@link RunResult#notSimulated()}), so today the benchmark times a run with no workload
 * in it. Once the containers kernel runs ECS tasks, the same command measures them; nothing here needs to change.
 *
 * <p>The scenarios are read from {@code scenarios/bench} under the working directory (run from the repository root),
 * or from the directory in the system property {@code fleetsim.benchScenarios}; the set-up checks that each file
 * holds {@code size} tasks.
 *
 * <p>Build and run:
 * <pre>
 * mvn -B -q -o -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 3
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class EndToEndBenchmark {

    @Param({"10000", "100000", "1000000"})
    public int size;

    private Scenario scenario;
    private EngineScenarioRunner runner;

    @Setup(Level.Trial)
    public void setUp() throws InvalidScenarioException {
        setUp(Path.of(System.getProperty("fleetsim.benchScenarios", "scenarios/bench")));
    }

    void setUp(Path directory) throws InvalidScenarioException {
        Path file = directory.resolve("peer-" + label(size) + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no scenario at " + file.toAbsolutePath()
                    + "; run from the repository root or set -Dfleetsim.benchScenarios=DIR");
        }
        InstanceCatalog catalog = InstanceCatalog.loadDefault();
        scenario = new ScenarioLoader(catalog).load(file);
        int tasks = uniformTaskCount(scenario);
        if (tasks != size) {
            throw new IllegalStateException(file + " has " + tasks + " tasks, expected " + size);
        }
        runner = new EngineScenarioRunner(catalog, PriceBook.loadDefault());
    }

    @Benchmark
    public RunResult run() throws InvalidScenarioException {
        return runner.run(scenario, RunOptions.single());
    }

    /** 10000 -> 10k, 1000000 -> 1m: the scenario file names. */
    static String label(int size) {
        if (size % 1_000_000 == 0) {
            return size / 1_000_000 + "m";
        }
        if (size % 1_000 == 0) {
            return size / 1_000 + "k";
        }
        return Integer.toString(size);
    }

    /** The number of tasks the scenario's uniform arrivals launch, over all ECS task definitions. */
    static int uniformTaskCount(Scenario scenario) {
        int tasks = 0;
        for (var cluster : scenario.spec().ecs().clusters()) {
            for (TaskSpec task : cluster.tasks()) {
                ArrivalsSpec arrivals = task.arrivals();
                if (arrivals.kind() == ArrivalsSpec.Kind.UNIFORM) {
                    tasks += arrivals.uniform().count();
                }
            }
        }
        return tasks;
    }
}
