package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The queue at scale against a list of pending events, the next found by a linear scan for the least
 * (time, phase, sequence): thousands of seeded operations per try, so that the radix heap splits
 * buckets, polls are refused with the next event left in the front and earlier events then added,
 * cancellations trigger compaction, per-event handler objects trigger purges of the handler table, the
 * slot table grows and wraps, and (with 12 ordinal bits) the ordinals are renumbered every few thousand
 * insertions. No (time, phase) ever holds 4,096 events here, so renumbering never refuses.
 */
final class EventQueueProperties {

    private static final long HORIZON_MS = 1_000_000;

    private static final class Entry {
        final long id;
        final long timeMs;
        final int phase;
        final long sequence;
        final EventHandler handler;
        final long payload;

        Entry(long id, long timeMs, int phase, long sequence, EventHandler handler, long payload) {
            this.id = id;
            this.timeMs = timeMs;
            this.phase = phase;
            this.sequence = sequence;
            this.handler = handler;
            this.payload = payload;
        }
    }

    private static final Comparator<Entry> ORDER = Comparator.<Entry>comparingLong(e -> e.timeMs)
            .thenComparingInt(e -> e.phase).thenComparingLong(e -> e.sequence);

    @Property(tries = 60)
    void polls_matchReferenceModel(@ForAll long seed,
                                   @ForAll @IntRange(min = 0, max = 6_000) int operations,
                                   @ForAll boolean narrowOrdinals) {
        SplittableRandom random = new SplittableRandom(seed);
        EventQueue q = new EventQueue(HORIZON_MS, 0, narrowOrdinals ? 12 : Integer.MAX_VALUE);
        EventHandler[] shared = {(s, p) -> { }, (s, p) -> { }, (s, p) -> { }};
        List<Entry> model = new ArrayList<>();
        List<Long> issued = new ArrayList<>();
        long sequence = 0;
        long nowMs = 0;
        int nowPhase = 0;
        long payload = 0;

        for (int op = 0; op < operations; op++) {
            int kind = random.nextInt(100);
            if (kind < 50) {
                long timeMs = nowMs + delayMs(random);
                int phase = timeMs == nowMs ? nowPhase + random.nextInt(6 - nowPhase) : random.nextInt(6);
                EventHandler handler = random.nextInt(10) == 0 ? freshHandler() : shared[random.nextInt(3)];
                long id = q.add(timeMs, phase, handler, payload);
                issued.add(id);
                model.add(new Entry(id, timeMs, phase, sequence++, handler, payload++));
            } else if (kind < 60 && !issued.isEmpty()) {
                long id = issued.get(random.nextInt(issued.size()));
                Entry e = find(model, id);
                assertThat(q.cancel(id)).isEqualTo(e != null);
                model.remove(e);
            } else if (kind < 68 && !issued.isEmpty()) {
                long id = issued.get(random.nextInt(issued.size()));
                Entry e = find(model, id);
                long timeMs = nowMs + delayMs(random);
                if (e == null) {
                    assertThat(q.reschedule(id, timeMs)).isEqualTo(-1);
                } else if (timeMs > nowMs || e.phase >= nowPhase) {
                    long newId = q.reschedule(id, timeMs);
                    issued.add(newId);
                    model.remove(e);
                    model.add(new Entry(newId, timeMs, e.phase, sequence++, e.handler, e.payload));
                }
            } else {
                // Mostly up to the horizon; sometimes a limit that may refuse the next event.
                long limitMs = random.nextInt(4) == 0 ? nowMs + random.nextInt(50) : HORIZON_MS;
                Entry next = model.stream().min(ORDER).orElse(null);
                boolean due = next != null && next.timeMs <= limitMs;
                EventHandler polled = q.pollUpTo(limitMs);
                assertThat(polled != null).isEqualTo(due);
                if (due) {
                    assertThat(q.polledTimeMs()).isEqualTo(next.timeMs);
                    assertThat(q.polledPhase()).isEqualTo(next.phase);
                    assertThat(polled).isSameAs(next.handler);
                    assertThat(q.polledPayload()).isEqualTo(next.payload);
                    assertThat(q.phaseOf(next.id)).isEqualTo(-1);
                    model.remove(next);
                    nowMs = next.timeMs;
                    nowPhase = next.phase;
                }
            }
            assertThat(q.liveCount()).isEqualTo(model.size());
        }
        model.sort(ORDER);
        for (Entry e : model) {
            if (e.timeMs > HORIZON_MS) {
                break;
            }
            assertThat(q.pollUpTo(HORIZON_MS)).isNotNull();
            assertThat(q.polledPayload()).isEqualTo(e.payload);
        }
        assertThat(q.pollUpTo(HORIZON_MS)).isNull();
    }

    /** Ties are frequent (delays of 0 to 3 ms), some delays span every level, a few pass the horizon. */
    private static long delayMs(SplittableRandom random) {
        int kind = random.nextInt(10);
        if (kind < 5) {
            return random.nextInt(4);
        }
        return kind < 9 ? random.nextLong(1L << (1 + random.nextInt(16))) : random.nextLong(2 * HORIZON_MS);
    }

    /** A distinct object each time, as a handler made per event would be. */
    private static EventHandler freshHandler() {
        return new EventHandler() {
            @Override
            public void onEvent(Simulation sim, long payload) {
            }
        };
    }

    private static Entry find(List<Entry> model, long id) {
        for (Entry e : model) {
            if (e.id == id) {
                return e;
            }
        }
        return null;
    }
}
