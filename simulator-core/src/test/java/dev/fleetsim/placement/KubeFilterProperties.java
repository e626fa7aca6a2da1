package dev.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.placement.TopologySpreadConstraint.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * kube-scheduler's filters against a brute-force reading of aws-rules.md item 8: for every active node,
 * requests and a pod slot must fit, and for each DoNotSchedule constraint the node must carry the key and
 * (pods of the workload in its domain) + 1 - (least such count over the domains of all nodes that carry the
 * key) must not exceed maxSkew. The reference recounts pods from its own record at every step, so the
 * scheduler's incremental domain counts and minimum are checked under random places, releases, node joins
 * and node removals.
 */
final class KubeFilterProperties {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final String[] TYPES = {"t3.micro", "t3.medium", "m5.large"};
    private static final String[] ZONES = {"a", "b", "c"};

    /** kind 0 place, 1 release, 2 add node, 3 remove node. */
    record Op(int kind, int a) {
    }

    @Property(tries = 200)
    void filters_matchBruteForceSkew(@ForAll("ops") List<Op> ops, @ForAll("nodeSeeds") List<Integer> initial,
            @ForAll("skews") List<Integer> skews) {
        ContainerHosts nodes = ContainerHosts.eks();
        int serial = 0;
        for (int seed : initial) {
            addNode(nodes, seed, serial++);
        }
        KubeScheduler scheduler = new KubeScheduler(nodes, new KubeSchedulerConfig(
                KubeSchedulerConfig.Scoring.LEAST_ALLOCATED, 100));
        List<TopologySpreadConstraint> constraints = List.of(
                new TopologySpreadConstraint(HostAttributes.K8S_ZONE, skews.get(0), WhenUnsatisfiable.DO_NOT_SCHEDULE),
                new TopologySpreadConstraint("rack", skews.get(1), WhenUnsatisfiable.DO_NOT_SCHEDULE),
                new TopologySpreadConstraint(HostAttributes.K8S_HOSTNAME, skews.get(2), WhenUnsatisfiable.DO_NOT_SCHEDULE));
        PodGroup g = scheduler.group(PodSpec.of("api", 100, 64).withTopologySpread(constraints));
        int[] pods = new int[64];
        for (Op op : ops) {
            switch (op.kind()) {
                case 0: {
                    boolean[] expected = reference(nodes, g, constraints, pods);
                    long[] scores = scheduler.scores(g);
                    for (int h = 0; h < nodes.hostSlots(); h++) {
                        assertThat(scores[h] != Long.MIN_VALUE).as("node %d", h).isEqualTo(expected[h]);
                    }
                    int chosen = g.tryPlace();
                    if (chosen >= 0) {
                        assertThat(expected[chosen]).isTrue();
                        pods[chosen]++;
                    } else {
                        for (boolean e : expected) {
                            assertThat(e).isFalse();
                        }
                    }
                    break;
                }
                case 1: {
                    int h = op.a() % Math.max(1, nodes.hostSlots());
                    if (pods[h] > 0) {
                        g.release(h);
                        pods[h]--;
                    }
                    break;
                }
                case 2:
                    if (nodes.hostSlots() < 60 || nodes.activeHostCount() < nodes.hostSlots()) {
                        addNode(nodes, op.a(), serial++);
                    }
                    break;
                default: {
                    int h = op.a() % Math.max(1, nodes.hostSlots());
                    if (nodes.isActive(h) && pods[h] == 0) {
                        nodes.removeHost(h);
                    }
                    break;
                }
            }
        }
    }

    private static void addNode(ContainerHosts nodes, int seed, int serial) {
        // One node in four lacks the "rack" label.
        Map<String, String> labels = seed % 4 == 0 ? Map.of() : Map.of("rack", "r" + (seed / 4) % 3);
        nodes.addHost(new HostSpec(CATALOG.require(TYPES[seed % TYPES.length]), ZONES[(seed / 3) % ZONES.length],
                OperatingSystem.LINUX, labels, List.of()), "n" + serial);
    }

    private static boolean[] reference(ContainerHosts nodes, PodGroup g, List<TopologySpreadConstraint> constraints,
            int[] pods) {
        boolean[] ok = new boolean[nodes.hostSlots()];
        List<Map<String, Integer>> countsByDomain = new ArrayList<>();
        for (TopologySpreadConstraint c : constraints) {
            Map<String, Integer> counts = new HashMap<>();
            for (int h = 0; h < nodes.hostSlots(); h++) {
                String v = nodes.isActive(h) ? nodes.attribute(h, c.topologyKey()) : null;
                if (v != null) {
                    counts.merge(v, pods[h], Integer::sum);
                }
            }
            countsByDomain.add(counts);
        }
        for (int h = 0; h < nodes.hostSlots(); h++) {
            if (!nodes.isActive(h) || nodes.cpuFree(h) < g.cpuRequest() || nodes.memoryFreeMiB(h) < g.memoryRequestMiB()
                    || nodes.podsAllocated(h) >= nodes.podCapacity(h)) {
                continue;
            }
            boolean fits = true;
            for (int i = 0; i < constraints.size(); i++) {
                TopologySpreadConstraint c = constraints.get(i);
                String v = nodes.attribute(h, c.topologyKey());
                Map<String, Integer> counts = countsByDomain.get(i);
                if (v == null) {
                    fits = false;
                    break;
                }
                int min = counts.values().stream().mapToInt(Integer::intValue).min().orElse(0);
                if (counts.get(v) + 1 - min > c.maxSkew()) {
                    fits = false;
                    break;
                }
            }
            ok[h] = fits;
        }
        return ok;
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(10, 0), net.jqwik.api.Tuple.of(4, 1),
                        net.jqwik.api.Tuple.of(2, 2), net.jqwik.api.Tuple.of(2, 3)),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMinSize(10).ofMaxSize(120);
    }

    @Provide
    Arbitrary<List<Integer>> nodeSeeds() {
        return Arbitraries.integers().between(0, 1000).list().ofMinSize(0).ofMaxSize(10);
    }

    @Provide
    Arbitrary<List<Integer>> skews() {
        return Arbitraries.integers().between(1, 3).list().ofSize(3);
    }
}
