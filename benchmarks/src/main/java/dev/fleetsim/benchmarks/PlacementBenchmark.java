package dev.fleetsim.benchmarks;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PlacementGroup;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.processor.Architecture;
import java.util.List;
import java.util.SplittableRandom;
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
 * Tasks placed per second in steady state: each operation releases one running task chosen at random and
 * places a new one, on a cluster kept about 75% full.
 *
 * <p>Cluster: {@code hosts} m5.4xlarge (16 vCPU, 64 GiB) spread over three zones. Tasks: 1 vCPU and 2 GiB
 * (ECS: 1024 units / 2048 MiB; Kubernetes: 1000m / 2048 MiB, 15 fit on a node's 15,890m allocatable).
 * Policies: {@code binpack} = ECS [binpack(cpu)]; {@code spread} = ECS [spread(attribute:ecs.availability-zone),
 * spread(instanceId)] (the console's "AZ balanced spread"); {@code kubernetes} = kube-scheduler with its
 * defaults (LeastAllocated, adaptive percentageOfNodesToScore: 420 of 1,000 nodes, 500 of 10,000).
 *
 * <p>Run: {@code mvn -B -q -o -pl benchmarks -am package -DskipTests && java -jar benchmarks/target/benchmarks.jar
 * PlacementBenchmark}
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
@State(Scope.Benchmark)
public class PlacementBenchmark {

    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final int TASKS_PER_HOST_AT_75_PERCENT = 11;

    @Param({"binpack", "spread", "kubernetes"})
    public String policy;

    @Param({"1000", "10000"})
    public int hosts;

    private PlacementGroup group;
    private SplittableRandom random;
    private int[] runningHosts;
    private int running;

    @Setup(Level.Trial)
    public void setUp() {
        InstanceType type = InstanceCatalog.loadDefault().require("m5.4xlarge");
        ContainerHosts cluster = policy.equals("kubernetes") ? ContainerHosts.eks() : ContainerHosts.ecs();
        for (int i = 0; i < hosts; i++) {
            cluster.addHost(HostSpec.of(type, ZONES[i % ZONES.length]), "i-" + i);
        }
        switch (policy) {
            case "binpack":
                group = new EcsPlacer(cluster, new SplittableRandom(1)).group("family:bench",
                        new EcsTaskDefinition(1024, 2048, Architecture.X86_64),
                        List.of(PlacementStrategy.binpack(PlacementStrategy.Resource.CPU)), List.of());
                break;
            case "spread":
                group = new EcsPlacer(cluster, new SplittableRandom(1)).group("service:bench",
                        new EcsTaskDefinition(1024, 2048, Architecture.X86_64),
                        List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                                PlacementStrategy.spread("instanceId")), List.of());
                break;
            case "kubernetes":
                group = new KubeScheduler(cluster, KubeSchedulerConfig.DEFAULT).group(PodSpec.of("bench", 1000, 2048));
                break;
            default:
                throw new IllegalArgumentException("unknown policy " + policy);
        }
        random = new SplittableRandom(42);
        int target = hosts * TASKS_PER_HOST_AT_75_PERCENT;
        runningHosts = new int[target + 1];
        running = 0;
        for (int i = 0; i < target; i++) {
            int h = group.tryPlace();
            if (h < 0) {
                throw new IllegalStateException("setup could not place task " + i);
            }
            runningHosts[running++] = h;
        }
    }

    /** One release of a random running task and one placement. */
    @Benchmark
    public int releaseAndPlace() {
        int i = random.nextInt(running);
        group.release(runningHosts[i]);
        int h = group.tryPlace();
        runningHosts[i] = h;
        return h;
    }
}
