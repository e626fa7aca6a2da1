package dev.fleetsim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Hand-derived timelines with the default timings (LifecycleTimings.DEFAULT): launch 16,500 ms,
 * stop 30,000 ms. Horizon one hour = 3,600,000 ms.
 */
final class FixedFleetTest {

    private static final long HOUR = 3_600_000;
    private static final long MINUTE = 60_000;

    private final UsageLog log = new UsageLog();

    private static FixedInstanceSpec spec(int count, RunWindow... runs) {
        return new FixedInstanceSpec("api", "m5.large", "us-east-1a", OperatingSystem.LINUX, Tenancy.SHARED,
                Market.ON_DEMAND, count, List.of(runs));
    }

    private FixedFleet fleet(Simulation sim, FixedInstanceSpec... specs) {
        return new FixedFleet(sim, List.of(specs), LifecycleTimings.DEFAULT, log, log, 1);
    }

    @Test
    void run_whenWindowTenToTwentyMinutes_billsExactlyTheWindow() {
        Simulation sim = new Simulation(HOUR);
        FixedFleet fleet = fleet(sim, spec(1, new RunWindow(10 * MINUTE, 20 * MINUTE)));

        sim.run();

        // PT10M = 600,000 ms, PT20M = 1,200,000 ms (SPEC section 5: the window is the running state).
        assertThat(log.usage).containsExactly("start 1 m5.large @600000", "end 1 @1200000 STOPPED");
        // pending 600,000 - 16,500 = 583,500; stopped 1,200,000 + 30,000 = 1,230,000.
        assertThat(log.states).containsExactly("1 ->pending @583500", "1 pending>running @600000",
                "1 running>stopping @1200000", "1 stopping>stopped @1230000");
        assertThat(fleet.count(InstanceState.STOPPED)).isEqualTo(1);
        assertThat(fleet.count(InstanceState.RUNNING)).isZero();
    }

