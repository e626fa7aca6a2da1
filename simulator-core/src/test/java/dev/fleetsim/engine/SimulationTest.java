package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

final class SimulationTest {

    /** Records the payload of every event it handles, with the clock at that moment. */
    private static final class Recorder implements EventHandler {
        final List<Long> payloads = new ArrayList<>();
        final List<Long> times = new ArrayList<>();

        @Override
        public void onEvent(Simulation sim, long payload) {
            payloads.add(payload);
            times.add(sim.nowMs());
        }
    }

    @Test
    void run_whenTimesTie_ordersByPhaseThenInsertion() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        sim.schedule(100, Phase.OBSERVATION, r, 1);
        sim.schedule(100, Phase.LIFECYCLE, r, 2);
        sim.schedule(100, Phase.ARRIVAL, r, 3);
        sim.schedule(100, Phase.LIFECYCLE, r, 4);
        sim.schedule(100, Phase.COMPLETION, r, 5);
        sim.schedule(100, Phase.AUTOSCALING, r, 6);
        sim.schedule(100, Phase.SCHEDULING, r, 7);
        sim.schedule(100, Phase.ARRIVAL, r, 8);

        assertThat(sim.run()).isEqualTo(8);

        // LIFECYCLE (2, 4 in insertion order) < COMPLETION 5 < ARRIVAL (3, 8) < SCHEDULING 7 < AUTOSCALING 6 < OBSERVATION 1
        assertThat(r.payloads).containsExactly(2L, 4L, 5L, 3L, 8L, 7L, 6L, 1L);
    }

    @Test
    void run_whenTimesDiffer_ordersByTimeBeforePhase() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        sim.schedule(300, Phase.LIFECYCLE, r, 3);
        sim.schedule(100, Phase.OBSERVATION, r, 1);
        sim.schedule(200, Phase.LIFECYCLE, r, 2);

        sim.run();

        assertThat(r.payloads).containsExactly(1L, 2L, 3L);
        assertThat(r.times).containsExactly(100L, 200L, 300L);
        assertThat(sim.nowMs()).isEqualTo(300);
    }

    @Test
    void cancel_whenPending_removesEventAndReturnsTrueOnce() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        sim.schedule(10, Phase.ARRIVAL, r, 1);
        long id = sim.schedule(20, Phase.ARRIVAL, r, 2);
        sim.schedule(30, Phase.ARRIVAL, r, 3);

        assertThat(sim.cancel(id)).isTrue();
        assertThat(sim.cancel(id)).isFalse();
        assertThat(sim.isPending(id)).isFalse();
        assertThat(sim.pendingEvents()).isEqualTo(2);
        sim.run();

        assertThat(r.payloads).containsExactly(1L, 3L);
    }

    @Test
    void cancel_whenAlreadyProcessed_returnsFalse() {
        Simulation sim = new Simulation(1_000);
        long id = sim.schedule(10, Phase.ARRIVAL, (s, p) -> { }, 0);
        sim.run();

        assertThat(sim.cancel(id)).isFalse();
        assertThat(sim.reschedule(id, 500)).isEqualTo(-1);
    }

    @Test
    void cancel_whenIdIsStaleAndSlotReused_doesNotTouchTheNewEvent() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        long old = sim.schedule(10, Phase.ARRIVAL, r, 1);
        assertThat(sim.cancel(old)).isTrue();
        // The freed slot is recycled by the next event; the old id must not reach it.
        long fresh = sim.schedule(20, Phase.ARRIVAL, r, 2);

        assertThat(fresh).isNotEqualTo(old);
        assertThat(sim.cancel(old)).isFalse();
        assertThat(sim.reschedule(old, 5)).isEqualTo(-1);
        sim.run();

        assertThat(r.payloads).containsExactly(2L);
    }

    @Test
    void cancel_whenIdWasNeverIssued_returnsFalse() {
        Simulation sim = new Simulation(1_000);
        sim.schedule(10, Phase.ARRIVAL, (s, p) -> { }, 0);

        assertThat(sim.cancel(-1)).isFalse();
        assertThat(sim.cancel(12345)).isFalse();
        assertThat(sim.cancel(1L << 32)).isFalse();
    }

    @Test
    void reschedule_whenEarlier_firesAtNewTimeUnderNewId() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        sim.schedule(100, Phase.ARRIVAL, r, 1);
        long id = sim.schedule(300, Phase.ARRIVAL, r, 2);

        long moved = sim.reschedule(id, 50);
        assertThat(moved).isNotNegative().isNotEqualTo(id);
        assertThat(sim.isPending(moved)).isTrue();
        assertThat(sim.isPending(id)).isFalse();
        assertThat(sim.cancel(id)).isFalse();
        sim.run();

        assertThat(r.payloads).containsExactly(2L, 1L);
        assertThat(r.times).containsExactly(50L, 100L);
    }

    @Test
    void reschedule_whenLater_firesOnceAtNewTime() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        long id = sim.schedule(100, Phase.ARRIVAL, r, 1);
        sim.schedule(200, Phase.ARRIVAL, r, 2);

        long moved = sim.reschedule(id, 400);
        assertThat(sim.reschedule(moved, 300)).isNotNegative();
        assertThat(sim.reschedule(id, 300)).isEqualTo(-1);
        assertThat(sim.pendingEvents()).isEqualTo(2);
        assertThat(sim.run()).isEqualTo(2);

        assertThat(r.payloads).containsExactly(2L, 1L);
        assertThat(r.times).containsExactly(200L, 300L);
    }

    @Test
    void reschedule_whenToATakenInstant_sortsAfterEventsAlreadyThere() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        long id = sim.schedule(10, Phase.ARRIVAL, r, 1);
        sim.schedule(100, Phase.ARRIVAL, r, 2);

        sim.reschedule(id, 100);
        sim.run();

        assertThat(r.payloads).containsExactly(2L, 1L);
    }

    @Test
    void schedule_whenBeforeNow_throws() {
        Simulation sim = new Simulation(1_000);
        List<Throwable> thrown = new ArrayList<>();
        sim.schedule(50, Phase.ARRIVAL, (s, p) -> {
            try {
                s.schedule(49, Phase.ARRIVAL, (s2, p2) -> { }, 0);
            } catch (IllegalArgumentException e) {
                thrown.add(e);
            }
        }, 0);

        sim.run();

        assertThat(thrown).singleElement().extracting(Throwable::getMessage).asString()
                .contains("in the past").contains("49 ms").contains("50 ms");
    }

    @Test
    void schedule_whenNowButEarlierPhase_throws() {
        Simulation sim = new Simulation(1_000);
        List<Throwable> thrown = new ArrayList<>();
        Recorder r = new Recorder();
        sim.schedule(50, Phase.SCHEDULING, (s, p) -> {
            try {
                s.schedule(50, Phase.LIFECYCLE, r, 1);
            } catch (IllegalArgumentException e) {
                thrown.add(e);
            }
            s.schedule(50, Phase.SCHEDULING, r, 2);
            s.schedule(50, Phase.OBSERVATION, r, 3);
        }, 0);

        sim.run();

        assertThat(thrown).hasSize(1);
        // Same instant, same or later phase: processed at this instant.
        assertThat(r.payloads).containsExactly(2L, 3L);
        assertThat(r.times).containsExactly(50L, 50L);
    }

    @Test
    void reschedule_whenIntoThePast_throwsAndKeepsEvent() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        long id = sim.schedule(500, Phase.ARRIVAL, r, 1);
        sim.schedule(100, Phase.ARRIVAL, (s, p) -> { }, 0);
        sim.step();

        assertThatThrownBy(() -> sim.reschedule(id, 99)).isInstanceOf(IllegalArgumentException.class);
        assertThat(sim.isPending(id)).isTrue();
        sim.run();
        assertThat(r.times).containsExactly(500L);
    }

    @Test
    void scheduleAfter_whenNegativeDelay_throws() {
        Simulation sim = new Simulation(1_000);

        assertThatThrownBy(() -> sim.scheduleAfter(-1, Phase.ARRIVAL, (s, p) -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
        assertThatThrownBy(() -> sim.schedule(-5, Phase.ARRIVAL, (s, p) -> { }, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void run_whenHandlersScheduleAtRandom_observedClockNeverGoesBack() {
        List<long[]> observed = new ArrayList<>();
        Simulation sim = new Simulation(100_000, (t, ph) -> observed.add(new long[] {t, ph.ordinal()}));
        SplittableRandom random = new SplittableRandom(42);
        Phase[] phases = Phase.values();
        EventHandler spawner = new EventHandler() {
            @Override
            public void onEvent(Simulation s, long remaining) {
                if (remaining > 0) {
                    Phase p = phases[random.nextInt(phases.length)];
                    long delay = random.nextInt(3);
                    if (delay == 0 && p.ordinal() < s.phase().ordinal()) {
                        p = s.phase();
                    }
                    s.scheduleAfter(delay, p, this, remaining - 1);
                    s.scheduleAfter(random.nextInt(50), Phase.OBSERVATION, this, 0);
                }
            }
        };
        for (int i = 0; i < 20; i++) {
            sim.schedule(random.nextInt(100), phases[i % phases.length], spawner, 200);
        }

        long processed = sim.run();

        // Each seed event starts a chain of 201 events (remaining 200..0); the 200 with remaining > 0 each
        // also spawn one terminal OBSERVATION event: 401 per seed.
        assertThat(processed).isEqualTo(observed.size()).isEqualTo(20 * 401);
        for (int i = 1; i < observed.size(); i++) {
            long[] a = observed.get(i - 1);
            long[] b = observed.get(i);
            assertThat(b[0] > a[0] || (b[0] == a[0] && b[1] >= a[1]))
                    .as("event %d at (%d, %d) after (%d, %d)", i, b[0], b[1], a[0], a[1]).isTrue();
        }
    }

    @Test
    void run_whenEventsAfterHorizon_processesUpToAndIncludingHorizon() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        sim.schedule(999, Phase.ARRIVAL, r, 1);
        sim.schedule(1_000, Phase.OBSERVATION, r, 2);
        long late = sim.schedule(1_001, Phase.LIFECYCLE, r, 3);

        assertThat(sim.run()).isEqualTo(2);
        assertThat(r.payloads).containsExactly(1L, 2L);
        assertThat(sim.nowMs()).isEqualTo(1_000);
        assertThat(sim.isPending(late)).isTrue();
        assertThat(sim.run()).isZero();
        assertThat(sim.step()).isFalse();
    }

    @Test
    void run_whenQueueEmptiesBeforeHorizon_leavesClockAtLastEvent() {
        Simulation sim = new Simulation(1_000);
        sim.schedule(10, Phase.ARRIVAL, (s, p) -> { }, 0);

        assertThat(sim.run()).isEqualTo(1);
        assertThat(sim.nowMs()).isEqualTo(10);
        assertThat(sim.eventsProcessed()).isEqualTo(1);
    }

    @Test
    void stop_whenCalledByHandler_returnsAfterThatEventAndRunResumes() {
        Simulation sim = new Simulation(1_000);
        Recorder r = new Recorder();
        sim.schedule(10, Phase.ARRIVAL, r, 1);
        sim.schedule(20, Phase.ARRIVAL, (s, p) -> s.stop(), 2);
        sim.schedule(30, Phase.ARRIVAL, r, 3);

        assertThat(sim.run()).isEqualTo(2);
        assertThat(sim.nowMs()).isEqualTo(20);
        assertThat(sim.run()).isEqualTo(1);
        assertThat(r.payloads).containsExactly(1L, 3L);
        assertThat(sim.eventsProcessed()).isEqualTo(3);
    }

    @Test
    void run_whenCalledFromHandler_throws() {
        Simulation sim = new Simulation(1_000);
        sim.schedule(10, Phase.ARRIVAL, (s, p) -> s.run(), 0);

        assertThatThrownBy(sim::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listener_receivesTimeAndPhaseOfEachEvent() {
        List<String> seen = new ArrayList<>();
        Simulation sim = new Simulation(1_000, (t, ph) -> seen.add(t + ":" + ph));
        sim.schedule(7, Phase.COMPLETION, (s, p) -> { }, 0);
        sim.schedule(3, Phase.OBSERVATION, (s, p) -> { }, 0);

        sim.run();

        assertThat(seen).containsExactly("3:OBSERVATION", "7:COMPLETION");
    }

    @Test
    void schedule_whenManyEvents_growsAndKeepsOrder() {
        Simulation sim = new Simulation(1_000_000, null, 0);
        long[] last = {-1};
        long[] count = {0};
        EventHandler check = (s, payload) -> {
            assertThat(payload).isGreaterThan(last[0]);
            last[0] = payload;
            count[0]++;
        };
        // Insert times in a scrambled order: i * 7919 mod 10007 is a permutation of 0..10006.
        for (long i = 0; i < 10_007; i++) {
            long t = (i * 7_919) % 10_007;
            sim.schedule(t, Phase.ARRIVAL, check, t);
        }

        sim.run();

        assertThat(count[0]).isEqualTo(10_007);
    }
}
