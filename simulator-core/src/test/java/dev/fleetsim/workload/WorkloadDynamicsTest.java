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
import dev.fleetsim.placement.EcsTaskGroup;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.workload.ClusterRuntimeTest.RecordingListener;
import dev.fleetsim.workload.ClusterRuntimeTest.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Rolling deployments and Fargate Spot interruptions on the runtime; every timeline derived by hand. */
final class WorkloadDynamicsTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long HOUR = 3_600_000L;
    private static final FargateUsage SPOT_TASK = new FargateUsage(false, OperatingSystem.LINUX, 512, 1024, 20, true);

    /** One m5.large per name: 2,048 CPU units, so two 1,024-unit tasks each. */
    private static ContainerHosts hosts(int count) {
        ContainerHosts hosts = ContainerHosts.ecs();
        for (int i = 0; i < count; i++) {
            hosts.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "i-" + i);
        }
        return hosts;
    }

    private static EcsTaskGroup group(ContainerHosts hosts) {
        return new EcsPlacer(hosts, new SplittableRandom(1)).group("service:web",
                new EcsTaskDefinition(1024, 1024, Architecture.X86_64), List.of(PlacementStrategy.spread("instanceId")),
                List.of());
    }

    /** Records the lowest running count seen after the deployment started. */
    private static final class MinRunning implements RunningListener {
        int running;
        int lowest = Integer.MAX_VALUE;
        long fromMs;

        @Override
        public void runningChanged(long nowMs, int delta, int host) {
            running += delta;
            if (nowMs >= fromMs) {
                lowest = Math.min(lowest, running);
            }
        }
    }

    /**
     * aws-rules.md item 7 (deployment-type-ecs.md), 100/200 on a full cluster: one m5.large holds the 2 tasks of
     * desired 2. At 1 h a deployment starts: minimum healthy ceil(2 x 100%) = 2, maximum floor(2 x 200%) = 4. No old
     * task may stop (2 - 1 < 2); 2 new tasks start and wait PENDING: the deployment stalls. At 2 h a second m5.large
     * joins: new #1 runs (3 running), one old stops (3 - 1 >= 2), its slot lets new #2 run, the last old stops.
     * Done at 2 h: took 1 h. The new tasks waited 1 h each: pending time 2 h, max 1 h. Running never fell below 2.
     */
    @Test
    void deployment_aws_rules_item7_min100Max200_onAFullCluster_stallsUntilCapacityArrives() {
        Simulation sim = new Simulation(3 * HOUR);
        ContainerHosts hosts = hosts(1);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        Workload web = rt.addService("web", new TaskTarget.OnHosts(group(hosts)), 2);
        MinRunning min = new MinRunning();
        min.fromMs = HOUR;
        rt.setRunningListener(web, min);
        rt.scheduleDeployment(web, HOUR, new RollingDeployment(100, 200));
        List<WorkloadCounters> at90 = new ArrayList<>();
        sim.schedule(90 * 60_000L, Phase.OBSERVATION, (s, p) -> at90.add(rt.counters(web)), 0);
        sim.schedule(2 * HOUR, Phase.LIFECYCLE, (s, p) -> hosts.addHost(HostSpec.of(CATALOG.require("m5.large"),
                "us-east-1a"), "i-1"), 0);
        sim.run();

        assertThat(at90.get(0).running()).isEqualTo(2);
        assertThat(at90.get(0).pending()).isEqualTo(2);
        assertThat(web.deploying()).isFalse();
        assertThat(rt.deployments(web)).containsExactly(new DeploymentRecord(HOUR, HOUR));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(4);
        assertThat(c.completed()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(2);
        assertThat(c.pending()).isZero();
        assertThat(c.pendingTimeMs()).isEqualTo(2 * HOUR);
        assertThat(c.maxWaitMs()).isEqualTo(HOUR);
        assertThat(min.lowest).isEqualTo(2);
    }

    /**
     * 50/200 on the same full cluster, desired 2: minimum healthy ceil(2 x 50%) = 1, maximum 4. At 1 h one old task
     * stops at once (2 - 1 >= 1), two new start: one fits in the freed slot and runs (running 2), which lets the
     * other old task stop (2 - 1 >= 1), and the second new one takes its slot. All within the instant 1 h: took 0 ms,
     * running never below 1.
     */
    @Test
    void deployment_aws_rules_item7_min50Max200_onAFullCluster_replacesOneTaskAtATime() {
        Simulation sim = new Simulation(2 * HOUR);
        ContainerHosts hosts = hosts(1);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        Workload web = rt.addService("web", new TaskTarget.OnHosts(group(hosts)), 2);
        MinRunning min = new MinRunning();
        min.fromMs = HOUR;
        rt.setRunningListener(web, min);
        rt.scheduleDeployment(web, HOUR, new RollingDeployment(50, 200));
        sim.run();

        assertThat(rt.deployments(web)).containsExactly(new DeploymentRecord(HOUR, 0));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(4);
        assertThat(c.completed()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(2);
        assertThat(min.lowest).isEqualTo(1);
    }

    /**
     * 100/200 with room, desired 4 on 4 m5.large (8 slots): maximum floor(4 x 2) = 8, so all 4 new start beside the
     * 4 old; as each runs one old stops (running stays >= 4). Eight tasks launched, four completed, done at once.
     * A second deployment at 2 h does it again: two records.
     */
    @Test
    void deployment_aws_rules_item7_min100Max200_withRoom_startsAllNewThenStopsTheOld() {
        Simulation sim = new Simulation(3 * HOUR);
        ContainerHosts hosts = hosts(4);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
        Workload web = rt.addService("web", new TaskTarget.OnHosts(group(hosts)), 4);
        MinRunning min = new MinRunning();
        min.fromMs = HOUR;
        rt.setRunningListener(web, min);
        rt.scheduleDeployment(web, HOUR, RollingDeployment.DEFAULT);
        rt.scheduleDeployment(web, 2 * HOUR, RollingDeployment.DEFAULT);
        sim.run();

        assertThat(rt.deployments(web)).containsExactly(new DeploymentRecord(HOUR, 0),
                new DeploymentRecord(2 * HOUR, 0));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(12);
        assertThat(c.completed()).isEqualTo(8);
        assertThat(c.running()).isEqualTo(4);
        assertThat(min.lowest).isEqualTo(4);
    }

    /**
     * aws-rules.md item 4: a Fargate Spot service of 2 tasks, stopTimeout 30 s, forced interruption at 1 h: both
     * get the warning at 1 h and their runs end at 1 h + 30 s (INTERRUPTED_BY_AWS); the service starts 2 replacements
     * at 1 h, which run to the 2 h horizon.
     */
    @Test
    void fargateSpot_aws_rules_item4_forcedInterruption_runEndsAfterStopTimeout_replacementAtTheWarning() {
        Simulation sim = new Simulation(2 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 100, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(SPOT_TASK), 2);
        rt.setFargateSpot(web, 30_000, 0);
        int[] warned = new int[1];
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> warned[0] = rt.interruptFargateSpot(web), 0);
        sim.run();

        assertThat(warned[0]).isEqualTo(2);
        assertThat(usage.ended).containsExactlyInAnyOrder(
                new Run(100, SPOT_TASK, 0, HOUR + 30_000, EndCause.INTERRUPTED_BY_AWS),
                new Run(101, SPOT_TASK, 0, HOUR + 30_000, EndCause.INTERRUPTED_BY_AWS),
                new Run(102, SPOT_TASK, HOUR, 2 * HOUR, EndCause.HORIZON),
                new Run(103, SPOT_TASK, HOUR, 2 * HOUR, EndCause.HORIZON));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(4);
        assertThat(c.interrupted()).isEqualTo(2);
        assertThat(c.notices()).isEqualTo(2);
        assertThat(c.replacements()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(2);
    }

    /** A warning 10 s before the horizon with stopTimeout 30 s: the run ends at the horizon, cause HORIZON. */
    @Test
    void fargateSpot_warningNearTheHorizon_runEndsAtTheHorizon() {
        Simulation sim = new Simulation(HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        Workload job = rt.addJob("batch", new TaskTarget.OnFargate(SPOT_TASK), new ArrivalProcess.At(List.of(0L), 1),
                new DurationDistribution.Fixed(2 * HOUR));
        rt.setFargateSpot(job, 30_000, 0);
        sim.schedule(HOUR - 10_000, Phase.LIFECYCLE, (s, p) -> rt.interruptFargateSpot(job), 0);
        sim.run();
        assertThat(usage.ended).containsExactly(new Run(0, SPOT_TASK, 0, HOUR, EndCause.HORIZON));
        assertThat(rt.counters(job).interrupted()).isEqualTo(1);
        assertThat(rt.counters(job).replacements()).isZero();
    }

    /**
     * The random hazard: deterministic for a seed, and at a high rate (1 per hour) a 10-task service over 24 h sees
     * many warnings (expected about 10 x 24 = 240 counting replacements' own draws); each warning is a replacement.
     */
    @Test
    void fargateSpot_hazard_sameSeedSameTimeline_andEveryWarningReplaced() {
        long[] first = hazardRun(7);
        long[] again = hazardRun(7);
        assertThat(again).containsExactly(first);
        assertThat(first[0]).isBetween(150L, 330L);
        assertThat(first[1]).isEqualTo(first[0]);
    }

    private static long[] hazardRun(long seed) {
        Simulation sim = new Simulation(24 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(seed), usage, 0, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(SPOT_TASK), 10);
        rt.setFargateSpot(web, 30_000, 1.0);
        sim.run();
        WorkloadCounters c = rt.counters(web);
        long endSum = 0;
        for (Run r : usage.ended) {
            endSum = endSum * 31 + r.endMs();
        }
        return new long[] {c.notices(), c.replacements(), c.running(), endSum};
    }

    @Test
    void setFargateSpot_rejectsAWorkloadNotOnFargateSpot() {
        Simulation sim = new Simulation(HOUR);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), new RecordingListener(), 0, null);
        FargateUsage onDemand = new FargateUsage(false, OperatingSystem.LINUX, 512, 1024, 20, false);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(onDemand), 1);
        assertThatThrownBy(() -> rt.setFargateSpot(web, 30_000, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
