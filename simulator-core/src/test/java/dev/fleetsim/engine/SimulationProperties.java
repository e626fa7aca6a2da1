package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * Random interleavings of schedule, cancel, reschedule and step against a reference model: a plain list
 * of pending events, the next one found by a linear scan for the least (time, phase, sequence). With
 * {@code tightOrdinals} the queue's insertion ordinal has 3 bits, so it renumbers every few insertions
 * and refuses an insertion when 8 or more events would share one (time, phase); the model predicts both.
 */
final class SimulationProperties {

    sealed interface Op permits Schedule, Cancel, Reschedule, Step {
    }

    record Schedule(int delayMs, Phase phase) implements Op {
    }

    /** {@code pick} chooses among every id issued so far, fired and cancelled ones included. */
    record Cancel(int pick) implements Op {
    }

    record Reschedule(int pick, int delayMs) implements Op {
    }

    record Step() implements Op {
    }

    /** One pending event of the model. */
    private static final class Entry {
        long id;
        final long payload;
        final int phase;
        long timeMs;
        long sequence;

        Entry(long id, long payload, int phase, long timeMs, long sequence) {
            this.id = id;
            this.payload = payload;
            this.phase = phase;
            this.timeMs = timeMs;
            this.sequence = sequence;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingLong(e -> e.timeMs)
            .thenComparingInt(e -> e.phase).thenComparingLong(e -> e.sequence);

    @Property(tries = 300)
    void engine_matchesReferenceModel(@ForAll @Size(max = 400) List<@From("ops") Op> ops,
                                      @ForAll @IntRange(min = 0, max = 400) int horizonMs,
                                      @ForAll boolean tightOrdinals) {
        List<Long> fired = new ArrayList<>();
        Simulation sim = tightOrdinals ? new Simulation(horizonMs, null, 0, 3) : new Simulation(horizonMs);
        long ordinalMask = tightOrdinals ? 7 : Long.MAX_VALUE;
        long[] ordinalCounter = {0};
        EventHandler record = (s, payload) -> fired.add(payload);

        List<Entry> model = new ArrayList<>();
        List<Long> issued = new ArrayList<>();
        List<Long> expectedFired = new ArrayList<>();
        long sequence = 0;
        long modelNow = 0;
        int modelPhase = 0;
        long nextPayload = 0;

        for (Op op : ops) {
            if (op instanceof Schedule s) {
                long t = modelNow + s.delayMs();
                if (t == modelNow && s.phase().ordinal() < modelPhase) {
                    assertThatThrownBy(() -> sim.schedule(t, s.phase(), record, -1))
                            .isInstanceOf(IllegalArgumentException.class);
                    continue;
                }
                if (!ordinalAvailable(model, ordinalCounter, ordinalMask, horizonMs)) {
                    assertThatThrownBy(() -> sim.schedule(t, s.phase(), record, -1))
                            .isInstanceOf(IllegalStateException.class);
                    continue;
                }
                ordinalCounter[0]++;
                long payload = nextPayload++;
                long id = sim.schedule(t, s.phase(), record, payload);
                issued.add(id);
                model.add(new Entry(id, payload, s.phase().ordinal(), t, sequence++));
            } else if (op instanceof Cancel c) {
                if (issued.isEmpty()) {
                    continue;
                }
                long id = issued.get(c.pick() % issued.size());
                Entry e = find(model, id);
                assertThat(sim.cancel(id)).isEqualTo(e != null);
                model.remove(e);
            } else if (op instanceof Reschedule r) {
                if (issued.isEmpty()) {
                    continue;
                }
                long id = issued.get(r.pick() % issued.size());
                Entry e = find(model, id);
                long t = modelNow + r.delayMs();
                if (e == null) {
                    assertThat(sim.reschedule(id, t)).isEqualTo(-1);
                } else if (t == modelNow && e.phase < modelPhase) {
                    assertThatThrownBy(() -> sim.reschedule(id, t)).isInstanceOf(IllegalArgumentException.class);
                } else if (!ordinalAvailable(model, ordinalCounter, ordinalMask, horizonMs)) {
                    assertThatThrownBy(() -> sim.reschedule(id, t)).isInstanceOf(IllegalStateException.class);
                } else {
                    ordinalCounter[0]++;
                    long newId = sim.reschedule(id, t);
                    assertThat(newId).isNotNegative();
                    assertThat(issued).doesNotContain(newId);
                    issued.add(newId);
                    e.id = newId;
                    e.timeMs = t;
                    e.sequence = sequence++;
                }
            } else {
                Entry next = model.stream().min(ORDER).orElse(null);
                boolean due = next != null && next.timeMs <= horizonMs;
                assertThat(sim.step()).isEqualTo(due);
                if (due) {
                    model.remove(next);
                    expectedFired.add(next.payload);
                    modelNow = next.timeMs;
                    modelPhase = next.phase;
                }
            }
            assertThat(sim.pendingEvents()).isEqualTo(model.size());
            assertThat(sim.nowMs()).isEqualTo(modelNow);
        }
        sim.run();
        model.sort(ORDER);
        for (Entry e : model) {
            if (e.timeMs <= horizonMs) {
                expectedFired.add(e.payload);
            }
        }

        assertThat(fired).isEqualTo(expectedFired);
    }

    /**
     * Mirrors the queue's ordinal counter: when it has run out, the queue renumbers the pending events by
     * rank within their (time, phase) group, times after the horizon counting as horizon + 1, and the
     * counter restarts at the largest group's size; if that still does not fit, the insertion is refused.
     */
    private static boolean ordinalAvailable(List<Entry> model, long[] counter, long mask, long horizonMs) {
        if (counter[0] <= mask) {
            return true;
        }
        java.util.Map<List<Long>, Integer> groups = new java.util.HashMap<>();
        int largest = 0;
        for (Entry e : model) {
            List<Long> group = List.of(Math.min(e.timeMs, horizonMs + 1), (long) e.phase);
            largest = Math.max(largest, groups.merge(group, 1, Integer::sum));
        }
        counter[0] = largest;
        return largest <= mask;
    }

    private static Entry find(List<Entry> model, long id) {
        for (Entry e : model) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }

    @Provide
    Arbitrary<Op> ops() {
        // Small delays make ties in time (and phase) frequent, which is where ordering bugs hide.
        Arbitrary<Integer> delay = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 3)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0, 200)));
        Arbitrary<Phase> phase = Arbitraries.of(Phase.class);
        Arbitrary<Integer> pick = Arbitraries.integers().between(0, 10_000);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Combinators.combine(delay, phase).as(Schedule::new)),
                net.jqwik.api.Tuple.of(2, pick.map(Cancel::new)),
                net.jqwik.api.Tuple.of(2, Combinators.combine(pick, delay).as(Reschedule::new)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(new Step())));
    }
}