    @Test
    void run_whenTwoWindows_reportsTwoRunsAndStartsTheStoppedInstanceAgain() {
        Simulation sim = new Simulation(HOUR);
        fleet(sim, spec(1, new RunWindow(0, 10 * MINUTE), new RunWindow(30 * MINUTE, 40 * MINUTE)));

        sim.run();

        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @600000 STOPPED",
                "start 1 m5.large @1800000", "end 1 @2400000 STOPPED");
        // Window 0 starts at 0: already running, no pending. Window 1: pending at 1,800,000 - 16,500.
        assertThat(log.states).containsExactly("1 ->running @0", "1 running>stopping @600000",
                "1 stopping>stopped @630000", "1 stopped>pending @1783500", "1 pending>running @1800000",
                "1 running>stopping @2400000", "1 stopping>stopped @2430000");
    }

    @Test
    void run_whenNoWindows_runsTheWholeHorizon() {
        Simulation sim = new Simulation(HOUR);
        FixedFleet fleet = fleet(sim, spec(1));

        sim.run();

        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @3600000 HORIZON");
        assertThat(fleet.count(InstanceState.RUNNING)).isEqualTo(1);
    }

    @Test
    void run_whenWindowOutlastsHorizon_endsRunAtHorizon() {
        Simulation sim = new Simulation(HOUR);
        fleet(sim, spec(1, new RunWindow(30 * MINUTE, 2 * HOUR)));

        sim.run();

        assertThat(log.usage).containsExactly("start 1 m5.large @1800000", "end 1 @3600000 HORIZON");
    }

    @Test
    void run_whenWindowEndsAtHorizon_endsLikeTheDefaultWindow() {
        Simulation sim = new Simulation(HOUR);
        fleet(sim, spec(1, new RunWindow(0, HOUR)));

        sim.run();

        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @3600000 HORIZON");
        assertThat(log.states).containsExactly("1 ->running @0");
    }

    @Test
    void run_whenLaunchLatencyWouldBeginBeforeZero_isPendingFromZero() {
        Simulation sim = new Simulation(HOUR);
        fleet(sim, spec(1, new RunWindow(5_000, MINUTE)));

        sim.run();

        // 5,000 - 16,500 < 0: clipped to 0; running still exactly at the window start.
        assertThat(log.states).startsWith("1 ->pending @0", "1 pending>running @5000");
        assertThat(log.usage).containsExactly("start 1 m5.large @5000", "end 1 @60000 STOPPED");
    }

    @Test
    void run_whenWindowStartsAfterHorizon_neverBills() {
        Simulation sim = new Simulation(HOUR);
        fleet(sim, spec(1, new RunWindow(HOUR, 2 * HOUR)));

        sim.run();

        // Pending from 3,583,500; running would begin at the horizon, where no run may open.
        assertThat(log.states).containsExactly("1 ->pending @3583500", "1 pending>running @3600000");
        assertThat(log.usage).isEmpty();
    }

    @Test
    void new_whenGapTooShortToStopAndStart_throws() {
        Simulation sim = new Simulation(HOUR);
        // Stopped at 60,000 + 30,000 = 90,000; pending needed from 100,000 - 16,500 = 83,500.
        FixedInstanceSpec tooClose = spec(1, new RunWindow(0, MINUTE), new RunWindow(100_000, 200_000));

        assertThatThrownBy(() -> fleet(sim, tooClose)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("api: run window 1").hasMessageContaining("stopped only at 90000 ms")
                .hasMessageContaining("at least 46500 ms");
    }

    @Test
    void run_whenGapExactlyStopPlusLaunch_startsAsSoonAsStopped() {
        Simulation sim = new Simulation(HOUR);
        // 60,000 + 30,000 + 16,500 = 106,500: pending begins the instant the instance is stopped.
        fleet(sim, spec(1, new RunWindow(0, MINUTE), new RunWindow(106_500, 200_000)));

        sim.run();

        assertThat(log.states).containsSubsequence("1 stopping>stopped @90000", "1 stopped>pending @90000",
                "1 pending>running @106500");
        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @60000 STOPPED",
                "start 1 m5.large @106500", "end 1 @200000 STOPPED");
    }

    @Test
    void run_whenCountThree_givesEachInstanceItsOwnRunId() {
        Simulation sim = new Simulation(HOUR);
        FixedFleet fleet = new FixedFleet(sim, List.of(spec(3, new RunWindow(10 * MINUTE, 20 * MINUTE))),
                LifecycleTimings.DEFAULT, log, null, 100);
        List<Map<InstanceState, Integer>> samples = new ArrayList<>();
        for (long t : new long[] {590_000, 900_000, 1_210_000, 1_240_000}) {
            sim.schedule(t, Phase.OBSERVATION, (s, p) -> samples.add(fleet.stateCounts()), 0);
        }

        sim.run();

        assertThat(log.usage).containsExactly("start 100 m5.large @600000", "start 101 m5.large @600000",
                "start 102 m5.large @600000", "end 100 @1200000 STOPPED", "end 101 @1200000 STOPPED",
                "end 102 @1200000 STOPPED");
        // 590,000 is after pending (583,500) and before running; 1,210,000 is inside stopping (until 1,230,000).
        assertThat(samples.get(0)).containsEntry(InstanceState.PENDING, 3).containsEntry(InstanceState.RUNNING, 0);
        assertThat(samples.get(1)).containsEntry(InstanceState.RUNNING, 3);
        assertThat(samples.get(2)).containsEntry(InstanceState.STOPPING, 3);
        assertThat(samples.get(3)).containsEntry(InstanceState.STOPPED, 3).containsEntry(InstanceState.STOPPING, 0);
        assertThat(fleet.launchedInstances()).extracting(Ec2Instance::instanceId).containsExactly(100L, 101L, 102L);
        assertThat(fleet.instance(101)).get().extracting(Ec2Instance::runsStarted).isEqualTo(1);
    }

    @Test
    void new_whenWindowsOverlap_throws() {
        assertThatThrownBy(() -> spec(1, new RunWindow(0, 2 * MINUTE), new RunWindow(MINUTE, 3 * MINUTE)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("starts before window 0");
        assertThatThrownBy(() -> new RunWindow(MINUTE, MINUTE)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> spec(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void new_whenSimulationAlreadyRan_throws() {
        Simulation sim = new Simulation(HOUR);
        sim.schedule(5, Phase.ARRIVAL, (s, p) -> { }, 0);
        sim.run();

        assertThatThrownBy(() -> fleet(sim, spec(1))).isInstanceOf(IllegalStateException.class);
    }
}
