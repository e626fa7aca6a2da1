package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.Meterable;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.EcsTaskGroup;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.processor.Architecture;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Task lifecycles on the engine; every timeline derived by hand in the test's comment. */
final class ClusterRuntimeTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    /** A finished run as the listener saw it. */
    record Run(long id, Meterable what, long startMs, long endMs, EndCause cause) {
    }

    static final class RecordingListener implements UsageListener {
        final Map<Long, long[]> open = new HashMap<>();
        final Map<Long, Meterable> openWhat = new HashMap<>();
        final List<Run> ended = new ArrayList<>();

        @Override
        public void runStarted(long runId, Meterable what, long timeMs) {
            assertThat(open).doesNotContainKey(runId);
            open.put(runId, new long[] {timeMs});
            openWhat.put(runId, what);
        }

        @Override
        public void runEnded(long runId, long timeMs, EndCause cause) {
            assertThat(open).containsKey(runId);
            ended.add(new Run(runId, openWhat.remove(runId), open.remove(runId)[0], timeMs, cause));
        }
    }

    private static final FargateUsage ONE_VCPU_2GB = new FargateUsage(false, OperatingSystem.LINUX, 1024, 2048, 20, false);

    @Test
    void fargateJob_tenTasksEveryHourTwoAtATime_tenRunsOf600000ms_spec5() {
        // {every: PT1H, count: 2} over PT5H: arrivals at 0, 1h, 2h, 3h, 4h, two each = 10 tasks; fixed PT10M:
        // each a run of 600,000 ms, from the arrival to 10 minutes later, ended STOPPED.
        Simulation sim = new Simulation(5 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 1_000, null);
        Workload etl = rt.addJob("etl", new TaskTarget.OnFargate(ONE_VCPU_2GB), new ArrivalProcess.Every(HOUR, 2),
                new DurationDistribution.Fixed(10 * MINUTE));
        sim.run();
        assertThat(usage.ended).hasSize(10);
        assertThat(usage.open).isEmpty();
        for (Run r : usage.ended) {
            assertThat(r.endMs() - r.startMs()).isEqualTo(600_000);
            assertThat(r.what()).isEqualTo(ONE_VCPU_2GB);
            assertThat(r.cause()).isEqualTo(EndCause.STOPPED);
            assertThat(r.startMs() % HOUR).isZero();
        }
        assertThat(usage.ended).extracting(Run::startMs)
                .containsExactly(0L, 0L, HOUR, HOUR, 2 * HOUR, 2 * HOUR, 3 * HOUR, 3 * HOUR, 4 * HOUR, 4 * HOUR);
        assertThat(usage.ended).extracting(Run::id).containsExactlyInAnyOrder(
                1000L, 1001L, 1002L, 1003L, 1004L, 1005L, 1006L, 1007L, 1008L, 1009L);
        WorkloadCounters c = rt.counters(etl);
        assertThat(c.launched()).isEqualTo(10);
        assertThat(c.started()).isEqualTo(10);
        assertThat(c.completed()).isEqualTo(10);
        assertThat(c.pending()).isZero();
        assertThat(c.running()).isZero();
        assertThat(c.pendingTimeMs()).isZero();
    }

    @Test
    void fargateRun_spec5_stillOpenAtHorizon_endsThereWithCauseHorizon() {
        // One task at 0 for 2 h with a 1 h horizon: one run [0, 1h], cause HORIZON.
        Simulation sim = new Simulation(HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        rt.addJob("long", new TaskTarget.OnFargate(ONE_VCPU_2GB), new ArrivalProcess.At(List.of(0L), 1),
                new DurationDistribution.Fixed(2 * HOUR));
        sim.run();
        assertThat(usage.ended).containsExactly(new Run(0, ONE_VCPU_2GB, 0, HOUR, EndCause.HORIZON));
    }

    /**
     * An EKS Job on a Fargate profile: pods of 250m / 768Mi run as 0.25 vCPU / 1 GB micro-VMs (768 + 256 =
     * 1024 MiB, aws-rules.md item 6); 3 pods at 0 for PT1H: three runs of that size, 3,600,000 ms each.
     */
    @Test
    void eksFargateProfileJob_podsRunAsRoundedFargateSizes_aws_rules_item6() {
        Simulation sim = new Simulation(2 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        FargateSize size = FargateSize.forEksPod(250, 768);
        FargateUsage pod = new FargateUsage(false, OperatingSystem.LINUX, size.cpuUnits(), size.memoryMiB(), 20, false);
        rt.addJob("report", new TaskTarget.OnFargate(pod), new ArrivalProcess.At(List.of(0L), 3),
                new DurationDistribution.Fixed(HOUR));
        sim.run();
        FargateUsage expected = new FargateUsage(false, OperatingSystem.LINUX, 256, 1024, 20, false);
        assertThat(usage.ended).hasSize(3).allSatisfy(r -> {
            assertThat(r.what()).isEqualTo(expected);
            assertThat(r.endMs() - r.startMs()).isEqualTo(HOUR);
        });
    }

    /**
     * One m5.large (2048 CPU units); tasks of 1024 units / 1024 MiB run 10 min, so two fit at once.
     * Job 1: A, B, C at 0. Job 2: D at 5 min. Job 3: E at 7 min.
     * 0: A, B start; C waits. 5: D waits. 7: E waits. 10: A, B complete; the pass places the oldest first:
     * C (waited 10 min), D (5 min); E still waits. 20: C, D complete; E starts (waited 13 min); 30: E completes.
     * At 8 min: job 1 has 1 waiting (8 min so far), job 3 has 1 waiting (1 min so far).
     */
    @Test
    void pendingTasks_spec3_waitAndArePlacedOldestFirstWhenCapacityFrees() {
        Simulation sim = new Simulation(HOUR);
        ContainerHosts hosts = ContainerHosts.ecs();
        hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-0");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskDefinition def = new EcsTaskDefinition(1024, 1024, Architecture.X86_64);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        DurationDistribution tenMinutes = new DurationDistribution.Fixed(10 * MINUTE);
        Workload job1 = rt.addJob("job1", onHosts(placer, "family:job1", def), new ArrivalProcess.At(List.of(0L), 3),
                tenMinutes);
        Workload job2 = rt.addJob("job2", onHosts(placer, "family:job2", def),
                new ArrivalProcess.At(List.of(5 * MINUTE), 1), tenMinutes);
        Workload job3 = rt.addJob("job3", onHosts(placer, "family:job3", def),
                new ArrivalProcess.At(List.of(7 * MINUTE), 1), tenMinutes);
        List<WorkloadCounters> at8 = new ArrayList<>();
        List<Integer> runningAt15 = new ArrayList<>();
        sim.schedule(8 * MINUTE, Phase.OBSERVATION, (s, p) -> {
            at8.add(rt.counters(job1));
            at8.add(rt.counters(job3));
        }, 0);
        sim.schedule(15 * MINUTE, Phase.OBSERVATION, (s, p) -> {
            runningAt15.add(rt.counters(job1).running());
            runningAt15.add(rt.counters(job2).running());
            runningAt15.add(rt.counters(job3).running());
        }, 0);
        sim.run();

        assertThat(at8.get(0).pending()).isEqualTo(1);
        assertThat(at8.get(0).running()).isEqualTo(2);
        assertThat(at8.get(0).pendingTimeMs()).isEqualTo(8 * MINUTE);
        assertThat(at8.get(1).pending()).isEqualTo(1);
        assertThat(at8.get(1).pendingTimeMs()).isEqualTo(MINUTE);
        assertThat(runningAt15).containsExactly(1, 1, 0);

        WorkloadCounters c1 = rt.counters(job1);
        assertThat(c1.completed()).isEqualTo(3);
        assertThat(c1.pendingTimeMs()).isEqualTo(10 * MINUTE);
        assertThat(c1.maxWaitMs()).isEqualTo(10 * MINUTE);
        assertThat(rt.counters(job2).pendingTimeMs()).isEqualTo(5 * MINUTE);
        WorkloadCounters c3 = rt.counters(job3);
        assertThat(c3.pendingTimeMs()).isEqualTo(13 * MINUTE);
        assertThat(c3.completed()).isEqualTo(1);
        assertThat(rt.pendingCount()).isZero();
        assertThat(hosts.runningCount(0)).isZero();
        assertThat(hosts.cpuFree(0)).isEqualTo(2048);
    }

    /**
     * Service of 3 tasks (1024 units) with spread(instanceId) on two m5.large (2048 units each): 0 -> hosts
     * 0, 1, 0. At 1 h host 0 is lost: its 2 tasks are interrupted and replaced; host 1 has room for one, so one
     * replacement starts at 1 h and one waits. At 2 h a new host joins and the waiting one starts (waited 1 h).
     */
    @Test
    void service_spec3_replacesInterruptedTasks_waitsForANewHost() {
        Simulation sim = new Simulation(3 * HOUR);
        ContainerHosts hosts = ContainerHosts.ecs();
        HostSpec m5 = HostSpec.of(CATALOG.require("m5.large"), "us-east-1a");
        hosts.addHost(m5, "i-0");
        hosts.addHost(m5, "i-1");
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(1));
        EcsTaskGroup group = placer.group("service:web", new EcsTaskDefinition(1024, 1024, Architecture.X86_64),
                List.of(PlacementStrategy.spread("instanceId")), List.of());
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        Workload web = rt.addService("web", new TaskTarget.OnHosts(group), 3);
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> {
            assertThat(group.runningOn(0)).isEqualTo(2);
            assertThat(group.runningOn(1)).isEqualTo(1);
            rt.evictHost(0, EndCause.INTERRUPTED_BY_AWS);
            hosts.removeHost(0);
        }, 0);
        sim.schedule(2 * HOUR, Phase.LIFECYCLE, (s, p) -> hosts.addHost(m5, "i-2"), 0);
        List<WorkloadCounters> at90min = new ArrayList<>();
        sim.schedule(90 * MINUTE, Phase.OBSERVATION, (s, p) -> at90min.add(rt.counters(web)), 0);
        sim.run();

        assertThat(at90min.get(0).running()).isEqualTo(2);
        assertThat(at90min.get(0).pending()).isEqualTo(1);
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(5);
        assertThat(c.started()).isEqualTo(5);
        assertThat(c.interrupted()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(3);
        assertThat(c.pending()).isZero();
        assertThat(c.pendingTimeMs()).isEqualTo(HOUR);
        assertThat(group.runningOn(1)).isEqualTo(2);
        assertThat(group.runningOn(0)).isEqualTo(1);
    }

    /** A Fargate service of 4 scaled to 1 at 30 min: 3 runs [0, 30 min] STOPPED, one [0, 1 h] HORIZON. */
    @Test
    void fargateService_spec3_scaleIn_stopsNewestRuns() {
        Simulation sim = new Simulation(HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        Workload svc = rt.addService("api", new TaskTarget.OnFargate(ONE_VCPU_2GB), 4);
        sim.schedule(30 * MINUTE, Phase.AUTOSCALING, (s, p) -> rt.setDesiredCount(svc, 1), 0);
        sim.run();
        assertThat(usage.ended).containsExactlyInAnyOrder(
                new Run(3, ONE_VCPU_2GB, 0, 30 * MINUTE, EndCause.STOPPED),
                new Run(2, ONE_VCPU_2GB, 0, 30 * MINUTE, EndCause.STOPPED),
                new Run(1, ONE_VCPU_2GB, 0, 30 * MINUTE, EndCause.STOPPED),
                new Run(0, ONE_VCPU_2GB, 0, HOUR, EndCause.HORIZON));
        WorkloadCounters c = rt.counters(svc);
        assertThat(c.completed()).isEqualTo(3);
        assertThat(c.running()).isEqualTo(1);
    }

    /**
     * EKS: a Deployment-like service of 3 pods (1000m) on one m5.large node (1930m allocatable): one fits.
     * Scaling to 1 withdraws the 2 waiting pods (cancelled), the running one stays. Scaling to 2 at 20 min
     * queues one more; scheduled from the AUTOSCALING phase, its pass runs 1 ms later.
     */
    @Test
    void eksService_spec3_scaleInWithdrawsWaitingPodsFirst() {
        Simulation sim = new Simulation(HOUR);
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "n0");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, nodes);
        Workload api = rt.addService("api", new TaskTarget.OnHosts(scheduler.group(PodSpec.of("api", 1000, 512))), 3);
        sim.schedule(10 * MINUTE, Phase.AUTOSCALING, (s, p) -> rt.setDesiredCount(api, 1), 0);
        sim.schedule(20 * MINUTE, Phase.AUTOSCALING, (s, p) -> rt.setDesiredCount(api, 2), 0);
        sim.run();
        WorkloadCounters c = rt.counters(api);
        assertThat(c.launched()).isEqualTo(4);
        assertThat(c.cancelled()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(1);
        assertThat(c.pending()).isEqualTo(1);
        // Waiting: 2 pods 0 -> 10 min (withdrawn) are not counted as started; the 4th waits from 20 min to 60 min.
        assertThat(c.pendingTimeMs()).isEqualTo(40 * MINUTE);
    }

    @Test
    void jobOnHosts_drawsDurationsFromItsOwnStream_sameSeedSameResult() {
        long[] first = runPoissonJob(5);
        long[] second = runPoissonJob(5);
        assertThat(first).containsExactly(second);
        assertThat(first[0]).isPositive();
    }

    private static long[] runPoissonJob(long seed) {
        Simulation sim = new Simulation(24 * HOUR);
        ContainerHosts hosts = ContainerHosts.ecs();
        for (int i = 0; i < 4; i++) {
            hosts.addHost(HostSpec.of(CATALOG.require("m5.xlarge"), "us-east-1a"), "i-" + i);
        }
        EcsPlacer placer = new EcsPlacer(hosts, new SplittableRandom(seed));
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(seed), null, 0, hosts);
        Workload w = rt.addJob("batch", onHosts(placer, "family:batch", new EcsTaskDefinition(1024, 2048,
                Architecture.X86_64)), new ArrivalProcess.Poisson(30), new DurationDistribution.Exponential(HOUR));
        sim.run();
        WorkloadCounters c = rt.counters(w);
        return new long[] {c.launched(), c.completed(), c.pendingTimeMs(), c.maxWaitMs(), sim.eventsProcessed()};
    }

    @Test
    void targetOnOtherHosts_orFargateWithoutListener_rejected() {
        Simulation sim = new Simulation(HOUR);
        ContainerHosts mine = ContainerHosts.ecs();
        ContainerHosts other = ContainerHosts.ecs();
        EcsPlacer placer = new EcsPlacer(other, new SplittableRandom(1));
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, mine);
        assertThatThrownBy(() -> rt.addService("s", onHosts(placer, "x", new EcsTaskDefinition(1, 1,
                Architecture.X86_64)), 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> rt.addService("f", new TaskTarget.OnFargate(ONE_VCPU_2GB), 1))
                .hasMessageContaining("usage listener");
    }

    private static TaskTarget onHosts(EcsPlacer placer, String group, EcsTaskDefinition def) {
        return new TaskTarget.OnHosts(placer.group(group, def, List.of(), List.of()));
    }
}
