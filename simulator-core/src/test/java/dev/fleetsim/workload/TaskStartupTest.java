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
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.processor.Architecture;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@code lifecycle.taskStartup} (TaskStartup): a task holds its capacity, and a Fargate task bills, from placement
 * (aws-rules.md item 5: Fargate bills from the start of the image pull); it serves only after the startup; a duration
 * counts from the end of the startup. Every timeline derived by hand in the test's comment.
 */
final class TaskStartupTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long SECOND = 1_000L;
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;
    private static final FargateUsage TASK = new FargateUsage(false, OperatingSystem.LINUX, 1024, 2048, 20, false);
    private static final FargateUsage SPOT_TASK = new FargateUsage(false, OperatingSystem.LINUX, 512, 1024, 20, true);

    /** The running-listener's changes, as (time, delta) pairs, and the count it saw. */
    private static final class Serving implements RunningListener {
        final List<long[]> changes = new ArrayList<>();
        int count;
        int lowest = Integer.MAX_VALUE;
        long lowestFromMs;

        @Override
        public void runningChanged(long nowMs, int delta, int host) {
            changes.add(new long[] {nowMs, delta});
            count += delta;
            if (nowMs >= lowestFromMs) {
                lowest = Math.min(lowest, count);
            }
        }
    }

    /** One m5.large per name: 2,048 CPU units, so two 1,024-unit tasks each. */
    private static ContainerHosts hosts(int count) {
        ContainerHosts hosts = ContainerHosts.ecs();
        for (int i = 0; i < count; i++) {
            hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-" + i);
        }
        return hosts;
    }

    private static TaskTarget onHosts(ContainerHosts hosts, String group) {
        return new TaskTarget.OnHosts(new EcsPlacer(hosts, new SplittableRandom(1)).group(group,
                new EcsTaskDefinition(1024, 1024, Architecture.X86_64), List.of(PlacementStrategy.spread("instanceId")),
                List.of()));
    }

    /**
     * aws-rules.md item 5: a Fargate task bills from the start of the image pull to its stop. A task of 10 minutes
     * with a 30 s startup starts its run at its arrival (0), serves from 30 s and completes at 30 s + 600 s: billed
     * 630,000 ms.
     */
    @Test
    void fargateTask_tenMinutesWith30sStartup_bills630s_aws_rules_item5() {
        Simulation sim = new Simulation(HOUR);
        ClusterRuntimeTest.RecordingListener usage = new ClusterRuntimeTest.RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null, 30 * SECOND);
        Workload etl = rt.addJob("etl", new TaskTarget.OnFargate(TASK), new ArrivalProcess.At(List.of(0L), 1),
                new DurationDistribution.Fixed(10 * MINUTE));
        Serving serving = new Serving();
        rt.setRunningListener(etl, serving);
        List<WorkloadCounters> at5min = new ArrayList<>();
        sim.schedule(5 * MINUTE, Phase.OBSERVATION, (s, p) -> at5min.add(rt.counters(etl)), 0);
        sim.run();

        assertThat(usage.ended).singleElement().satisfies(r -> {
            assertThat(r.startMs()).isZero();
            assertThat(r.endMs()).isEqualTo(630_000L);
            assertThat(r.cause()).isEqualTo(EndCause.STOPPED);
        });
        assertThat(serving.changes).containsExactly(new long[] {30_000L, 1}, new long[] {630_000L, -1});
        assertThat(at5min.get(0).running()).isEqualTo(1);
        assertThat(rt.counters(etl).completed()).isEqualTo(1);
    }

    /**
     * A service of 2 on EC2 hosts, startup 30 s, stepped to 4 at 1 h: the two new tasks are placed at 1 h (they hold
     * their slots at once: running 4) but serve from 1 h + 30 s, so served demand lags the step by 30 s. The first two
     * serve from 30 s.
     */
    @Test
    void service_demandStep_servingLagsBy30s() {
        Simulation sim = new Simulation(2 * HOUR);
        ContainerHosts hosts = hosts(2);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts, 30 * SECOND);
        Workload web = rt.addService("web", onHosts(hosts, "service:web"), 2);
        Serving serving = new Serving();
        rt.setRunningListener(web, serving);
        List<Integer> runningAt1h10s = new ArrayList<>();
        sim.schedule(HOUR, Phase.AUTOSCALING, (s, p) -> rt.setDesiredCount(web, 4), 0);
        sim.schedule(HOUR + 10 * SECOND, Phase.OBSERVATION, (s, p) -> {
            runningAt1h10s.add(rt.counters(web).running());
            runningAt1h10s.add(serving.count);
        }, 0);
        sim.run();

        assertThat(serving.changes).containsExactly(new long[] {30_000L, 1}, new long[] {30_000L, 1},
                new long[] {HOUR + 1 + 30_000L, 1}, new long[] {HOUR + 1 + 30_000L, 1});
        assertThat(runningAt1h10s).containsExactly(4, 2);
    }

    /**
     * The slot is held through the startup: one m5.large (2 slots), a job of 3 tasks at 0 of 60 s each, startup 30 s.
     * Tasks 1 and 2 are placed at 0, serve from 30 s, complete at 90 s; task 3 waits until 90 s, completes at 90 + 30
     * + 60 = 180 s. Waiting: 90 s in all.
     */
    @Test
    void hostTask_holdsItsSlotDuringStartup_theNextWaitsForStartupPlusDuration() {
        Simulation sim = new Simulation(HOUR);
        ContainerHosts hosts = hosts(1);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts, 30 * SECOND);
        Workload job = rt.addJob("job", onHosts(hosts, "family:job"), new ArrivalProcess.At(List.of(0L), 3),
                new DurationDistribution.Fixed(MINUTE));
        Serving serving = new Serving();
        rt.setRunningListener(job, serving);
        sim.run();

        assertThat(serving.changes).containsExactly(new long[] {30_000L, 1}, new long[] {30_000L, 1},
                new long[] {90_000L, -1}, new long[] {90_000L, -1}, new long[] {120_000L, 1},
                new long[] {180_000L, -1});
        WorkloadCounters c = rt.counters(job);
        assertThat(c.completed()).isEqualTo(3);
        assertThat(c.pendingTimeMs()).isEqualTo(90_000L);
    }

    /**
     * A Fargate Spot service task warned at 10 s, during its 30 s startup, stops at 10 s + 30 s stopTimeout = 40 s
     * (billed 40 s, aws-rules.md items 4 and 5); it never served, so the listener hears nothing of it. Its replacement
     * starts at the warning (10 s) and serves from 40 s.
     */
    @Test
    void fargateSpotTask_interruptedDuringStartup_neverServed_isBilledUntilItsStop() {
        Simulation sim = new Simulation(HOUR);
        ClusterRuntimeTest.RecordingListener usage = new ClusterRuntimeTest.RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null, 30 * SECOND);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(SPOT_TASK), 1);
        rt.setFargateSpot(web, 30 * SECOND, 0);
        Serving serving = new Serving();
        rt.setRunningListener(web, serving);
        sim.schedule(10 * SECOND, Phase.LIFECYCLE, (s, p) -> rt.interruptFargateSpot(web), 0);
        sim.run();

        assertThat(serving.changes).containsExactly(new long[] {40_000L, 1});
        assertThat(usage.ended).hasSize(2);
        assertThat(usage.ended.get(0).startMs()).isZero();
        assertThat(usage.ended.get(0).endMs()).isEqualTo(40_000L);
        assertThat(usage.ended.get(0).cause()).isEqualTo(EndCause.INTERRUPTED_BY_AWS);
        assertThat(usage.ended.get(1).startMs()).isEqualTo(10_000L);
        assertThat(usage.ended.get(1).endMs()).isEqualTo(HOUR);
    }

    /**
     * aws-rules.md item 7, 100/200 with room (4 m5.large, desired 2), startup 30 s: at 1 h the 2 new tasks are placed
     * beside the 2 old ones; no old task may stop until a new one is healthy (serving - 1 >= 2 needs 3 serving), so
     * both old ones stop at 1 h + 30 s, when the new ones serve: serving never below 2, the deployment takes 30 s.
     */
    @Test
    void deployment_min100_oldTasksStopOnlyOnceNewOnesServe_aws_rules_item7() {
        Simulation sim = new Simulation(2 * HOUR);
        ContainerHosts hosts = hosts(4);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts, 30 * SECOND);
        Workload web = rt.addService("web", onHosts(hosts, "service:web"), 2);
        Serving serving = new Serving();
        serving.lowestFromMs = MINUTE;
        rt.setRunningListener(web, serving);
        rt.scheduleDeployment(web, HOUR, new RollingDeployment(100, 200));
        sim.run();

        assertThat(serving.lowest).isEqualTo(2);
        assertThat(rt.deployments(web)).containsExactly(new DeploymentRecord(HOUR, 30_000L));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(4);
        assertThat(c.completed()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(2);
    }

    @Test
    void construct_negativeStartup_isRefused() {
        Simulation sim = new Simulation(HOUR);
        assertThatThrownBy(() -> new ClusterRuntime(sim, new RandomStreams(1), null, 0, null, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
