package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static java.util.Map.entry;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
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
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Cluster Autoscaler (aws-rules.md item 8). Node sizes, from the EKS AMI's reservations (aws-rules.md E14,
 * docs/containers.md): m5.large (2 vCPU, 8192 MiB, 29 pods) allocates 2000 - (60 + 10) = 1930m and
 * 8192 - (11 x 29 + 255 + 100) = 7518 MiB; m5.xlarge (4 vCPU, 16384 MiB, 58 pods) 4000 - (60 + 10 + 5 + 5) = 3920m
 * and 16384 - (11 x 58 + 255 + 100) = 15391 MiB.
 */
final class ClusterAutoscalerTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long S = 1_000L;
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;

    private static HostSpec node(String type, String pool, List<Taint> taints) {
        return new HostSpec(CATALOG.require(type), "us-east-1a", OperatingSystem.LINUX,
                Map.of("eks.amazonaws.com/nodegroup", pool), taints);
    }

    /** One EKS cluster with node groups added before {@link #start}. */
    private static final class Cluster {
        final Simulation sim;
        final ContainerHosts nodes = ContainerHosts.eks();
        final KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.of(
                KubeSchedulerConfig.Scoring.LEAST_ALLOCATED));
        final ClusterRuntime runtime;
        final List<TestNodeGroup> groups = new ArrayList<>();
        final TreeMap<Long, List<Integer>> desiredAt = new TreeMap<>();
        ClusterAutoscaler autoscaler;

        Cluster(long horizonMs) {
            sim = new Simulation(horizonMs);
            runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, nodes);
        }

        TestNodeGroup group(String name, String type, int min, int max, int initial, long launchDelayMs,
                List<Taint> taints) {
            TestNodeGroup g = new TestNodeGroup(sim, name, nodes, node(type, name, taints), min, max, launchDelayMs)
                    .initial(initial);
            g.runtime(runtime);
            groups.add(g);
            return g;
        }

        Workload deployment(PodSpec spec, int replicas) {
            return runtime.addService(spec.name(), new TaskTarget.OnHosts(scheduler.group(spec)), replicas);
        }

        void start(ClusterAutoscaler.Config config, long seed) {
            autoscaler = new ClusterAutoscaler(sim, runtime, scheduler, List.<NodeGroup>copyOf(groups), config,
                    new SplittableRandom(seed));
            autoscaler.start();
        }

        void sampleDesired(long... times) {
            for (long t : times) {
                sim.schedule(t, Phase.OBSERVATION, (s, p) -> {
                    List<Integer> d = new ArrayList<>();
                    for (TestNodeGroup g : groups) {
                        d.add(g.desired());
                    }
                    desiredAt.put(s.nowMs(), d);
                }, 0);
            }
        }
    }

    private static final ClusterAutoscaler.Config LEAST_WASTE =
            ClusterAutoscaler.Config.DEFAULT.withExpander(ClusterAutoscaler.Expander.LEAST_WASTE);

    @Test
    void scaleUp_tenPendingPods_daemonSetLeavesTwoPerNode_addsFiveNodes_countsUpcomingNodes_rule8() {
        // A DaemonSet of 450m / 256 MiB leaves an m5.large 1930 - 450 = 1480m, 7262 MiB, 28 pods. Pods of
        // 500m / 1024 MiB: min(1480 / 500, 7262 / 1024, 28) = min(2, 7, 28) = 2 per node -> ceil(10 / 2) = 5 nodes
        // at the first loop (10 s). Nodes join 60 s after launch (70 s); the loops at 20..60 s see 5 upcoming
        // nodes that take all 10 pods, so they add none.
        Cluster c = new Cluster(2 * MIN);
        c.scheduler.addDaemonSet(new DaemonSet("agent", 450, 256));
        c.group("general", "m5.large", 0, 10, 0, MIN, List.of());
        Workload web = c.deployment(PodSpec.of("web", 500, 1024), 10);
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sampleDesired(9 * S, 10 * S, 60 * S, 2 * MIN);
        c.sim.run();
        assertThat(c.desiredAt).containsExactly(entry(9 * S, List.of(0)), entry(10 * S, List.of(5)),
                entry(60 * S, List.of(5)), entry(2 * MIN, List.of(5)));
        assertThat(c.autoscaler.scaleUps(0)).isEqualTo(1);
        assertThat(c.runtime.counters(web).running()).isEqualTo(10);
        assertThat(c.runtime.pendingCount()).isZero();
    }

    @Test
    void scaleUp_cappedAtMax_rule8() {
        // 5 nodes wanted as above, max 3 -> 3; the 4 pods left stay pending (no group can grow).
        Cluster c = new Cluster(MIN);
        c.scheduler.addDaemonSet(new DaemonSet("agent", 450, 256));
        c.group("general", "m5.large", 0, 3, 0, 0, List.of());
        c.deployment(PodSpec.of("web", 500, 1024), 10);
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sim.run();
        assertThat(c.groups.get(0).desired()).isEqualTo(3);
        assertThat(c.runtime.pendingCount()).isEqualTo(4);
    }

    @Test
    void expander_leastWaste_picksTheGroupLeavingLessIdle_rule8() {
        // 10 pods of 500m / 1024 MiB. Group a (m5.large): min(1930 / 500, 7518 / 1024, 29) = 3 per node -> 4 nodes;
        // idle cpu (4 x 1930 - 5000) / 7720 = 0.3523, idle memory (4 x 7518 - 10240) / 30072 = 0.6595: 1.0118.
        // Group b (m5.xlarge): min(3920 / 500, 15391 / 1024, 58) = 7 per node -> 2 nodes; idle cpu
        // (7840 - 5000) / 7840 = 0.3622, memory (30782 - 10240) / 30782 = 0.6673: 1.0296. a wastes less: +4.
        Cluster c = new Cluster(10 * S);
        c.group("a", "m5.large", 0, 10, 0, MIN, List.of());
        c.group("b", "m5.xlarge", 0, 10, 0, MIN, List.of());
        c.deployment(PodSpec.of("web", 500, 1024), 10);
        c.start(LEAST_WASTE, 1);
        c.sim.run();
        assertThat(c.groups.get(0).desired()).isEqualTo(4);
        assertThat(c.groups.get(1).desired()).isZero();
    }

    @Test
    void scaleUp_onlyGroupsWhoseTemplateAdmitsThePods_selectorAndTaint_rule8() {
        // Group a's nodes are tainted dedicated=gpu:NoSchedule, which the pods do not tolerate; group b fits
        // 7 per node -> 2 nodes, whatever the expander.
        for (ClusterAutoscaler.Config config : List.of(ClusterAutoscaler.Config.DEFAULT, LEAST_WASTE)) {
            Cluster c = new Cluster(10 * S);
            c.group("a", "m5.large", 0, 10, 0, MIN, List.of(new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE)));
            c.group("b", "m5.xlarge", 0, 10, 0, MIN, List.of());
            c.deployment(PodSpec.of("web", 500, 1024), 10);
            c.start(config, 7);
            c.sim.run();
            assertThat(c.groups.get(0).desired()).isZero();
            assertThat(c.groups.get(1).desired()).isEqualTo(2);
        }
        // A nodeSelector on group a's label: only a helps (3 per node -> 4 nodes).
        Cluster c = new Cluster(10 * S);
        c.group("a", "m5.large", 0, 10, 0, MIN, List.of());
        c.group("b", "m5.xlarge", 0, 10, 0, MIN, List.of());
        c.deployment(PodSpec.of("web", 500, 1024).withNodeSelector(Map.of("eks.amazonaws.com/nodegroup", "a")), 10);
        c.start(ClusterAutoscaler.Config.DEFAULT, 7);
        c.sim.run();
        assertThat(c.groups.get(0).desired()).isEqualTo(4);
        assertThat(c.groups.get(1).desired()).isZero();
    }

    @Test
    void expander_random_sameSeedSameChoice_eachGroupChosenBySomeSeed_rule8() {
        List<Integer> picks = new ArrayList<>();
        for (long seed = 1; seed <= 16; seed++) {
            int first = randomPick(seed);
            assertThat(randomPick(seed)).isEqualTo(first);
            picks.add(first);
        }
        assertThat(picks).contains(0, 1);
    }

    private static int randomPick(long seed) {
        Cluster c = new Cluster(10 * S);
        c.group("a", "m5.large", 0, 10, 0, MIN, List.of());
        c.group("b", "m5.xlarge", 0, 10, 0, MIN, List.of());
        c.deployment(PodSpec.of("web", 500, 1024), 10);
        c.start(ClusterAutoscaler.Config.DEFAULT, seed);
        c.sim.run();
        return c.groups.get(0).desired() > 0 ? 0 : 1;
    }

    @Test
    void scaleDown_nodeUnder50PercentWhosePodCanMove_removedAfter10Minutes_rule8() {
        // Two m5.large, a Deployment of 2 pods of 500m / 1024 MiB: LeastAllocated puts one on each. Each node:
        // cpu 500 / 1930 = 26%, memory 1024 / 7518 = 14%, both < 50%. Loop at 10 s: node 0's pod fits on node 1
        // (1430m free) -> node 0 unneeded since 10 s; node 1 receives it, so it is needed. At 610 s (600 s
        // unneeded) node 0 is drained and removed: desired 1; its pod is recreated on node 1 at 610 s + 1 ms.
        Cluster c = new Cluster(20 * MIN);
        TestNodeGroup g = c.group("general", "m5.large", 0, 10, 2, 0, List.of());
        Workload web = c.deployment(PodSpec.of("web", 500, 1024), 2);
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sampleDesired(609 * S, 610 * S, 20 * MIN);
        c.sim.run();
        assertThat(c.desiredAt).containsExactly(entry(609 * S, List.of(2)), entry(610 * S, List.of(1)),
                entry(20 * MIN, List.of(1)));
        assertThat(g.events).containsExactly(610 * S);
        assertThat(c.nodes.isActive(0)).isFalse();
        assertThat(c.nodes.runningCount(1)).isEqualTo(2);
        assertThat(c.runtime.counters(web).running()).isEqualTo(2);
        assertThat(c.autoscaler.nodesRemoved(0)).isEqualTo(1);
    }

    @Test
    void scaleDown_notWhenThePodCannotMove_rule8() {
        // Pods x (900m), y (900m), z (600m), each 1024 MiB, scheduled LeastAllocated: x -> node 0; y -> node 1 (less
        // allocated); z: both at 900m, tie -> node 0 (1500m, 78%). Node 1 (900 / 1930 = 47% cpu, 14% memory) is
        // under 50%, but y needs 900m and node 0 has 430m free: node 1 is never unneeded. Node 0 is over 50%.
        Cluster c = new Cluster(30 * MIN);
        TestNodeGroup g = c.group("general", "m5.large", 0, 10, 2, 0, List.of());
        c.deployment(PodSpec.of("x", 900, 1024), 1);
        c.deployment(PodSpec.of("y", 900, 1024), 1);
        c.deployment(PodSpec.of("z", 600, 1024), 1);
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sim.run();
        assertThat(c.nodes.cpuAllocated(0)).isEqualTo(1500);
        assertThat(c.nodes.cpuAllocated(1)).isEqualTo(900);
        assertThat(g.desired()).isEqualTo(2);
        assertThat(g.events).isEmpty();
        assertThat(c.autoscaler.isUnneeded(1)).isFalse();
    }

    @Test
    void scaleDown_emptyNodeGoesBeforeTheBusyOne_rule8() {
        // Node 0 runs a Job pod (100m), node 1 is empty. Empty nodes are looked at first: node 1 is unneeded from
        // 10 s; node 0's pod then has nowhere to go (node 1 is leaving), so node 0 is needed. Node 1 goes at 610 s.
        Cluster c = new Cluster(30 * MIN);
        TestNodeGroup g = c.group("general", "m5.large", 0, 10, 2, 0, List.of());
        c.runtime.addJob("batch", new TaskTarget.OnHosts(c.scheduler.group(PodSpec.of("batch", 100, 128))),
                new ArrivalProcess.At(List.of(0L), 1), new DurationDistribution.Fixed(HOUR));
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sim.run();
        assertThat(g.events).containsExactly(610 * S);
        assertThat(c.nodes.isActive(0)).isTrue();
    }

    @Test
    void scaleDown_jobPodMovesLikeAControllerPod_rule8() {
        // Node 0 runs a Job pod (100m / 128 MiB), node 1 a Deployment pod (same size); both under 50%. No empty
        // node. Node 0's Job pod fits on node 1 -> node 0 unneeded from 10 s, node 1 receives (needed). At 610 s
        // node 0 is drained: the Job pod is evicted (interrupted) and rerun on node 1 at 610 s + 1 ms.
        Cluster c = new Cluster(30 * MIN);
        TestNodeGroup g = c.group("general", "m5.large", 0, 10, 2, 0, List.of());
        Workload job = c.runtime.addJob("batch", new TaskTarget.OnHosts(c.scheduler.group(PodSpec.of("batch", 100,
                128))), new ArrivalProcess.At(List.of(0L), 1), new DurationDistribution.Fixed(HOUR));
        c.deployment(PodSpec.of("web", 100, 128), 1);
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sim.run();
        assertThat(g.events).containsExactly(610 * S);
        assertThat(c.nodes.isActive(0)).isFalse();
        assertThat(c.runtime.counters(job).interrupted()).isEqualTo(1);
        assertThat(c.runtime.counters(job).running()).isEqualTo(1);
        assertThat(c.nodes.runningCount(1)).isEqualTo(2);
    }

    @Test
    void scaleDown_emptyNodesTenAtOnce_neverBelowMin_rule8() {
        // 12 empty nodes, min 1: all unneeded from 10 s. At 610 s ten go (the bulk limit): desired 2. At 620 s
        // the other two are ripe, but only one may go (min 1): desired 1.
        Cluster c = new Cluster(20 * MIN);
        TestNodeGroup g = c.group("general", "m5.large", 1, 20, 12, 0, List.of());
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sampleDesired(609 * S, 610 * S, 620 * S, 20 * MIN);
        c.sim.run();
        assertThat(c.desiredAt).containsExactly(entry(609 * S, List.of(12)), entry(610 * S, List.of(2)),
                entry(620 * S, List.of(1)), entry(20 * MIN, List.of(1)));
    }

    @Test
    void scaleDown_nonEmptyNodesOneAtATime_rule8() {
        // Three m5.large, a Deployment of 3 pods of 100m / 128 MiB, one per node (LeastAllocated). Loop at 10 s:
        // node 0's pod fits on node 1 -> node 0 unneeded, node 1 receives (needed); node 2's pod fits on node 1
        // (node 0 is leaving) -> node 2 unneeded. At 610 s both are ripe but non-empty: only node 0 goes (lowest
        // index). Its pod is recreated at 610 s + 1 ms on node 1 (100m, tied with node 2, lowest index).
        Cluster c = new Cluster(11 * MIN);
        TestNodeGroup g = c.group("general", "m5.large", 0, 10, 3, 0, List.of());
        c.deployment(PodSpec.of("web", 100, 128), 3);
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sampleDesired(610 * S, 11 * MIN);
        c.sim.run();
        assertThat(c.desiredAt).containsExactly(entry(610 * S, List.of(2)), entry(11 * MIN, List.of(2)));
        assertThat(g.events).containsExactly(610 * S);
        assertThat(c.nodes.isActive(0)).isFalse();
        assertThat(c.nodes.runningCount(1)).isEqualTo(2);
    }

    @Test
    void scaleDown_notWithin10MinutesOfAScaleUp_rule8() {
        // Group a: one m5.large; group b: one m5.large tainted dedicated=batch:NoSchedule, empty, unneeded from
        // 10 s. At 300 s two Job pods of 1800m arrive: one takes a's node (1930m), the other pends (b's taint), and
        // the loop at 300 s adds an a node (a scale-up at 300 s). b's node would be ripe at 610 s;
        // scale-down-delay-after-add holds removals until 300 + 600 = 900 s.
        Cluster c = new Cluster(20 * MIN);
        TestNodeGroup a = c.group("a", "m5.large", 0, 10, 1, 0, List.of());
        TestNodeGroup b = c.group("b", "m5.large", 0, 10, 1, 0,
                List.of(new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE)));
        c.runtime.addJob("burst", new TaskTarget.OnHosts(c.scheduler.group(PodSpec.of("burst", 1800, 1024))),
                new ArrivalProcess.At(List.of(300 * S), 2), new DurationDistribution.Fixed(HOUR));
        c.start(ClusterAutoscaler.Config.DEFAULT, 1);
        c.sampleDesired(299 * S, 300 * S, 899 * S, 900 * S);
        c.sim.run();
        // a: 1 -> 2 at 300 s (one pod pending, 1 node of a; b is tainted). b: its empty node is removed at 900 s,
        // not 610 s. a's nodes run Job pods and stay.
        assertThat(c.desiredAt).containsExactly(entry(299 * S, List.of(1, 1)), entry(300 * S, List.of(2, 1)),
                entry(899 * S, List.of(2, 1)), entry(900 * S, List.of(2, 0)));
        assertThat(b.events).containsExactly(900 * S);
        assertThat(a.events).isEmpty();
    }
}
