package dev.fleetsim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Default timings: launch 16,500 ms, stop 30,000 ms, terminate 30,000 ms, hibernate 180,000 ms. */
final class Ec2InstanceTest {

    private static final long HOUR = 3_600_000;
    private static final InstanceUsage USAGE =
            new InstanceUsage("r5.large", "us-east-1b", OperatingSystem.LINUX, Tenancy.SHARED, Market.ON_DEMAND);

    private final UsageLog log = new UsageLog();
    private final Simulation sim = new Simulation(HOUR);
    private final InstanceEnvironment env = new InstanceEnvironment(sim, LifecycleTimings.DEFAULT, log, log);
    private final List<Throwable> errors = new ArrayList<>();

    private void at(long timeMs, EventHandler action) {
        sim.schedule(timeMs, Phase.LIFECYCLE, (s, p) -> {
            try {
                action.onEvent(s, p);
            } catch (RuntimeException e) {
                errors.add(e);
            }
        }, 0);
    }

    private Ec2Instance runningFromZeroClosedAtHorizon() {
        Ec2Instance instance = Ec2Instance.alreadyRunning(env, 7, USAGE);
        sim.schedule(HOUR, Phase.OBSERVATION, (s, p) -> instance.closeRunAtHorizon(), 0);
        return instance;
    }

    @Test
    void hibernate_billsTheStoppingTime() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(600_000, (s, p) -> instance.hibernate());

        sim.run();

        // aws-rules.md item 1: hibernating is billed while stopping: 600,000 + 180,000 = 780,000.
        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @780000 STOPPED");
        assertThat(log.states).containsExactly("7 ->running @0", "7 running>stopping @600000",
                "7 stopping>stopped @780000");
        assertThat(instance.isBilling()).isFalse();
    }

    @Test
    void stop_endsTheRunWhenStoppingBegins() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(600_000, (s, p) -> instance.stop());

        sim.run();

        // aws-rules.md item 1: a plain stop is not billed while stopping.
        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @600000 STOPPED");
        assertThat(log.states).endsWith("7 stopping>stopped @630000");
    }

    @Test
    void hibernate_whenHorizonFallsWhileStopping_endsRunAtHorizon() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        // 3,500,000 + 180,000 = 3,680,000 is after the horizon.
        at(3_500_000, (s, p) -> instance.hibernate(EndCause.INTERRUPTED_BY_AWS));

        sim.run();

        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @3600000 HORIZON");
        assertThat(instance.state()).isEqualTo(InstanceState.STOPPING);
    }

    @Test
    void reboot_keepsTheSameRun() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(300_000, (s, p) -> instance.reboot());
        at(900_000, (s, p) -> instance.reboot());

        sim.run();

        // aws-rules.md item 1: a reboot keeps the billing period and adds no new minimum.
        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @3600000 HORIZON");
        assertThat(log.states).containsExactly("7 ->running @0");
        assertThat(instance.reboots()).isEqualTo(2);
        assertThat(instance.runsStarted()).isEqualTo(1);
    }

    @Test
    void start_afterStop_opensANewRun() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(600_000, (s, p) -> instance.stop());
        at(1_200_000, (s, p) -> instance.start());

        sim.run();

        // aws-rules.md item 1: every stopped -> running transition is a new run (and a new minimum).
        // Running again at 1,200,000 + 16,500 = 1,216,500.
        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @600000 STOPPED",
                "start 7 r5.large @1216500", "end 7 @3600000 HORIZON");
        assertThat(instance.runsStarted()).isEqualTo(2);
    }

    @Test
    void terminate_whenRunning_endsRunAndTerminatesAfterLatency() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(600_000, (s, p) -> instance.terminate());

        sim.run();

        // aws-rules.md item 1: shutting-down is not billed.
        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @600000 STOPPED");
        assertThat(log.states).containsExactly("7 ->running @0", "7 running>shutting-down @600000",
                "7 shutting-down>terminated @630000");
    }

    @Test
    void terminate_whenStopped_reportsNoUsage() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(600_000, (s, p) -> instance.stop());
        at(700_000, (s, p) -> instance.terminate());

        sim.run();

        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @600000 STOPPED");
        assertThat(log.states).endsWith("7 stopped>shutting-down @700000", "7 shutting-down>terminated @730000");
        assertThat(errors).isEmpty();
    }

    @Test
    void stop_whenInterruptedBySpot_passesTheCause() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(120_000, (s, p) -> instance.stop(EndCause.INTERRUPTED_BY_AWS));

        sim.run();

        assertThat(log.usage).containsExactly("start 7 r5.large @0", "end 7 @120000 INTERRUPTED_BY_AWS");
    }

    @Test
    void launch_isPendingForTheLaunchLatency() {
        at(1_000, (s, p) -> Ec2Instance.launch(env, 9, USAGE));

        sim.run();

        assertThat(log.states).containsExactly("9 ->pending @1000", "9 pending>running @17500");
        assertThat(log.usage).containsExactly("start 9 r5.large @17500");
    }

    @Test
    void actions_whenStateForbidsThem_throw() {
        Ec2Instance instance = runningFromZeroClosedAtHorizon();
        at(10, (s, p) -> instance.start());
        at(20, (s, p) -> instance.stop());
        at(30, (s, p) -> instance.stop());
        at(40, (s, p) -> instance.hibernate());
        at(50, (s, p) -> instance.reboot());
        at(100_000, (s, p) -> instance.terminate());
        at(200_000, (s, p) -> instance.terminate());
        at(300_000, (s, p) -> instance.start());

        sim.run();

        // Refused: start while running (10); stop, hibernate, reboot while stopping (30, 40, 50; stopped at
        // 20 + 30,000 = 30,020); terminate and start while terminated (200,000, 300,000; terminated at
        // 100,000 + 30,000). The stop at 20 and the terminate at 100,000 (from stopped) are legal.
        assertThat(errors).hasSize(6).allMatch(e -> e instanceof IllegalStateException);
        assertThat(errors.get(0)).hasMessageContaining("cannot start: it is running");
        assertThat(errors.get(1)).hasMessageContaining("cannot stop: it is stopping")
                .hasMessageContaining("stopping -> stopped");
        assertThat(instance.state()).isEqualTo(InstanceState.TERMINATED);
    }

    @Test
    void launch_whenRunningWouldBeginAtHorizon_opensNoRun() {
        at(HOUR - 16_500, (s, p) -> Ec2Instance.launch(env, 9, USAGE));

        sim.run();

        assertThat(log.states).containsExactly("9 ->pending @3583500", "9 pending>running @3600000");
        assertThat(log.usage).isEmpty();
    }

    @Test
    void launch_whenRunningTimeBeforeNow_throws() {
        at(1_000, (s, p) -> Ec2Instance.launch(env, 9, USAGE, 500));

        sim.run();

        assertThat(errors).singleElement().isInstanceOf(IllegalArgumentException.class);
    }
}
