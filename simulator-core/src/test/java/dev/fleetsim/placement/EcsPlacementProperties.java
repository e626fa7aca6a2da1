package dev.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.placement.PlacementStrategy.Resource;
import dev.fleetsim.processor.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The indexed {@link EcsPlacer} against a linear reference that reads aws-rules.md item 7 literally: filter
 * every host by resources, architecture, memberOf and distinctInstance, then narrow by each strategy in
 * order to the least key, then take the lowest index. The reference keeps its own task counts per group
 * and host and computes attribute-spread counts by summing over hosts, so it shares nothing with the
 * placer but the hosts' free capacity. Random clusters, groups and sequences of place, release, add and
 * remove must give the same host (or none) at every step.
 */
final class EcsPlacementProperties {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final String[] TYPES = {"t3.medium", "m5.large", "c5.xlarge", "m5.xlarge", "m6g.large"};
    private static final String[] ZONES = {"us-east-1a", "us-east-1b", "us-east-1c"};
    private static final List<List<PlacementStrategy>> STRATEGIES = List.of(
            List.of(),
            List.of(PlacementStrategy.binpack(Resource.CPU)),
            List.of(PlacementStrategy.binpack(Resource.MEMORY)),
            List.of(PlacementStrategy.spread("instanceId")),
            List.of(PlacementStrategy.spread("attribute:ecs.availability-zone")),
            List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.binpack(Resource.MEMORY)),
            List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.spread("host")),
            List.of(PlacementStrategy.binpack(Resource.CPU), PlacementStrategy.spread("instanceId")),
            List.of(PlacementStrategy.spread("instanceId"), PlacementStrategy.binpack(Resource.MEMORY)),
            List.of(PlacementStrategy.spread("attribute:ecs.instance-type"), PlacementStrategy.binpack(Resource.CPU)),
            List.of(PlacementStrategy.binpack(Resource.MEMORY), PlacementStrategy.binpack(Resource.CPU),
                    PlacementStrategy.spread("attribute:ecs.availability-zone")),
            List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                    PlacementStrategy.spread("attribute:ecs.instance-type"), PlacementStrategy.spread("instanceId")));
    private static final List<List<PlacementConstraint>> CONSTRAINTS = List.of(
            List.of(),
            List.of(PlacementConstraint.distinctInstance()),
            List.of(PlacementConstraint.memberOf("attribute:ecs.availability-zone != us-east-1c")),
            List.of(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ m5.* or attribute:ecs.instance-type"
                    + " == t3.medium"), PlacementConstraint.distinctInstance()));

    /** One group: its definition and rules by index into the lists above. */
    record GroupSpec(int cpu, int memoryMiB, boolean arm, int strategies, int constraints) {
    }

    /** kind 0 place, 1 release, 2 add host, 3 remove host; a and b pick what. */
    record Op(int kind, int a, int b) {
    }

    @Property(tries = 300)
    void indexedPlacer_decidesAsTheLinearReference(@ForAll("groups") List<GroupSpec> specs,
            @ForAll("ops") List<Op> ops, @ForAll("hostSeeds") List<Integer> initialHosts) {
        ContainerHosts hosts = ContainerHosts.ecs();
        int serial = 0;
        for (int seed : initialHosts) {
            addHost(hosts, seed, serial++);
        }
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(7));
        List<EcsTaskGroup> groups = new ArrayList<>();
        List<int[]> refCounts = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            GroupSpec s = specs.get(i);
            groups.add(placer.group("g" + i, new EcsTaskDefinition(s.cpu(), s.memoryMiB(),
                    s.arm() ? Architecture.ARM64 : Architecture.X86_64), STRATEGIES.get(s.strategies()),
                    CONSTRAINTS.get(s.constraints())));
            refCounts.add(new int[64]);
        }
        for (Op op : ops) {
            switch (op.kind()) {
                case 0: {
                    int gi = op.a() % groups.size();
                    EcsTaskGroup g = groups.get(gi);
                    int expected = reference(hosts, g, refCounts.get(gi));
                    int actual = g.findHost();
                    assertThat(actual).as("group %s on %d hosts", g, hosts.activeHostCount()).isEqualTo(expected);
                    if (actual >= 0) {
                        g.commit(actual);
                        refCounts.get(gi)[actual]++;
                    }
                    break;
                }
                case 1: {
                    int gi = op.a() % groups.size();
                    int[] counts = refCounts.get(gi);
                    int h = nthPositive(counts, op.b());
                    if (h >= 0) {
                        groups.get(gi).release(h);
                        counts[h]--;
                    }
                    break;
                }
                case 2:
                    if (hosts.hostSlots() < 60 || hosts.activeHostCount() < hosts.hostSlots()) {
                        addHost(hosts, op.a(), serial++);
                    }
                    break;
                default: {
                    int h = op.a() % Math.max(1, hosts.hostSlots());
                    if (hosts.isActive(h) && hosts.runningCount(h) == 0) {
                        hosts.removeHost(h);
                    }
                    break;
                }
            }
        }
    }

    private static void addHost(ContainerHosts hosts, int seed, int serial) {
        hosts.addHost(HostSpec.of(CATALOG.require(TYPES[seed % TYPES.length]), ZONES[(seed / 7) % ZONES.length]),
                "i-" + serial);
    }

    private static int nthPositive(int[] counts, int n) {
        int positives = 0;
        for (int c : counts) {
            positives += c > 0 ? 1 : 0;
        }
        if (positives == 0) {
            return -1;
        }
        int k = n % positives;
        for (int h = 0; h < counts.length; h++) {
            if (counts[h] > 0 && k-- == 0) {
                return h;
            }
        }
        throw new AssertionError();
    }

    /** aws-rules.md item 7, read literally over every host. */
    static int reference(ContainerHosts hosts, EcsTaskGroup g, int[] counts) {
        EcsTaskDefinition def = g.definition();
        boolean distinct = false;
        List<ClusterQuery> queries = new ArrayList<>();
        for (PlacementConstraint c : g.constraints()) {
            if (c instanceof PlacementConstraint.DistinctInstance) {
                distinct = true;
            } else {
                queries.add(((PlacementConstraint.MemberOf) c).query());
            }
        }
        List<Integer> candidates = new ArrayList<>();
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (!hosts.isActive(h) || hosts.architecture(h) != def.architecture()
                    || hosts.cpuFree(h) < def.cpuUnits() || hosts.memoryFreeMiB(h) < def.memoryMiB()
                    || distinct && counts[h] > 0) {
                continue;
            }
            final int host = h;
            if (queries.stream().allMatch(q -> q.test(name -> hosts.attribute(host, name)))) {
                candidates.add(h);
            }
        }
        for (PlacementStrategy s : g.strategies()) {
            if (candidates.size() <= 1) {
                break;
            }
            long min = Long.MAX_VALUE;
            long[] keys = new long[candidates.size()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = key(hosts, s, candidates.get(i), counts);
                min = Math.min(min, keys[i]);
            }
            List<Integer> kept = new ArrayList<>();
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] == min) {
                    kept.add(candidates.get(i));
                }
            }
            candidates = kept;
        }
        return candidates.isEmpty() ? -1 : candidates.get(0);
    }

    private static long key(ContainerHosts hosts, PlacementStrategy s, int h, int[] counts) {
        if (s instanceof PlacementStrategy.Binpack) {
            return ((PlacementStrategy.Binpack) s).resource() == Resource.CPU ? hosts.cpuFree(h) : hosts.memoryFreeMiB(h);
        }
        PlacementStrategy.Spread spread = (PlacementStrategy.Spread) s;
        if (spread.byInstance()) {
            return counts[h];
        }
        String value = hosts.attribute(h, spread.attribute());
        long sum = 0;
        for (int o = 0; o < hosts.hostSlots(); o++) {
            if (hosts.isActive(o) && value.equals(hosts.attribute(o, spread.attribute()))) {
                sum += counts[o];
            }
        }
        return sum;
    }

    @Provide
    Arbitrary<List<GroupSpec>> groups() {
        Arbitrary<GroupSpec> g = net.jqwik.api.Combinators.combine(
                Arbitraries.of(256, 512, 1024, 1536, 2048),
                Arbitraries.of(512, 1024, 2048, 3072, 4096),
                Arbitraries.integers().between(0, 9).map(i -> i == 0),
                Arbitraries.integers().between(0, STRATEGIES.size() - 1),
                Arbitraries.integers().between(0, CONSTRAINTS.size() - 1)).as(GroupSpec::new);
        return g.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(
                Arbitraries.frequency(net.jqwik.api.Tuple.of(10, 0), net.jqwik.api.Tuple.of(4, 1),
                        net.jqwik.api.Tuple.of(1, 2), net.jqwik.api.Tuple.of(1, 3)),
                Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMinSize(10).ofMaxSize(120);
    }

    @Provide
    Arbitrary<List<Integer>> hostSeeds() {
        return Arbitraries.integers().between(0, 1000).list().ofMinSize(0).ofMaxSize(12);
    }
}
