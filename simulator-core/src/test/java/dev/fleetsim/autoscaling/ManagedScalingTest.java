package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.PlacementGroup;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.workload.ArrivalProcess;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.DurationDistribution;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * ECS managed scaling on CapacityProviderReservation (aws-rules.md item 7). m5.xlarge: 4 vCPU = 4096 CPU units and
 * 16,384 MiB, so four 1024-unit / 1024-MiB tasks fill one instance (CPU binds: 4096 / 1024 = 4; memory would take 16).
 */
final class ManagedScalingTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final HostSpec M5_XLARGE = HostSpec.of(CATALOG.require("m5.xlarge"), "us-east-1a");
    private static final long S = 1_000L;
    private static final long MIN = 60_000L;
    private static final long HOUR = 3_600_000L;

    /** One provider: its hosts, group, runtime and the task group every test's tasks use. */
    private static final class Provider {
        final Simulation sim;
        final ContainerHosts hosts = ContainerHosts.ecs();
        final TestNodeGroup group;
        final ClusterRuntime runtime;
        final EcsPlacer placer;
        final ManagedScaling scaling;
        /** desired capacity sampled at given times (OBSERVATION phase, after the instant's scaling). */
        final TreeMap<Long, Integer> desiredAt = new TreeMap<>();

        Provider(long horizonMs, int min, int max, int initial, long launchDelayMs, ManagedScaling.Config config) {
            sim = new Simulation(horizonMs);
            group = new TestNodeGroup(sim, "fleet", hosts, M5_XLARGE, min, max, launchDelayMs).initial(initial);
            runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
            group.runtime(runtime);
            placer = new EcsPlacer(hosts, new SplittableRandom(1));
            scaling = new ManagedScaling(sim, group, runtime, config);
            scaling.start();
        }

        PlacementGroup tasks(String name, int cpu, int memoryMiB) {
            // No strategy: first fit, the lowest host index that fits (the runner's default for standalone tasks).
            return placer.group(name, new EcsTaskDefinition(cpu, memoryMiB, Architecture.X86_64), List.of(), List.of());
        }

        Workload batch(String name, int count, int cpu, long durationMs) {
            return runtime.addJob(name, new TaskTarget.OnHosts(tasks(name, cpu, 1024)),
                    new ArrivalProcess.At(List.of(0L), count), new DurationDistribution.Fixed(durationMs));
        }

        void sampleDesired(long... times) {
            for (long t : times) {
                sim.schedule(t, Phase.OBSERVATION, (s, p) -> desiredAt.put(s.nowMs(), group.desired()), 0);
            }
        }
    }

    @Test
    void cpr_eightRunningTenWaitingOnTwoFullInstances_m5Over2Is250_scalesOutTo5_rule7() {
        // Two warm m5.xlarge run 8 tasks (4 each, full); 10 more wait. M = 2 busy + ceil(10 / 4) = 3 new = 5,
        // N = 2: CPR = 5 / 2 x 100 = 250 > 100 -> desired ceil(5 x 100 / 100) = 5, a step of 3 within [1, 10000].
        Provider p = new Provider(2 * MIN, 0, 100, 2, 0, ManagedScaling.Config.DEFAULT);
        p.batch("etl", 18, 1024, HOUR);
        p.sim.run();
        assertThat(p.scaling.lastInstancesNeeded()).isEqualTo(5);
        assertThat(p.scaling.lastInstancesWarm()).isEqualTo(2);
        assertThat(p.scaling.lastReservationPercent()).isEqualTo(250.0);
        assertThat(p.group.desired()).isEqualTo(5);
        assertThat(p.scaling.scaleOuts()).isEqualTo(1);
        // The three new instances joined at 60 s and took the 10 waiting tasks (4 + 4 + 2).
        assertThat(p.runtime.pendingCount()).isZero();
    }

    @Test
    void cpr_noInstancesWithWaitingTasks_is200_launches2_thenAThirdAfterWarmup_rule7() {
        // Desired 0, 10 tasks wait at 0. At 60 s: N = 0, M = ceil(10 / 4) = 3 > 0 -> CPR 200 -> 2 instances
        // (ceil(200 / 100)). They join at once (launch delay 0) and take 8 tasks; 2 wait. Warm-up 300 s: they
        // count in N from 360 s. At 120..300 s: N = 0, M = 2 busy + 1 = 3 -> CPR 200 -> wanted 2 = desired, no
        // step. At 360 s: N = 2, M = 3 -> CPR 150 -> desired ceil(300 / 100) = 3; the third takes the last 2.
        Provider p = new Provider(10 * MIN, 0, 100, 0, 0, ManagedScaling.Config.DEFAULT);
        p.batch("etl", 10, 1024, HOUR);
        p.sampleDesired(59 * S, 60 * S, 300 * S, 359 * S, 360 * S);
        p.sim.run();
        assertThat(p.desiredAt).containsExactly(java.util.Map.entry(59 * S, 0), java.util.Map.entry(60 * S, 2),
                java.util.Map.entry(300 * S, 2), java.util.Map.entry(359 * S, 2), java.util.Map.entry(360 * S, 3));
        assertThat(p.scaling.scaleOuts()).isEqualTo(2);
        assertThat(p.runtime.pendingCount()).isZero();
    }

    @Test
    void scaleOut_stepClampedToMinimumAndMaximumStepSize_rule7() {
        // As above at 60 s the wanted size is 2 from 0. Minimum step 3 raises it to 3.
        Provider low = new Provider(MIN, 0, 100, 0, 0, new ManagedScaling.Config(100, 3, 10_000, 300_000));
        low.batch("etl", 10, 1024, HOUR);
        low.sim.run();
        assertThat(low.group.desired()).isEqualTo(3);
        // 40 waiting tasks on 2 full warm instances: M = 2 + 10 = 12, wanted 12, step 10; maximum step 4 -> 6.
        Provider high = new Provider(MIN, 0, 100, 2, 0, new ManagedScaling.Config(100, 1, 4, 300_000));
        high.batch("etl", 48, 1024, HOUR);
        high.sim.run();
        assertThat(high.group.desired()).isEqualTo(6);
        // And max caps it: max 4 -> 4.
        Provider capped = new Provider(MIN, 0, 4, 2, 0, ManagedScaling.Config.DEFAULT);
        capped.batch("etl", 48, 1024, HOUR);
        capped.sim.run();
        assertThat(capped.group.desired()).isEqualTo(4);
    }

    @Test
    void targetCapacity50_twoBusyInstances_cpr100_keepsHalfSpare_scalesTo4_rule7() {
        // 8 tasks fill 2 warm instances, none waits: M = 2, N = 2, CPR 100 > 50 -> desired ceil(2 x 100 / 50) = 4.
        Provider p = new Provider(MIN, 0, 100, 2, 0, new ManagedScaling.Config(50, 1, 10_000, 300_000));
        p.batch("etl", 8, 1024, HOUR);
        p.sim.run();
        assertThat(p.scaling.lastReservationPercent()).isEqualTo(100.0);
        assertThat(p.group.desired()).isEqualTo(4);
    }

    @Test
    void taskLargerThanTheInstanceType_isLeftOutOfM_noScaleOut_rule7() {
        // 8192 units on a 4096-unit m5.xlarge never fits: M = 0 busy + 0, N = 1 -> CPR 0, nothing launched.
        Provider p = new Provider(MIN, 0, 100, 1, 0, ManagedScaling.Config.DEFAULT);
        p.batch("huge", 1, 8192, HOUR);
        p.sim.run();
        assertThat(p.scaling.lastInstancesNeeded()).isZero();
        assertThat(p.group.desired()).isEqualTo(1);
        assertThat(p.runtime.pendingCount()).isEqualTo(1);
    }

    @Test
    void scaleIn_onlyAfter15DatapointsBelow_emptyInstancesOnly_halfAtATime_rule7() {
        // Three warm instances; a service of 4 tasks fills host 0 (first fit). Every minute M = 1, N = 3: CPR 33.
        // Datapoints at 60, 120, ..., 900 s: the 15th (900 s) scales in to ceil(1 x 100 / 100) = 1, at most
        // max(1, 3 / 2) = 1 per action -> desired 2, the newest empty instance (all joined together: the highest
        // index, host 2) goes. The count restarts: datapoints 960 .. 1800 s, the 15th (1800 s) removes host 1 ->
        // desired 1. Host 0 runs its 4 tasks throughout.
        Provider p = new Provider(HOUR, 0, 100, 3, 0, ManagedScaling.Config.DEFAULT);
        Workload web = p.runtime.addService("web", new TaskTarget.OnHosts(p.tasks("web", 1024, 1024)), 4);
        p.sampleDesired(899 * S, 900 * S, 1799 * S, 1800 * S, HOUR);
        p.sim.run();
        assertThat(p.desiredAt).containsExactly(java.util.Map.entry(899 * S, 3), java.util.Map.entry(900 * S, 2),
                java.util.Map.entry(1799 * S, 2), java.util.Map.entry(1800 * S, 1), java.util.Map.entry(HOUR, 1));
        assertThat(p.group.events).containsExactly(900 * S, 1800 * S);
        assertThat(p.hosts.isActive(0)).isTrue();
        assertThat(p.hosts.runningCount(0)).isEqualTo(4);
        assertThat(p.runtime.counters(web).interrupted()).isZero();
        assertThat(p.scaling.scaleIns()).isEqualTo(2);
        assertThat(p.scaling.instancesRemoved()).isEqualTo(2);
    }

    @Test
    void scaleIn_aDatapointAtTargetRestartsTheCount_rule7() {
        // Two warm instances, 4 tasks of 30 minutes on host 0, then none. Minutes 1..29: M = 1, N = 2 (CPR 50):
        // 29 datapoints below -> the 15th (900 s) removes the empty host 1 (max(1, 2 / 2) = 1): desired 1. From
        // then on M = 1, N = 1 (CPR 100 = target, not below) until the tasks end at 1800 s (completions come
        // before scaling in an instant); from 1800 s M = 0, N = 1 (CPR 0): the 15th datapoint (2640 s) would scale
        // in, but min 1 keeps the last instance.
        Provider p = new Provider(HOUR, 1, 100, 2, 0, ManagedScaling.Config.DEFAULT);
        p.batch("etl", 4, 1024, 30 * MIN);
        p.sampleDesired(899 * S, 900 * S, HOUR);
        p.sim.run();
        assertThat(p.desiredAt).containsExactly(java.util.Map.entry(899 * S, 2), java.util.Map.entry(900 * S, 1),
                java.util.Map.entry(HOUR, 1));
        assertThat(p.group.events).containsExactly(900 * S);
    }

    @Test
    void config_outOfRange_rejected() {
        assertThatThrownBy(() -> new ManagedScaling.Config(0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagedScaling.Config(101, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ManagedScaling.Config(100, 5, 4, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
