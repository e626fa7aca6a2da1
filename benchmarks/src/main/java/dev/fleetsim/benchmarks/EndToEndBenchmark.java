package dev.fleetsim.benchmarks;

import com.sun.management.ThreadMXBean;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.SetOverride;
import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
 * scenarios/bench/peer-{10k,100k,1m}.yaml ({@code size} one-vCPU ECS tasks arriving uniformly over a day with
 * exponential durations of mean 1 h, binpack on CPU, horizon three days), simulation and bill, on a fixed group of
 * {@code hosts} m5.4xlarge (16 vCPU). Loading the catalog, the price book and the scenario happens in the trial
 * set-up and is not timed. The peer side is {@link PeerCloudSimPlusBenchmark}.
 *
 * <p><b>Hosts.</b> The pinned files (issue #6) have 100 hosts: 1,600 task slots, while the offered load is about
 * {@code size} / 24 tasks at once (417, 4,167, 41,667), so at 100k and 1M most tasks wait and many are still pending
 * at the horizon. {@code hosts} overrides the group's min, max and desired count (as {@code --set} does on the
 * CLI) so the same workload runs on a fleet sized to it: {@code hosts = size / 100} gives 0.16 x {@code size}
 * slots against a mean of {@code size} / 24 = 0.042 x {@code size} tasks at once, so every task starts on arrival
 * (the set-up's line shows none pending).
 *
 * <p>The trial set-up runs the scenario twice (untimed) and prints a line starting with {@code # end-to-end}: the
 * events of one run, the bytes the second run allocated (in the running thread, total and per event), and how many
 * tasks completed, ran or waited at the horizon. {@code -prof gc} gives {@code gc.alloc.rate.norm} per run as well,
 * but with one operation per single-shot iteration it also counts what JMH allocates around the iteration; divide
 * by the printed events for bytes per event.
 *
 * <p>The scenarios are read from {@code scenarios/bench} under the working directory (run from the repository root),
 * or from the directory in the system property {@code fleetsim.benchScenarios}; the set-up checks that each file
 * holds {@code size} tasks.
 *
 * <p>Build, then the measured runs of docs/benchmarks.md (steps {@code e2e-*} of {@code benchmarks/bench-run.sh},
 * which runs every figure in one go); {@code -Xmx1g} is the 1M target's memory bound:
 * <pre>
 * mvn -B -q -o -DskipTests -pl benchmarks -am package
 * # the pinned peer scenarios, 100 hosts
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=10000,100000,1000000 -p hosts=100 -jvmArgsAppend -Xmx1g
 * # time against tasks, fleet sized to the load (every task runs): 10k on 100 (above), 100k on 1,000, 1M on 10,000
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=100000 -p hosts=1000 -jvmArgsAppend -Xmx1g
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=1000000 -p hosts=10000 -jvmArgsAppend -Xmx1g
 * # time against hosts, 10,000 tasks (every point runs every task)
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=10000 -p hosts=100,1000,10000,100000 -jvmArgsAppend -Xmx1g
 * # allocation per run (divide by the events printed by the set-up)
 * java -jar benchmarks/target/benchmarks.jar EndToEndBenchmark -f 1 -wi 1 -i 3 -p size=100000,1000000 -p hosts=10000 -jvmArgsAppend -Xmx1g -prof gc
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xmx4g"})
@State(Scope.Benchmark)
public class EndToEndBenchmark {

    static final int PINNED_HOSTS = 100;
    /** The group whose size {@code hosts} sets: the peer cluster's only capacity provider. */
    static final String GROUP = "ecs.clusters[0].capacityProviders[0].group.";

    @Param({"10000", "100000", "1000000"})
    public int size;

    /** Instances in the ECS capacity provider's group; 100 is what the pinned files say. */
    @Param({"100"})
    public int hosts = PINNED_HOSTS;

    private Scenario scenario;
    private EngineScenarioRunner runner;

    @Setup(Level.Trial)
    public void setUp() throws InvalidScenarioException {
        setUp(Path.of(System.getProperty("fleetsim.benchScenarios", "scenarios/bench")));
        // Two untimed runs: the first warms up, the second is described and its allocation counted.
        run();
        ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        RunResult result = run();
        long allocatedBytes = threads.getCurrentThreadAllocatedBytes() - before;
        System.out.println(System.lineSeparator() + describe(result, allocatedBytes));
    }

    void setUp(Path directory) throws InvalidScenarioException {
        Path file = directory.resolve("peer-" + label(size) + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("no scenario at " + file.toAbsolutePath()
                    + "; run from the repository root or set -Dfleetsim.benchScenarios=DIR");
        }
        InstanceCatalog catalog = InstanceCatalog.loadDefault();
        scenario = new ScenarioLoader(catalog).load(file, hostOverrides(hosts));
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

    Scenario scenario() {
        return scenario;
    }

    /** Sets the group's min, max and desired count to {@code hosts}. */
    static List<SetOverride> hostOverrides(int hosts) {
        if (hosts < 1) {
            throw new IllegalArgumentException("hosts must be >= 1, got " + hosts);
        }
        String count = Integer.toString(hosts);
        return List.of(new SetOverride(GROUP + "min", count), new SetOverride(GROUP + "max", count),
                new SetOverride(GROUP + "desired", count));
    }

    /**
     * One line: the run's events, the bytes it allocated in total and per event, and per workload the tasks
     * completed, running and pending at the horizon.
     */
    String describe(RunResult result, long allocatedBytes) {
        long events = result.report().events().processed();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "# end-to-end size=%d hosts=%d: %d events per run; %d bytes allocated by a warm run (%.1f per event)",
                size, hosts, events, allocatedBytes, allocatedBytes / (double) Math.max(1, events)));
        for (WorkloadReport w : result.report().workloads()) {
            line.append(String.format(Locale.ROOT, "; %s launched %d, completed %d, running %d, pending %d,"
                    + " interrupted %d at the horizon", w.name(), w.launched(), w.completed(), w.running(), w.pending(),
                    w.interrupted()));
        }
        return line.toString();
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
