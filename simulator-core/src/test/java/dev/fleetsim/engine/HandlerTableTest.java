package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class HandlerTableTest {

    private static EventHandler newHandler() {
        return new EventHandler() {
            @Override
            public void onEvent(Simulation sim, long payload) {
            }
        };
    }

    /** What the queue does when acquire refuses: marks the ids still named, sweeps, then indexes the handler. */
    private static int acquireOrPurge(HandlerTable table, EventHandler handler, List<Integer> named) {
        int id = table.acquire(handler);
        if (id >= 0) {
            return id;
        }
        for (int kept : named) {
            table.mark(kept);
        }
        table.sweep(named.size());
        return table.acquireAfterPurge(handler);
    }

    @Test
    void acquire_whenSameHandler_returnsSameId() {
        HandlerTable table = new HandlerTable(1 << 20);
        EventHandler a = newHandler();
        EventHandler b = newHandler();

        int idA = table.acquire(a);
        int idB = table.acquire(b);

        assertThat(table.acquire(a)).isEqualTo(idA);
        assertThat(idB).isNotEqualTo(idA);
        assertThat(table.handler(idA)).isSameAs(a);
        assertThat(table.handler(idB)).isSameAs(b);
    }

    @Test
    void acquire_whenTableAtItsBound_refusesANewHandlerButNotAKnownOne() {
        HandlerTable table = new HandlerTable(1 << 20);
        List<EventHandler> known = new ArrayList<>();
        for (int i = 0; i < HandlerTable.MIN_PURGE_IDS; i++) {
            EventHandler h = newHandler();
            known.add(h);
            assertThat(table.acquire(h)).isEqualTo(i);
        }

        // 64 ids held, the first bound: a 65th handler needs a purge first.
        assertThat(table.acquire(newHandler())).isEqualTo(-1);
        assertThat(table.acquire(known.get(0))).isZero();
        assertThat(table.acquire(known.get(63))).isEqualTo(63);
    }

    @Test
    void sweep_forgetsUnmarkedIds_keepsMarkedOnesWhereTheyAre() {
        HandlerTable table = new HandlerTable(1 << 20);
        List<EventHandler> handlers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            handlers.add(newHandler());
            table.acquire(handlers.get(i));
        }
        table.mark(3);
        table.mark(7);

        table.sweep(0);

        assertThat(table.indexedCount()).isEqualTo(2);
        assertThat(table.handler(3)).isSameAs(handlers.get(3));
        assertThat(table.handler(7)).isSameAs(handlers.get(7));
        assertThat(table.handler(0)).isNull();
        // Marks do not outlive the sweep: a second sweep with nothing marked forgets both.
        table.sweep(0);
        assertThat(table.indexedCount()).isZero();
    }

    @Test
    void sweep_setsTheNextBound_keptPlusHeadroom_atLeast64() {
        HandlerTable table = new HandlerTable(1 << 20);
        for (int i = 0; i < 5; i++) {
            table.acquire(newHandler());
        }
        table.mark(0);
        table.mark(1);

        table.sweep(1_000);
        // 2 kept + 1,000 headroom.
        assertThat(table.purgeAt()).isEqualTo(1_002);

        table.mark(0);
        table.sweep(10);
        // 1 kept + max(64, 10).
        assertThat(table.purgeAt()).isEqualTo(65);
    }

    @Test
    void acquire_whenHandlersMadePerEvent_staysWithinTheBound() {
        HandlerTable table = new HandlerTable(1 << 20);
        EventHandler kept = newHandler();
        int keptId = table.acquire(kept);
        List<Integer> named = List.of(keptId);
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(acquireOrPurge(table, newHandler(), named));
            // Only `kept` is still named: each purge keeps 1 and allows 1 + 64 ids.
            assertThat(table.indexedCount()).isLessThanOrEqualTo(65);
        }

        assertThat(seen).hasSizeLessThanOrEqualTo(65);
        assertThat(table.handler(keptId)).isSameAs(kept);
        assertThat(table.acquire(kept)).isEqualTo(keptId);
    }

    @Test
    void acquire_whenLastAcquiredHandlerWasSwept_indexesItAgain() {
        HandlerTable table = new HandlerTable(1 << 20);
        EventHandler last = newHandler();
        int first = table.acquire(last);
        table.sweep(0);
        assertThat(table.indexedCount()).isZero();

        int again = table.acquire(last);

        assertThat(table.handler(again)).isSameAs(last);
        assertThat(table.indexedCount()).isEqualTo(1);
        assertThat(again).isEqualTo(first); // the freed id is reused
    }

    @Test
    void acquireAfterPurge_whenIdsExhausted_throws() {
        HandlerTable table = new HandlerTable(3);
        List<Integer> named = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            named.add(table.acquire(newHandler()));
        }

        // All three ids are still named by pending entries: a fourth handler cannot get one.
        assertThatThrownBy(() -> acquireOrPurge(table, newHandler(), named)).isInstanceOf(IllegalStateException.class);
    }
}
