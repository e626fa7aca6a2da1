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
import org.junit.jupiter.api.Test;

/** ECS placement (aws-rules.md item 7) on small clusters whose outcome is derived by hand. */
final class EcsPlacerTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    /** 1 vCPU, 2 GiB. */
    private static final EcsTaskDefinition ONE_VCPU = new EcsTaskDefinition(1024, 2048, Architecture.X86_64);
    private static final EcsTaskDefinition TINY = new EcsTaskDefinition(64, 64, Architecture.X86_64);

    private static ContainerHosts hosts(String type, String... zones) {
        ContainerHosts hosts = ContainerHosts.ecs();
        for (int i = 0; i < zones.length; i++) {
            hosts.addHost(HostSpec.of(CATALOG.require(type), zones[i]), "i-" + i);
        }
        return hosts;
    }

    private static List<Integer> placeAll(PlacementGroup g, int tasks) {
        List<Integer> placed = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            placed.add(g.tryPlace());
        }
        return placed;
    }

    private static long distinctHosts(List<Integer> placed) {
        return placed.stream().filter(h -> h >= 0).distinct().count();
    }

    @Test
    void binpackCpu_vs_spreadInstance_endOnDifferentHostCounts_aws_rules_item7() {
        // Four m5.xlarge (4096 CPU units, 16384 MiB each) in one zone; six tasks of 1024 units / 2048 MiB.
        // binpack(cpu): every task goes to the fitting host with the least CPU left: task 1 ties on 4096 free
        // -> lowest index 0; tasks 2-4 -> host 0 (3072, 2048, 1024 left); host 0 is then full (0 left), so
        // task 5 ties 1, 2, 3 on 4096 -> host 1, task 6 -> host 1 (3072 < 4096). Hosts used: {0, 1} = 2.
        ContainerHosts packed = hosts("m5.xlarge", "a", "a", "a", "a");
        EcsPlacer packer = new EcsPlacer(packed, new SplittableRandom(1));
        List<Integer> binpack = placeAll(packer.group("family:job", ONE_VCPU,
                List.of(PlacementStrategy.binpack(Resource.CPU)), List.of()), 6);
        assertThat(binpack).containsExactly(0, 0, 0, 0, 1, 1);
        assertThat(distinctHosts(binpack)).isEqualTo(2);

        // spread(instanceId): fewest tasks of the group per host: tasks 1-4 -> hosts 0, 1, 2, 3 (all at 0,
        // lowest index first); tasks 5, 6 -> hosts 0, 1 (all at 1). Hosts used: 4.
        ContainerHosts spreadHosts = hosts("m5.xlarge", "a", "a", "a", "a");
        EcsPlacer spreader = new EcsPlacer(spreadHosts, new SplittableRandom(1));
        List<Integer> spread = placeAll(spreader.group("family:job", ONE_VCPU,
                List.of(PlacementStrategy.spread("instanceId")), List.of()), 6);
        assertThat(spread).containsExactly(0, 1, 2, 3, 0, 1);
        assertThat(distinctHosts(spread)).isEqualTo(4);
    }

    @Test
    void azBalancedBinpack_spreadZoneThenBinpackMemory_aws_rules_item7() {
        // Hosts 0, 1 in zone a and 2, 3 in zone b (m5.xlarge, 16384 MiB). Tasks of 2048 MiB.
        // Task 1: zones tie at 0 -> all hosts, binpack memory ties at 16384 -> host 0.
        // Task 2: a has 1, b has 0 -> zone b; hosts 2, 3 tie at 16384 -> host 2.
        // Task 3: a = b = 1 -> all hosts; least memory left: hosts 0 and 2 at 14336 -> host 0.
        // Task 4: a = 2, b = 1 -> zone b; host 2 (14336) beats host 3 (16384) -> host 2.
        ContainerHosts hosts = hosts("m5.xlarge", "a", "a", "b", "b");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("service:web", ONE_VCPU, List.of(
                PlacementStrategy.spread("attribute:ecs.availability-zone"), PlacementStrategy.binpack(Resource.MEMORY)),
                List.of());
        assertThat(placeAll(g, 4)).containsExactly(0, 2, 0, 2);
        assertThat(g.runningWhere("ecs.availability-zone", "a")).isEqualTo(2);
        assertThat(g.runningWhere("ecs.availability-zone", "b")).isEqualTo(2);
    }

    @Test
    void spreadZone_aws_rules_item7_skipsAZoneWhereNothingFits() {
        // Zone a's only host is an m5.large (2048 units); zone b has an m5.xlarge. Tasks of 2048 units:
        // task 1 -> zones tie -> lowest index host 0 (zone a, now full); task 2 -> zone b (fewer) -> host 1;
        // task 3 -> zone a has fewer (1 vs 1 tie) but nothing fits there -> host 1; task 4 -> pending.
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "i-0");
        hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "b"), "i-1");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("service:web", new EcsTaskDefinition(2048, 1024, Architecture.X86_64),
                PlacementStrategy.SERVICE_DEFAULT, List.of());
        assertThat(placeAll(g, 4)).containsExactly(0, 1, 1, -1);
        assertThat(g.pendingReason()).startsWith("RESOURCE:CPU");
    }

    @Test
    void distinctInstance_aws_rules_item7_oneTaskPerHost_fourthPends() {
        ContainerHosts hosts = hosts("m5.xlarge", "a", "a", "a");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("service:db", ONE_VCPU, List.of(PlacementStrategy.binpack(Resource.CPU)),
                List.of(PlacementConstraint.distinctInstance()));
        // binpack would stack on host 0; distinctInstance forces hosts 0, 1, 2, then nothing.
        assertThat(placeAll(g, 4)).containsExactly(0, 1, 2, -1);
        assertThat(g.decide()).isEqualTo(new PlacementDecision.Pending("DistinctInstance placement constraint unsatisfied"));
        g.release(1);
        assertThat(g.place()).isEqualTo(new PlacementDecision.Placed(1));
    }

    @Test
    void memberOf_aws_rules_item7_instanceTypeRegex_onlyMatchingHosts() {
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "a"), "i-0");
        hosts.addHost(HostSpec.of(CATALOG.require("c5.xlarge"), "a"), "i-1");
        hosts.addHost(HostSpec.of(CATALOG.require("c5.2xlarge"), "b"), "i-2");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("family:cpu", ONE_VCPU, List.of(),
                List.of(PlacementConstraint.memberOf("attribute:ecs.instance-type =~ c5.*")));
        // No strategy: lowest index among c5 hosts; c5.xlarge (host 1) takes 4, c5.2xlarge (host 2) takes 8.
        List<Integer> placed = placeAll(g, 13);
        assertThat(placed.subList(0, 4)).containsOnly(1);
        assertThat(placed.subList(4, 12)).containsOnly(2);
        assertThat(placed.get(12)).isEqualTo(-1);
        assertThat(hosts.runningCount(0)).isZero();
    }

    @Test
    void memberOf_aws_rules_item7_noHostMatches_pendsWithTheExpression() {
        ContainerHosts hosts = hosts("m5.xlarge", "us-east-1a");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("family:x", ONE_VCPU, List.of(),
                List.of(PlacementConstraint.memberOf("attribute:ecs.availability-zone in [us-east-1b]")));
        assertThat(g.place()).isEqualTo(new PlacementDecision.Pending(
                "MemberOf placement constraint unsatisfied: attribute:ecs.availability-zone in [us-east-1b]"));
    }

    @Test
    void resources_aws_rules_item7_arm64Task_neverOnX86Hosts() {
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "a"), "i-0");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("family:arm", new EcsTaskDefinition(1024, 2048, Architecture.ARM64),
                List.of(), List.of());
        assertThat(g.findHost()).isEqualTo(-1);
        assertThat(g.pendingReason()).isEqualTo("ATTRIBUTE: no container instance has ecs.cpu-architecture arm64");
        int arm = hosts.addHost(HostSpec.of(CATALOG.require("m7g.xlarge"), "a"), "i-1");
        assertThat(g.findHost()).isEqualTo(arm);
    }

    @Test
    void binpackMemory_aws_rules_item7_picksTightestMemoryEvenIfCpuIsLooser() {
        // Host 0: m5.xlarge with a 10240 MiB task (6144 MiB left, 3072 units); host 1: c5.xlarge
        // (8192 MiB, 4096 units) empty. A 2048 MiB task: least memory left is host 0 (6144 < 8192).
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "a"), "i-0");
        hosts.addHost(HostSpec.of(CATALOG.require("c5.xlarge"), "a"), "i-1");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        placer.group("family:big", new EcsTaskDefinition(1024, 10240, Architecture.X86_64), List.of(), List.of())
                .commit(0);
        EcsTaskGroup g = placer.group("family:small", ONE_VCPU,
                List.of(PlacementStrategy.binpack(Resource.MEMORY)), List.of());
        assertThat(g.findHost()).isEqualTo(0);
        EcsTaskGroup byCpu = placer.group("family:small2", ONE_VCPU,
                List.of(PlacementStrategy.binpack(Resource.CPU)), List.of());
        // By CPU host 0 (3072 left) also beats host 1 (4096).
        assertThat(byCpu.findHost()).isEqualTo(0);
    }

    @Test
    void binpackCpu_aws_rules_item7_resourcesFirst_skipsHostsWithoutMemory() {
        // Host 0: m5.large (2048 units, 8192 MiB) with a 512-unit 7168 MiB task: 1536 units, 1024 MiB left.
        // Host 1: m5.xlarge empty. A 1024-unit 2048 MiB task: host 0 has the least CPU but not the memory,
        // so the tightest fit that really fits is host 1.
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "i-0");
        hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "a"), "i-1");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        placer.group("family:fat", new EcsTaskDefinition(512, 7168, Architecture.X86_64), List.of(), List.of())
                .commit(0);
        EcsTaskGroup g = placer.group("family:t", ONE_VCPU, List.of(PlacementStrategy.binpack(Resource.CPU)),
                List.of());
        assertThat(g.findHost()).isEqualTo(1);
    }

    @Test
    void random_aws_rules_item7_staysOnFittingHosts_andCoversThemAll() {
        ContainerHosts hosts = hosts("m5.xlarge", "a", "a", "a", "a");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(42));
        // Fill host 2 so it cannot take a 1024-unit task.
        placer.group("family:fill", new EcsTaskDefinition(4096, 1024, Architecture.X86_64), List.of(), List.of())
                .commit(2);
        EcsTaskGroup g = placer.group("family:r", new EcsTaskDefinition(1, 1, Architecture.X86_64),
                List.of(PlacementStrategy.random()), List.of());
        int[] seen = new int[4];
        for (int i = 0; i < 300; i++) {
            int h = g.findHost();
            seen[h]++;
        }
        assertThat(seen[2]).isZero();
        // Each of the three fitting hosts expects 100 of 300; a host with under 50 would be a 7-sigma event.
        assertThat(seen[0]).isGreaterThan(50);
        assertThat(seen[1]).isGreaterThan(50);
        assertThat(seen[3]).isGreaterThan(50);
    }

    @Test
    void noHosts_pends() {
        EcsPlacer placer = new EcsPlacer(ContainerHosts.ecs(), new SplittableRandom(1));
        EcsTaskGroup g = placer.group("family:x", ONE_VCPU, List.of(), List.of());
        assertThat(g.place()).isEqualTo(new PlacementDecision.Pending("no container instances in the cluster"));
    }

    @Test
    void hostsAddedAndRemoved_indexFollows() {
        ContainerHosts hosts = ContainerHosts.ecs();
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup g = placer.group("service:s", ONE_VCPU, List.of(PlacementStrategy.spread("instanceId")),
                List.of());
        assertThat(g.findHost()).isEqualTo(-1);
        int a = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "i-a");
        int b = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "i-b");
        assertThat(g.tryPlace()).isEqualTo(a);
        assertThat(g.tryPlace()).isEqualTo(b);
        // Host a leaves once empty; its index comes back with a new host that runs nothing of the group.
        g.release(a);
        hosts.removeHost(a);
        assertThat(g.findHost()).isEqualTo(b);
        int c = hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "i-c");
        assertThat(c).isEqualTo(a);
        assertThat(g.tryPlace()).isEqualTo(c);
        assertThat(g.runningOn(c)).isEqualTo(1);
    }

    @Test
    void cordonedInstance_drainingTakesNoTask_inAnyStrategy() {
        // Two m5.xlarge (4096 units); binpack(cpu) puts task 1 on host 0. Host 0 goes DRAINING: tasks 2-5 go to
        // host 1 (4 x 1024 = 4096 fills it), task 6 pends on CPU; releasing the task still on host 0 is allowed.
        ContainerHosts hosts = hosts("m5.xlarge", "a", "a");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup packed = placer.group("family:job", ONE_VCPU, List.of(PlacementStrategy.binpack(Resource.CPU)),
                List.of());
        EcsTaskGroup spreadBefore = placer.group("family:s1", TINY,
                List.of(PlacementStrategy.spread("instanceId")), List.of());
        assertThat(packed.tryPlace()).isZero();
        hosts.cordon(0);
        assertThat(placeAll(packed, 5)).containsExactly(1, 1, 1, 1, -1);
        assertThat(packed.pendingReason()).startsWith("RESOURCE:CPU");
        packed.release(0);
        packed.release(1); // 1024 units free on host 1 for the tiny tasks below
        // Spread groups made before and after the cordon, and random, see only host 1.
        EcsTaskGroup spreadAfter = placer.group("family:s2", TINY,
                List.of(PlacementStrategy.spread("instanceId")), List.of());
        EcsTaskGroup random = placer.group("family:r", TINY,
                List.of(PlacementStrategy.random()), List.of());
        assertThat(placeAll(spreadBefore, 2)).containsExactly(1, 1);
        assertThat(placeAll(spreadAfter, 2)).containsExactly(1, 1);
        assertThat(placeAll(random, 5)).containsOnly(1);
        hosts.cordon(1);
        assertThat(random.pendingReason()).isEqualTo("every container instance is DRAINING");
    }
}
