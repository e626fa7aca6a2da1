package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class EventQueueTest {

    private static final EventHandler NOOP = (s, p) -> { };

    @Test
    void cancel_whenMostEntriesStale_compactsHeap() {
        EventQueue q = new EventQueue(1_000_000, 16);
        long[] ids = new long[1_000];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = q.add(i, 0, NOOP, i);
        }
        for (int i = 0; i < ids.length; i += 4) {
            ids[i] = q.reschedule(ids[i], 5_000 + i);
        }
        for (int i = 0; i < ids.length; i++) {
            if (i % 4 != 0) {
                q.cancel(ids[i]);
            }
        }

        // 250 live events; stale entries may never exceed half the heap (compaction bound), so <= 500.
        assertThat(q.liveCount()).isEqualTo(250);
        assertThat(q.entryCount()).isLessThanOrEqualTo(500);
        long previous = Long.MIN_VALUE;
        int polled = 0;
        while (q.pollUpTo(1_000_000) != null) {
            assertThat(q.polledTimeMs()).isGreaterThan(previous);
            assertThat(q.polledPayload() % 4).isZero();
            previous = q.polledTimeMs();
            polled++;
        }
        assertThat(polled).isEqualTo(250);
        assertThat(q.entryCount()).isZero();
    }

    @Test
    void add_whenSlotsRecycled_idsStayUnique() {
        EventQueue q = new EventQueue(1_000_000, 16);
        long first = q.add(1, 0, NOOP, 0);
        assertThat(q.pollUpTo(10)).isNotNull();
        // The smallest slot table has 64 slots, handed out in turn: the 65th event reuses the first slot.
        long last = -1;
        for (int i = 2; i <= 64; i++) {
            last = q.add(i, 0, NOOP, 0);
            assertThat(q.pollUpTo(i)).isNotNull();
        }
        long second = q.add(65, 0, NOOP, 0);

        assertThat(last & 0x7FFF_FFFFL).isEqualTo(63);
        // Same recycled slot (low 31 bits), different stamp.
        assertThat(second & 0x7FFF_FFFFL).isEqualTo(first & 0x7FFF_FFFFL);
        assertThat(second).isNotEqualTo(first);
        assertThat(q.phaseOf(first)).isEqualTo(-1);
        assertThat(q.cancel(first)).isFalse();
        assertThat(q.phaseOf(second)).isZero();
    }

    @Test
    void pollUpTo_whenEarliestAfterLimit_leavesItPending() {
        EventQueue q = new EventQueue(1_000_000, 16);
        q.add(11, 2, NOOP, 7);

        assertThat(q.pollUpTo(10)).isNull();
        assertThat(q.liveCount()).isEqualTo(1);
        assertThat(q.pollUpTo(11)).isNotNull();
        assertThat(q.polledPhase()).isEqualTo(2);
        assertThat(q.polledPayload()).isEqualTo(7);
    }

    @Test
    void pollUpTo_whenHandlersMadePerEvent_forgetsThem() {
        EventQueue q = new EventQueue(1_000_000, 16);
        EventHandler recurring = (s, p) -> { };
        q.add(999_999, 0, recurring, 0);
        for (int i = 0; i < 100_000; i++) {
            q.add(i, 0, new EventHandler() {
                @Override
                public void onEvent(Simulation sim, long payload) {
                }
            }, i);
            assertThat(q.pollUpTo(i)).isNotNull();
            assertThat(q.polledPayload()).isEqualTo(i);
        }

        // The first purge comes at 64 ids; it keeps the recurring handler (the only one an entry names) and
        // allows 1 + max(64, 1 entry) = 65 ids until the next.
        assertThat(q.handlerIdCount()).isLessThanOrEqualTo(65);
    }

    @Test
    void add_whenAPurgeComesWhileEntriesNameManyHandlers_keepsEveryPendingHandler() {
        EventQueue q = new EventQueue(1_000_000, 16);
        // 300 distinct handlers pending at once force purges (the first at 64 ids); each handler knows its payload.
        List<EventHandler> byPayload = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            EventHandler h = newHandler();
            byPayload.add(h);
            q.add(1_000 + i, 0, h, i);
            if (i % 3 == 0) {
                q.add(i, 0, newHandler(), -1); // a per-event handler, taken at once below
                assertThat(q.pollUpTo(i)).isNotNull();
                assertThat(q.polledPayload()).isEqualTo(-1);
            }
        }

        for (int i = 0; i < 300; i++) {
            assertThat(q.pollUpTo(1_000_000)).isSameAs(byPayload.get(i));
            assertThat(q.polledPayload()).isEqualTo(i);
        }
        assertThat(q.pollUpTo(1_000_000)).isNull();
    }

    private static EventHandler newHandler() {
        return new EventHandler() {
            @Override
            public void onEvent(Simulation sim, long payload) {
            }
        };
    }
}
