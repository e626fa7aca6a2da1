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
    void acquire_whenManyHandlers_keepsEveryIdDistinctAndResolvable() {
        HandlerTable table = new HandlerTable(1 << 20);
        List<EventHandler> handlers = new ArrayList<>();
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 5_000; i++) {
            EventHandler h = newHandler();
            handlers.add(h);
            ids.add(table.acquire(h));
        }

        assertThat(ids).hasSize(5_000);
        for (EventHandler h : handlers) {
            int id = table.acquire(h);
            assertThat(table.handler(id)).isSameAs(h);
        }
    }

    @Test
    void release_whenHandlersMadePerEvent_purgesUnreferencedOnes() {
        HandlerTable table = new HandlerTable(1 << 20);
        EventHandler kept = newHandler();
        int keptId = table.acquire(kept);
        for (int i = 0; i < 100_000; i++) {
            table.release(table.acquire(newHandler()));
        }

        // Purged as soon as 17 ids are unreferenced (17 > 16 and 2 * 17 > 18 indexed): at most 1 + 17.
        assertThat(table.indexedCount()).isLessThanOrEqualTo(18);
        assertThat(table.handler(keptId)).isSameAs(kept);
        assertThat(table.acquire(kept)).isEqualTo(keptId);
    }

    @Test
    void release_whenCountReturnsToZero_keepsIdForTheNextAcquire() {
        HandlerTable table = new HandlerTable(1 << 20);
        EventHandler recurring = newHandler();
        int id = table.acquire(recurring);
        table.release(id);

        assertThat(table.acquire(recurring)).isEqualTo(id);
    }

    @Test
    void acquire_whenLastAcquiredHandlerWasPurged_indexesItAgain() {
        HandlerTable table = new HandlerTable(1 << 20);
        List<Integer> ids = new ArrayList<>();
        EventHandler last = null;
        for (int i = 0; i < 18; i++) {
            last = newHandler();
            ids.add(table.acquire(last));
        }
        // Released last first: the 17th release purges all 17 unreferenced (17 > 16, 2 * 17 > 18 indexed), it included.
        for (int i = ids.size() - 1; i >= 0; i--) {
            table.release(ids.get(i));
        }
        assertThat(table.indexedCount()).isEqualTo(1);

        int lastId = table.acquire(last);
        assertThat(table.handler(lastId)).isSameAs(last);
        assertThat(table.indexedCount()).isEqualTo(2);
    }

    @Test
    void acquire_whenIdsExhausted_throws() {
        HandlerTable table = new HandlerTable(3);
        for (int i = 0; i < 3; i++) {
            table.acquire(newHandler());
        }

        assertThatThrownBy(() -> table.acquire(newHandler())).isInstanceOf(IllegalStateException.class);
    }
}
