package dev.fleetsim.host;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zone outages and finite capacity on fixed instances, hand-derived with LifecycleTimings.DEFAULT: launch 16,500 ms,
 * stop 30,000 ms, terminate 30,000 ms.
 */
final class FixedFleetFaultsTest {

    private static final long HOUR = 3_600_000;
    private static final long MINUTE = 60_000;

    private final UsageLog log = new UsageLog();

    private static FixedInstanceSpec spec(int count, RunWindow... runs) {
        return new FixedInstanceSpec("api", "m5.large", "us-east-1a", OperatingSystem.LINUX, Tenancy.SHARED,
                Market.ON_DEMAND, count, List.of(runs));
    }

    private FixedFleet fleet(Simulation sim, CapacityPools pools, FixedInstanceSpec... specs) {
        return new FixedFleet(sim, List.of(specs), LifecycleTimings.DEFAULT, log, log, 1, pools);
    }

    @Test
    void failUntil_runningInstance_stopsWithHostFailureAndRecoversWithItsIdWhenTheZoneReturns() {
        Simulation sim = new Simulation(6 * HOUR);
        FixedFleet fleet = fleet(sim, new CapacityPools(), spec(1));
        // Outage from 1 h to 4 h (3 h).
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> fleet.failUntil(1, 4 * HOUR), 0);

        sim.run();

        // Run 1: 0 to 3,600,000 (the failure). Recovery at 14,400,000: pending for 16,500 ms, running at
        // 14,416,500, then to the horizon 21,600,000. Same id 1 throughout.
        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @3600000 HOST_FAILURE",
                "start 1 m5.large @14416500", "end 1 @21600000 HORIZON");
        assertThat(log.states).containsExactly("1 ->running @0", "1 running>stopping @3600000",
                "1 stopping>stopped @3630000", "1 stopped>pending @14400000", "1 pending>running @14416500");
        assertThat(fleet.isDown(1)).isFalse();
    }

    @Test
    void failUntil_whenTheWindowEndsDuringTheOutage_waitsForTheNextWindow() {
        Simulation sim = new Simulation(10 * HOUR);
        FixedFleet fleet = fleet(sim, new CapacityPools(), spec(1, new RunWindow(0, 2 * HOUR),
                new RunWindow(3 * HOUR, 5 * HOUR), new RunWindow(8 * HOUR, 9 * HOUR)));
        // Down from 1 h to 6 h: window 1 (3 h-5 h) passes entirely while down.
        sim.schedule(HOUR, Phase.LIFECYCLE, (s, p) -> fleet.failUntil(1, 6 * HOUR), 0);

        sim.run();

        // Window 0 ends early at 1 h (failure); window 1 is lost; window 2 as planned: pending at 8 h - 16.5 s.
        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @3600000 HOST_FAILURE",
                "start 1 m5.large @28800000", "end 1 @32400000 STOPPED");
        assertThat(log.states).contains("1 stopped>pending @28783500");
    }

    @Test
    void failUntil_pendingInstance_holdsItsLaunchUntilTheZoneReturns() {
        Simulation sim = new Simulation(2 * HOUR);
        FixedFleet fleet = fleet(sim, new CapacityPools(), spec(1, new RunWindow(10 * MINUTE, 2 * HOUR)));
        // Pending from 600,000 - 16,500 = 583,500; the outage at 590,000 holds it until 30 minutes.
        sim.schedule(590_000, Phase.LIFECYCLE, (s, p) -> fleet.failUntil(1, 30 * MINUTE), 0);

        sim.run();

        // At 1,800,000 the window is still open: running at 1,800,000 + 16,500 = 1,816,500.
        assertThat(log.usage).containsExactly("start 1 m5.large @1816500", "end 1 @7200000 HORIZON");
        assertThat(log.states).containsExactly("1 ->pending @583500", "1 pending>running @1816500");
    }

    @Test
    void beginWindow_whenThePoolIsFull_skipsTheWindowAndTriesTheNext() {
        Simulation sim = new Simulation(3 * HOUR);
        CapacityPools pools = CapacityPools.of(List.of(
                new CapacityPools.Limit("m5.large", "us-east-1a", Market.ON_DEMAND, 1)));
        // Instance 1 holds the only slot 0-1 h (stopped, so released, at 1 h + 30 s); instance 2 wants 30-90 min
        // (refused at its pending time 30 min - 16.5 s) and then 2 h-3 h (free again: launched).
        FixedFleet fleet = fleet(sim, pools, spec(1, new RunWindow(0, HOUR)),
                spec(1, new RunWindow(30 * MINUTE, 90 * MINUTE), new RunWindow(2 * HOUR, 3 * HOUR)));

        sim.run();

        assertThat(log.usage).containsExactly("start 1 m5.large @0", "end 1 @3600000 STOPPED",
                "start 2 m5.large @7200000", "end 2 @10800000 HORIZON");
        assertThat(fleet.failedLaunches(0)).isZero();
        assertThat(fleet.failedLaunches(1)).isEqualTo(1);
        assertThat(pools.refused(0)).isEqualTo(1);
        assertThat(pools.held(0)).isEqualTo(1);
    }
}
