package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.workload.ClusterRuntimeTest.RecordingListener;
import dev.fleetsim.workload.ClusterRuntimeTest.Run;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fargate tasks in zones and zone outages (aws-rules.md item 7: Fargate spreads a service's tasks across AZs);
 * every timeline derived by hand.
 */
final class FargateZonesTest {

    private static final long HOUR = 3_600_000L;
    private static final long MINUTE = 60_000L;
    private static final FargateUsage TASK = new FargateUsage(false, OperatingSystem.LINUX, 512, 1024, 20, false);
    private static final List<String> ABC = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    /**
     * 6 tasks round-robin over a, b, c: runs 0..5 in a, b, c, a, b, c. Outage of b at 1 h: runs 1 and 4 end at 1 h
     * (HOST_FAILURE); the service starts 2 replacements at 1 h: the cursor is back at a, so run 6 in a, then b is out,
     * run 7 in c. At the 2 h horizon runs 0, 2, 3, 5, 6, 7 end (HORIZON).
     */
    @Test
    void fail_service_stopsTheZonesTasksAndReplacesThemInTheOtherZones() {
        Simulation sim = new Simulation(2 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(TASK), 6);
        rt.fargateZones().assign(web, ABC);
        List<String> before = new ArrayList<>();
        int[] stopped = new int[1];
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> {
            before.addAll(rt.fargateZones().zonesOfRunningTasks(web));
            stopped[0] = rt.fargateZones().fail("us-east-1b", false);
        }, 0);
        List<String> after = new ArrayList<>();
        sim.schedule(HOUR + MINUTE, Phase.OBSERVATION, (s, p) -> after.addAll(rt.fargateZones().zonesOfRunningTasks(web)),
                0);
        sim.run();

        assertThat(before).containsExactly("us-east-1a", "us-east-1b", "us-east-1c", "us-east-1a", "us-east-1b",
                "us-east-1c");
        assertThat(stopped[0]).isEqualTo(2);
        assertThat(after).containsExactly("us-east-1a", "us-east-1c", "us-east-1a", "us-east-1c", "us-east-1a",
                "us-east-1c");
        assertThat(usage.ended).containsExactlyInAnyOrder(
                new Run(1, TASK, 0, HOUR, EndCause.HOST_FAILURE),
                new Run(4, TASK, 0, HOUR, EndCause.HOST_FAILURE),
                new Run(0, TASK, 0, 2 * HOUR, EndCause.HORIZON),
                new Run(2, TASK, 0, 2 * HOUR, EndCause.HORIZON),
                new Run(3, TASK, 0, 2 * HOUR, EndCause.HORIZON),
                new Run(5, TASK, 0, 2 * HOUR, EndCause.HORIZON),
                new Run(6, TASK, HOUR, 2 * HOUR, EndCause.HORIZON),
                new Run(7, TASK, HOUR, 2 * HOUR, EndCause.HORIZON));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.launched()).isEqualTo(8);
        assertThat(c.interrupted()).isEqualTo(2);
        assertThat(c.replacements()).isEqualTo(2);
        assertThat(c.running()).isEqualTo(6);
    }

    /**
     * One zone only, 2 tasks, outage from 1 h to 1.5 h: both stop at 1 h, their replacements wait (2 pending at
     * 1 h + 1 min) and start at 1.5 h when the zone is back: runs 2 and 3 from 1.5 h to the 2 h horizon, each having
     * waited 30 min (wait total 2 x 1,800,000 ms).
     */
    @Test
    void fail_everyZoneOut_replacementsWaitUntilTheZoneIsBack() {
        Simulation sim = new Simulation(2 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(TASK), 2);
        rt.fargateZones().assign(web, List.of("us-east-1a"));
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().fail("us-east-1a", false), 0);
        sim.schedule(HOUR + 30 * MINUTE, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().restore("us-east-1a"), 0);
        int[] pending = new int[1];
        sim.schedule(HOUR + MINUTE, Phase.OBSERVATION, (s, p) -> pending[0] = rt.pendingCount(web), 0);
        sim.run();

        assertThat(pending[0]).isEqualTo(2);
        assertThat(usage.ended).containsExactlyInAnyOrder(
                new Run(0, TASK, 0, HOUR, EndCause.HOST_FAILURE),
                new Run(1, TASK, 0, HOUR, EndCause.HOST_FAILURE),
                new Run(2, TASK, HOUR + 30 * MINUTE, 2 * HOUR, EndCause.HORIZON),
                new Run(3, TASK, HOUR + 30 * MINUTE, 2 * HOUR, EndCause.HORIZON));
        WorkloadCounters c = rt.counters(web);
        assertThat(c.running()).isEqualTo(2);
        assertThat(c.pending()).isZero();
        assertThat(c.pendingTimeMs()).isEqualTo(2 * 30 * MINUTE);
    }

    /**
     * Overlapping outages of the one zone, as CapacityPools counts them: [1 h, 2 h) and [1.5 h, 3 h). The task stops
     * at 1 h; the first outage's end at 2 h leaves the zone out (the second still runs), so the replacement waits
     * until 3 h: run 0 from 0 to 1 h (HOST_FAILURE), run 1 from 3 h to the 4 h horizon; it waited 2 h.
     */
    @Test
    void restore_whileAnOverlappingOutageStillRuns_keepsTheZoneOut() {
        Simulation sim = new Simulation(4 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(TASK), 1);
        rt.fargateZones().assign(web, List.of("us-east-1a"));
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().fail("us-east-1a", false), 0);
        sim.schedule(HOUR + 30 * MINUTE, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().fail("us-east-1a", false), 0);
        sim.schedule(2 * HOUR, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().restore("us-east-1a"), 0);
        sim.schedule(3 * HOUR, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().restore("us-east-1a"), 0);
        sim.run();

        assertThat(usage.ended).containsExactly(
                new Run(0, TASK, 0, HOUR, EndCause.HOST_FAILURE),
                new Run(1, TASK, 3 * HOUR, 4 * HOUR, EndCause.HORIZON));
        assertThat(rt.counters(web).pendingTimeMs()).isEqualTo(2 * HOUR);
    }

    /**
     * A job task of 2 h over a, b starts at 0 in a; outage of a at 1 h. As a Kubernetes Job pod it runs again from
     * the start in b: run 1 from 1 h to 3 h (STOPPED at completion). As an ECS standalone task it is only interrupted.
     */
    @Test
    void fail_jobPodRunsAgainElsewhere_ecsStandaloneTaskIsOnlyInterrupted() {
        for (boolean pods : new boolean[] {true, false}) {
            Simulation sim = new Simulation(4 * HOUR);
            RecordingListener usage = new RecordingListener();
            ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
            Workload job = rt.addJob("batch", new TaskTarget.OnFargate(TASK), new ArrivalProcess.At(List.of(0L), 1),
                    new DurationDistribution.Fixed(2 * HOUR));
            rt.fargateZones().assign(job, List.of("us-east-1a", "us-east-1b"));
            sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> rt.fargateZones().fail("us-east-1a", pods), 0);
            sim.run();

            WorkloadCounters c = rt.counters(job);
            assertThat(c.interrupted()).isEqualTo(1);
            if (pods) {
                assertThat(usage.ended).containsExactly(new Run(0, TASK, 0, HOUR, EndCause.HOST_FAILURE),
                        new Run(1, TASK, HOUR, 3 * HOUR, EndCause.STOPPED));
                assertThat(c.launched()).isEqualTo(2);
                assertThat(c.replacements()).isEqualTo(1);
                assertThat(c.completed()).isEqualTo(1);
            } else {
                assertThat(usage.ended).containsExactly(new Run(0, TASK, 0, HOUR, EndCause.HOST_FAILURE));
                assertThat(c.launched()).isEqualTo(1);
                assertThat(c.replacements()).isZero();
                assertThat(c.completed()).isZero();
            }
        }
    }

    /**
     * Two parts of one service (as an ECS service split over FARGATE and FARGATE_SPOT), 1 task and 2 tasks, spread
     * together over a, b: the parts start in order, the first part's task in a, the second's in b and a (one
     * round-robin for the service). Assigned separately, each part would start in a: a; a, b.
     */
    @Test
    void spreadTogether_partsOfOneService_shareOneRoundRobin() {
        Simulation sim = new Simulation(HOUR);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), new RecordingListener(), 0, null);
        Workload onDemand = rt.addService("web@FARGATE", new TaskTarget.OnFargate(TASK), 1);
        Workload spot = rt.addService("web@FARGATE_SPOT", new TaskTarget.OnFargate(TASK), 2);
        rt.fargateZones().spreadTogether(List.of(onDemand, spot), List.of("us-east-1a", "us-east-1b"));
        List<String> first = new ArrayList<>();
        List<String> second = new ArrayList<>();
        sim.schedule(MINUTE, Phase.OBSERVATION, (s, p) -> {
            first.addAll(rt.fargateZones().zonesOfRunningTasks(onDemand));
            second.addAll(rt.fargateZones().zonesOfRunningTasks(spot));
        }, 0);
        sim.run();
        assertThat(first).containsExactly("us-east-1a");
        assertThat(second).containsExactly("us-east-1b", "us-east-1a");
    }

    /** A task started without zones (none assigned) is never hit; an unknown zone's restore changes nothing. */
    @Test
    void fail_tasksWithoutZones_areNotHit() {
        Simulation sim = new Simulation(2 * HOUR);
        RecordingListener usage = new RecordingListener();
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), usage, 0, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(TASK), 2);
        int[] stopped = {-1};
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> {
            stopped[0] = rt.fargateZones().fail("us-east-1a", false);
            rt.fargateZones().restore("us-east-1z");
        }, 0);
        sim.run();
        assertThat(stopped[0]).isZero();
        assertThat(rt.counters(web).interrupted()).isZero();
        assertThat(usage.ended).extracting(Run::cause).containsOnly(EndCause.HORIZON);
    }

    @Test
    void assign_rejectsAWorkloadNotOnFargate_andNoZones() {
        Simulation sim = new Simulation(HOUR);
        ClusterRuntime rt = new ClusterRuntime(sim, new RandomStreams(1), new RecordingListener(), 0, null);
        Workload web = rt.addService("web", new TaskTarget.OnFargate(TASK), 1);
        assertThatThrownBy(() -> rt.fargateZones().assign(web, List.of())).isInstanceOf(IllegalArgumentException.class);
        ClusterRuntime other = new ClusterRuntime(sim, new RandomStreams(1), new RecordingListener(), 100, null);
        assertThatThrownBy(() -> other.fargateZones().assign(web, ABC)).isInstanceOf(IllegalArgumentException.class);
    }
}
