package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.autoscaling.SpotPoolView;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import dev.fleetsim.workload.WorkloadCounters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An ECS capacity provider's Auto Scaling group as a NodeGroup: launches, scale in, drainAndRemove. */
final class ContainerGroupTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long HOUR_MS = 3_600_000L;
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b");

    /** One ECS provider: hosts, placer, runtime, its group (On-Demand, every pool open unless {@code gate}). */
    private static final class Fixture {
        final Simulation sim = new Simulation(HOUR_MS);
        final UsageMeter meter = UsageMeter.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
        final ContainerHosts hosts = ContainerHosts.ecs();
        final EcsPlacer placer = new EcsPlacer(hosts, new RandomStreams(1).stream("placement", "p"));
        final ClusterRuntime runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 1L << 40, hosts);
        final ContainerGroup group;

        Fixture(List<String> types, int min, int max, int desired, ContainerInstances.CapacityGate gate) {
            CapacitySetup setup = new CapacitySetup(null, null, Instant.EPOCH, SpotInterruptionSource.NONE,
                    LifecycleTimings.DEFAULT, gate);
            group = ContainerClusters.group(sim, "fleet", CATALOG, types, ZONES, min, max, desired,
                    Market.ON_DEMAND, OperatingSystem.LINUX, Map.of(), List.of(), false, hosts, runtime, meter,
                    setup, 0);
            group.start();
        }

        /** A service of {@code count} 1024-unit / 1024 MiB tasks, AZ-balanced spread as ECS services default. */
        Workload service(int count) {
            return runtime.addService("web", new TaskTarget.OnHosts(placer.group("service:web",
                    new EcsTaskDefinition(1024, 1024, Architecture.X86_64),
                    List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                            PlacementStrategy.spread("instanceId")), List.of())), count);
        }

        void at(long timeMs, Runnable action) {
            sim.schedule(timeMs, Phase.AUTOSCALING, (s, p) -> action.run(), 0);
        }

        List<String> hostTypes() {
            List<String> types = new ArrayList<>();
            for (int h = 0; h < hosts.hostSlots(); h++) {
                if (hosts.isActive(h)) {
                    types.add(hosts.instanceType(h).name() + "@" + hosts.zone(h));
                }
            }
            return types;
        }
    }

    @Test
    void prioritizedOnDemand_firstTypeHasNoCapacity_launchesTheSecondInEveryZone() {
        // GroupConfig / ASGUG "prioritized": On-Demand takes the first type with capacity in the zone. m5.large has
        // none anywhere, so both instances are m5a.large, one per zone (zone balancing, listed order).
        Fixture f = new Fixture(List.of("m5.large", "m5a.large"), 2, 2, 2,
                (type, zone, market, now) -> !type.equals("m5.large"));
        f.sim.run();
        assertThat(f.hostTypes()).containsExactly("m5a.large@us-east-1a", "m5a.large@us-east-1b");
        assertThat(f.group.autoScalingGroup().insufficientCapacityErrors()).isEqualTo(2);
        // Each bills its hour as EC2 m5a.large: 2 keys, 1 h each.
        long ms = 0;
        for (int k = 0; k < f.meter.keyCount(); k++) {
            assertThat(((InstanceUsage) f.meter.key(k)).instanceType()).isEqualTo("m5a.large");
            ms += f.meter.usageMs(k, 0);
        }
        assertThat(ms).isEqualTo(2 * HOUR_MS);
    }

    @Test
    void prioritizedOnDemand_firstTypeClosedInOneZone_mixesTypesByZone() {
        // m5.large has no capacity in us-east-1b only: us-east-1a gets the first type, us-east-1b the second.
        Fixture f = new Fixture(List.of("m5.large", "m5a.large"), 2, 2, 2,
                (type, zone, market, now) -> !(type.equals("m5.large") && zone.equals("us-east-1b")));
        f.sim.run();
        assertThat(f.hostTypes()).containsExactly("m5.large@us-east-1a", "m5a.large@us-east-1b");
        assertThat(f.group.template(0).instanceType().name()).isEqualTo("m5.large");
        assertThat(f.group.templateCount()).isEqualTo(2);
    }

    @Test
    void spotPool_priceCapacityOptimized_mixesTypesAcrossZones() {
        // aws-rules.md item 4, price-capacity-optimized: the lowest interruption bucket, then the cheapest. m5a.large
        // is in bucket 1 and m5.large in bucket 2 everywhere, so m5a.large wins where it has capacity; us-east-1b has
        // none of it, so that zone's instances are m5.large. Desired 4 over 2 zones: a, b, a, b.
        Simulation sim = new Simulation(HOUR_MS);
        ContainerHosts hosts = ContainerHosts.ecs();
        ClusterRuntime runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        SpotPoolView pools = new SpotPoolView() {
            @Override
            public double relativePrice(String type, String zone, long nowMs) {
                return type.equals("m5.large") ? 0.03 : 0.04;
            }

            @Override
            public int interruptionBucket(String type, String zone) {
                return type.equals("m5.large") ? 2 : 1;
            }
        };
        ContainerGroup g = new ContainerGroup(sim, "spotfleet", List.of(CATALOG.require("m5.large"),
                CATALOG.require("m5a.large")), ZONES, 0, 4, 4, Market.SPOT, OperatingSystem.LINUX, Map.of(), List.of(),
                false, hosts, runtime, UsageMeter.startingAt(Instant.EPOCH), LifecycleTimings.DEFAULT,
                SpotInterruptionSource.NONE, pools,
                (type, zone, market, now) -> !(type.equals("m5a.large") && zone.equals("us-east-1b")), 0);
        g.start();
        List<String> types = new ArrayList<>();
        for (int h = 0; h < hosts.hostSlots(); h++) {
            types.add(hosts.instanceType(h).name() + "@" + hosts.zone(h));
        }
        assertThat(types).containsExactly("m5a.large@us-east-1a", "m5.large@us-east-1b", "m5a.large@us-east-1a",
                "m5.large@us-east-1b");
        assertThat(g.autoScalingGroup().spotCount()).isEqualTo(4);
    }

    @Test
    void setDesired_scaleIn_takesTheEmptyHostFirst() {
        // 2 hosts (0 in us-east-1a, 1 in us-east-1b), one service task on host 0 (spread: zone a first, lowest
        // index). The plain termination policy would take us-east-1a's instance (zones tie, first listed); managed
        // termination protection keeps the busy one, so host 1 goes and the task never stops.
        Fixture f = new Fixture(List.of("m5.large"), 0, 2, 2, ContainerInstances.CapacityGate.ALWAYS);
        Workload web = f.service(1);
        f.at(60_000, () -> f.group.setDesired(1));
        f.sim.run();
        assertThat(f.hostTypes()).containsExactly("m5.large@us-east-1a");
        assertThat(f.hosts.runningCount(0)).isEqualTo(1);
        WorkloadCounters c = f.runtime.counters(web);
        assertThat(c.interrupted()).isZero();
        assertThat(c.launched()).isEqualTo(1);
        assertThat(f.group.desired()).isEqualTo(1);
        assertThat(f.group.size()).isEqualTo(1);
    }

    @Test
    void setDesired_everyHostBusy_drainsTheVictimAndItsServiceTaskMoves() {
        // 2 tasks, one per host. Scale in to 1: every instance is protected, so the termination policy picks among
        // all: us-east-1a's (zones tie, first listed). Its task is stopped (interrupted) and replaced on host 1,
        // which has 2048 - 1024 = 1024 units free: 2 tasks run there.
        Fixture f = new Fixture(List.of("m5.large"), 0, 2, 2, ContainerInstances.CapacityGate.ALWAYS);
        Workload web = f.service(2);
        f.at(60_000, () -> f.group.setDesired(1));
        f.sim.run();
        assertThat(f.hostTypes()).containsExactly("m5.large@us-east-1b");
        assertThat(f.hosts.runningCount(1)).isEqualTo(2);
        WorkloadCounters c = f.runtime.counters(web);
        assertThat(c.interrupted()).isEqualTo(1);
        assertThat(c.launched()).isEqualTo(3);
        assertThat(c.pending()).isZero();
    }

    @Test
    void drainAndRemove_terminatesThatHost_decrementsDesired_andRefusesBelowMin() {
        Fixture f = new Fixture(List.of("m5.large"), 1, 3, 2, ContainerInstances.CapacityGate.ALWAYS);
        Workload web = f.service(2);
        List<Throwable> refused = new ArrayList<>();
        f.at(60_000, () -> f.group.drainAndRemove(1));
        f.at(120_000, () -> {
            try {
                f.group.drainAndRemove(0);
            } catch (IllegalStateException e) {
                refused.add(e);
            }
        });
        f.sim.run();
        // Host 1's task moved to host 0 (1024 units free there); desired 2 -> 1, and 1 is min: the second call is
        // refused, as TerminateInstanceInAutoScalingGroup refuses to decrement below min.
        assertThat(f.hostTypes()).containsExactly("m5.large@us-east-1a");
        assertThat(f.hosts.runningCount(0)).isEqualTo(2);
        assertThat(f.group.desired()).isEqualTo(1);
        assertThat(refused).hasSize(1);
        assertThat(f.runtime.counters(web).interrupted()).isEqualTo(1);
        // The removed instance billed 00:00 -> 00:01 (60 s), the other the hour.
        long ms = 0;
        for (int k = 0; k < f.meter.keyCount(); k++) {
            ms += f.meter.usageMs(k, 0);
        }
        assertThat(ms).isEqualTo(HOUR_MS + 60_000);
    }

    @Test
    void setDesired_scaleOut_launchesInstancesThatJoinAfterTheLaunchLatency() {
        // Launched at 00:10, pending 16.5 s (the default launch latency), joined at 00:10:16.5.
        Fixture f = new Fixture(List.of("m5.large"), 0, 4, 1, ContainerInstances.CapacityGate.ALWAYS);
        int[] joinedAt = new int[2];
        f.at(600_000, () -> f.group.setDesired(3));
        f.at(616_499, () -> joinedAt[0] = f.hosts.activeHostCount());
        f.at(616_500, () -> joinedAt[1] = f.hosts.activeHostCount());
        f.sim.run();
        assertThat(joinedAt).containsExactly(1, 3);
        assertThat(f.group.size()).isEqualTo(3);
        // Zone balancing: us-east-1a holds the first instance, so the next go b, then a.
        assertThat(f.hostTypes()).containsExactly("m5.large@us-east-1a", "m5.large@us-east-1b",
                "m5.large@us-east-1a");
    }

    @Test
    void eksHosts_carryTheActualTypeAndZoneLabels() {
        Simulation sim = new Simulation(HOUR_MS);
        ContainerHosts nodes = ContainerHosts.eks();
        ClusterRuntime runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, nodes);
        CapacitySetup setup = new CapacitySetup(null, null, Instant.EPOCH, SpotInterruptionSource.NONE,
                LifecycleTimings.DEFAULT, (type, zone, market, now) -> !type.equals("m5.large"));
        ContainerGroup g = ContainerClusters.group(sim, "general", CATALOG, List.of("m5.large", "m6i.large"),
                List.of("us-east-1b"), 1, 1, 1, Market.ON_DEMAND, OperatingSystem.LINUX,
                Map.of(EksClusters.NODEGROUP_LABEL, "general"), List.of(), true, nodes, runtime,
                UsageMeter.startingAt(Instant.EPOCH), setup, 0);
        g.start();
        assertThat(nodes.attribute(0, HostAttributes.K8S_INSTANCE_TYPE)).isEqualTo("m6i.large");
        assertThat(nodes.attribute(0, HostAttributes.K8S_ZONE)).isEqualTo("us-east-1b");
        assertThat(nodes.attribute(0, EksClusters.NODEGROUP_LABEL)).isEqualTo("general");
        assertThat(nodes.hostId(0)).isEqualTo("general-0");
    }

    @Test
    void drainAndRemove_ofAnotherGroupsHost_isRefused() {
        Fixture f = new Fixture(List.of("m5.large"), 0, 2, 1, ContainerInstances.CapacityGate.ALWAYS);
        assertThatThrownBy(() -> f.group.drainAndRemove(5)).isInstanceOf(IllegalArgumentException.class);
    }
}
