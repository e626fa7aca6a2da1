package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.processor.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Draining a host: ECS Spot draining (services only) and a Kubernetes drain (every pod; Jobs rerun). */
final class ClusterRuntimeDrainTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private static void at(Simulation sim, long timeMs, Phase phase, Runnable action) {
        sim.schedule(timeMs, phase, (s, p) -> action.run(), 0);
    }

    @Test
    void drainServiceTasks_ecsSpotDraining_replacesServiceTasks_standaloneTasksKeepRunning() {
        // Two m5.large (2048 units). Service web: 2 tasks of 1024 spread by instance -> hosts 0 and 1. Job batch:
        // 1 task of 512 at 00:01 for 50 min, no strategy -> lowest index, host 0. At 00:10 (autoscaling phase)
        // host 0 goes DRAINING: its web task stops and a replacement is placed at 00:10.001 (the next placement
        // pass) on host 1 (1024 free). batch keeps running on host 0 and completes at 00:51.
        Simulation sim = new Simulation(HOUR);
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-0");
        hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-1");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        Workload web = rt.addService("web", new TaskTarget.OnHosts(placer.group("service:web",
                new EcsTaskDefinition(1024, 1024, Architecture.X86_64), List.of(PlacementStrategy.spread("instanceId")),
                List.of())), 2);
        Workload batch = rt.addJob("batch", new TaskTarget.OnHosts(placer.group("family:batch",
                new EcsTaskDefinition(512, 512, Architecture.X86_64), List.of(), List.of())),
                new ArrivalProcess.At(List.of(MINUTE), 1), new DurationDistribution.Fixed(50 * MINUTE));
        List<String> seen = new ArrayList<>();
        at(sim, 10 * MINUTE, Phase.AUTOSCALING, () -> {
            hosts.cordon(0);
            rt.drainServiceTasks(0);
            seen.add("10:00 host0 " + hosts.runningCount(0) + " web pending " + rt.counters(web).pending());
        });
        at(sim, 10 * MINUTE + 1, Phase.OBSERVATION, () -> seen.add("10:00.001 host0 " + hosts.runningCount(0)
                + " host1 " + hosts.runningCount(1)));
        at(sim, 51 * MINUTE, Phase.OBSERVATION, () -> seen.add("51:00 batch completed "
                + rt.counters(batch).completed() + " host0 " + hosts.runningCount(0)));
        sim.run();
        assertThat(seen).containsExactly("10:00 host0 1 web pending 1", "10:00.001 host0 1 host1 2",
                "51:00 batch completed 1 host0 0");
        WorkloadCounters w = rt.counters(web);
        assertThat(new long[] {w.launched(), w.interrupted(), w.running()}).containsExactly(3, 1, 2);
        assertThat(rt.counters(batch).interrupted()).isZero();
    }

    @Test
    void drainPods_deploymentPodsMove_jobPodRerunsItsFullDuration() {
        // One node n0 at first: Deployment api (1 replica) and Job etl (1 pod at 0 for 30 min) both land there.
        // n1 joins at 00:05. At 00:10 (autoscaling phase) n0 is cordoned and drained: both pods are recreated,
        // placed at 00:10.001 on n1; the etl pod runs again from the start, 30 min: done at 00:40.001, not at 00:40.
        Simulation sim = new Simulation(HOUR);
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "n0");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, nodes);
        Workload api = rt.addService("api", new TaskTarget.OnHosts(scheduler.group(PodSpec.of("api", 100, 100))), 1);
        Workload etl = rt.addJob("etl", new TaskTarget.OnHosts(scheduler.group(PodSpec.of("etl", 100, 100))),
                new ArrivalProcess.At(List.of(0L), 1), new DurationDistribution.Fixed(30 * MINUTE));
        List<String> seen = new ArrayList<>();
        at(sim, 5 * MINUTE, Phase.LIFECYCLE, () -> nodes.addHost(HostSpec.of(CATALOG.require("m5.large"),
                "us-east-1a"), "n1"));
        at(sim, 10 * MINUTE, Phase.AUTOSCALING, () -> {
            seen.add("10:00 n0 " + nodes.runningCount(0));
            nodes.cordon(0);
            rt.drainPods(0);
        });
        at(sim, 10 * MINUTE + 1, Phase.OBSERVATION, () -> seen.add("10:00.001 n0 " + nodes.runningCount(0) + " n1 "
                + nodes.runningCount(1)));
        at(sim, 40 * MINUTE, Phase.OBSERVATION, () -> seen.add("40:00 etl completed " + rt.counters(etl).completed()));
        at(sim, 40 * MINUTE + 1, Phase.OBSERVATION, () -> seen.add("40:00.001 etl completed "
                + rt.counters(etl).completed()));
        sim.run();
        assertThat(seen).containsExactly("10:00 n0 2", "10:00.001 n0 0 n1 2", "40:00 etl completed 0",
                "40:00.001 etl completed 1");
        WorkloadCounters e = rt.counters(etl);
        assertThat(new long[] {e.launched(), e.completed(), e.interrupted()}).containsExactly(2, 1, 1);
        WorkloadCounters a = rt.counters(api);
        assertThat(new long[] {a.launched(), a.interrupted(), a.running()}).containsExactly(2, 1, 1);
    }
}
