package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.PlacementConstraint;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.workload.ArrivalProcess;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.DurationDistribution;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * ECS managed scaling over random batches (aws-rules.md item 7): desired stays within [min, max], every task that
 * fits the instance type runs and completes, no task is interrupted by a scale-in (only empty instances go), and
 * once the batch is done the group returns to min.
 */
final class ManagedScalingProperties {

    private static final HostSpec M5_XLARGE = HostSpec.of(InstanceCatalog.loadDefault().require("m5.xlarge"),
            "us-east-1a");
    private static final long MIN = 60_000L;

    @Property(tries = 40)
    void batchRunsThenTheGroupReturnsToMin(@ForAll @IntRange(min = 1, max = 60) int tasks,
            @ForAll @IntRange(min = 1, max = 4096) int cpu, @ForAll @IntRange(min = 1, max = 16384) int memoryMiB,
            @ForAll @IntRange(min = 0, max = 2) int min, @ForAll @IntRange(min = 10, max = 100) int target,
            @ForAll boolean distinct, @ForAll @IntRange(min = 1, max = 10) int maxStep) {
        Simulation sim = new Simulation(12 * 60 * MIN);
        ContainerHosts hosts = ContainerHosts.ecs();
        TestNodeGroup group = new TestNodeGroup(sim, "fleet", hosts, M5_XLARGE, min, 80, 16_500).initial(min);
        ClusterRuntime runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        group.runtime(runtime);
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        Workload etl = runtime.addJob("etl", new TaskTarget.OnHosts(placer.group("etl", new EcsTaskDefinition(cpu,
                memoryMiB, Architecture.X86_64), List.of(), distinct ? List.of(PlacementConstraint.distinctInstance())
                        : List.of())), new ArrivalProcess.At(List.of(0L), tasks), new DurationDistribution.Fixed(20 * MIN));
        ManagedScaling scaling = new ManagedScaling(sim, group, runtime, new ManagedScaling.Config(target, 1, maxStep,
                300_000));
        scaling.start();
        List<Integer> seen = new ArrayList<>();
        for (long t = 30_000; t < sim.horizonMs(); t += 60_000) {
            sim.schedule(t, Phase.OBSERVATION, (s, p) -> seen.add(group.desired()), 0);
        }
        sim.run();
        assertThat(seen).allSatisfy(d -> assertThat(d).isBetween(min, 80));
        assertThat(runtime.counters(etl).completed()).isEqualTo(tasks);
        assertThat(runtime.counters(etl).interrupted()).isZero();
        assertThat(group.desired()).isEqualTo(min);
        assertThat(hosts.activeHostCount()).isEqualTo(min);
    }
}
