package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.placement.DaemonSet;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.workload.ArrivalProcess;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.DurationDistribution;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The Cluster Autoscaler over random batches of Jobs (aws-rules.md item 8): desired stays within [min, max] at every
 * loop, every pod that fits a template node runs and completes, and once they are done every node above min goes.
 */
final class ClusterAutoscalerProperties {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long MIN = 60_000L;

    @Property(tries = 40)
    void jobsRunThenTheGroupsShrinkToMin(@ForAll @IntRange(min = 1, max = 40) int pods,
            @ForAll @IntRange(min = 1, max = 1800) int cpuMillicores, @ForAll @IntRange(min = 1, max = 7000) int memoryMiB,
            @ForAll @IntRange(min = 0, max = 2) int min, @ForAll boolean leastWaste, @ForAll @IntRange(min = 1, max = 99) int seed) {
        Simulation sim = new Simulation(6 * 60 * MIN);
        ContainerHosts nodes = ContainerHosts.eks();
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.of(
                KubeSchedulerConfig.Scoring.LEAST_ALLOCATED));
        scheduler.addDaemonSet(new DaemonSet("agent", 100, 128));
        ClusterRuntime runtime = new ClusterRuntime(sim, new RandomStreams(seed), null, 0, nodes);
        List<TestNodeGroup> groups = new ArrayList<>();
        for (String type : List.of("m5.large", "m5.xlarge")) {
            HostSpec template = new HostSpec(CATALOG.require(type), "us-east-1a", OperatingSystem.LINUX,
                    Map.of("eks.amazonaws.com/nodegroup", type), List.of());
            TestNodeGroup g = new TestNodeGroup(sim, type, nodes, template, min, 50, 16_500).initial(min);
            g.runtime(runtime);
            groups.add(g);
        }
        // Every pod fits an m5.large after the DaemonSet (1830m, 7390 MiB).
        Workload job = runtime.addJob("batch", new TaskTarget.OnHosts(scheduler.group(PodSpec.of("batch",
                cpuMillicores, memoryMiB))), new ArrivalProcess.At(List.of(0L), pods),
                new DurationDistribution.Fixed(20 * MIN));
        ClusterAutoscaler ca = new ClusterAutoscaler(sim, runtime, scheduler, List.<NodeGroup>copyOf(groups),
                ClusterAutoscaler.Config.DEFAULT.withExpander(leastWaste ? ClusterAutoscaler.Expander.LEAST_WASTE
                        : ClusterAutoscaler.Expander.RANDOM), new SplittableRandom(seed));
        ca.start();
        List<int[]> seen = new ArrayList<>();
        for (long t = 5_000; t < sim.horizonMs(); t += 10_000) {
            sim.schedule(t, Phase.OBSERVATION, (s, p) -> seen.add(new int[] {groups.get(0).desired(),
                groups.get(1).desired()}), 0);
        }
        sim.run();
        for (int[] d : seen) {
            assertThat(d[0]).isBetween(min, 50);
            assertThat(d[1]).isBetween(min, 50);
        }
        assertThat(runtime.counters(job).completed()).isEqualTo(pods);
        assertThat(runtime.pendingCount()).isZero();
        assertThat(groups.get(0).desired()).isEqualTo(min);
        assertThat(groups.get(1).desired()).isEqualTo(min);
        assertThat(nodes.activeHostCount()).isEqualTo(2 * min);
    }
}
