package dev.fleetsim.engine;

import java.util.Arrays;

/**
 * Small integer ids for the handlers of pending events, so that a queue entry can carry its handler in
 * a primitive field. Taking an event then reads the handler from this table, which domains keep tiny
 * (they register a few long-lived handlers) and which therefore stays in cache, rather than from a
 * per-event slot, which at a million pending events is a cache miss on every event.
 *
 * <p>Every id counts the pending entries that name it. An id whose count drops to zero stays indexed,
 * so that a handler with one recurring event does not leave and re-enter the table on every event; the
 * unreferenced ids are purged together once they outnumber the referenced ones (and 16), so handlers
 * created per event do not accumulate. Lookup is by identity: open addressing over identity hashes.
 */
final class HandlerTable {

    private static final int INITIAL_INDEX_BITS = 4;

    private final int maxIds;

    private EventHandler[] handlers = new EventHandler[8];
    private int[] hashes = new int[8];
    private int[] refs = new int[8];
    private int[] freeIds = new int[8];
    private int freeCount;
    private int idCount;

    /** Open addressing: id + 1, or 0 for an empty cell; never more than half full. */
    private int[] index = new int[1 << INITIAL_INDEX_BITS];
    private int indexShift = 32 - INITIAL_INDEX_BITS;
    private int indexed;
    private int unreferenced;
    /** The handler last acquired and its id (null after a purge): a handler usually schedules its own next event. */
    private EventHandler lastHandler;
    private int lastId;

    /** @param maxIds ids are below this bound */
    HandlerTable(int maxIds) {
        this.maxIds = maxIds;
    }

    /** The id of {@code handler}, counting one more entry that names it. */
    int acquire(EventHandler handler) {
        if (handler == lastHandler) {
            int id = lastId;
            if (refs[id]++ == 0) {
                unreferenced--;
            }
            return id;
        }
        int id = lookup(handler);
        lastHandler = handler;
        lastId = id;
        return id;
    }

    private int lookup(EventHandler handler) {
        int hash = System.identityHashCode(handler);
        int mask = index.length - 1;
        for (int i = cell(hash); ; i = (i + 1) & mask) {
            int entry = index[i];
            if (entry == 0) {
                break;
            }
            if (handlers[entry - 1] == handler) {
                int id = entry - 1;
                if (refs[id]++ == 0) {
                    unreferenced--;
                }
                return id;
            }
        }
        if (2 * (indexed + 1) > index.length) {
            purgeOrGrow();
        }
        int id = freeCount > 0 ? freeIds[--freeCount] : newId();
        handlers[id] = handler;
        hashes[id] = hash;
        refs[id] = 1;
        place(id);
        indexed++;
        return id;
    }

    /** Counts one more entry naming a live id. */
    void retain(int id) {
        if (refs[id]++ == 0) {
            unreferenced--;
        }
    }

    EventHandler handler(int id) {
        return handlers[id];
    }

    /** Counts one entry fewer naming {@code id}. */
    void release(int id) {
        if (--refs[id] == 0 && ++unreferenced > 16 && 2 * unreferenced > indexed) {
            purge();
        }
    }

    /** Ids in use (for tests of the purge bound). */
    int indexedCount() {
        return indexed;
    }

    private int cell(int hash) {
        return (hash * 0x9E37_79B9) >>> indexShift;
    }

    private void place(int id) {
        int mask = index.length - 1;
        int i = cell(hashes[id]);
        while (index[i] != 0) {
            i = (i + 1) & mask;
        }
        index[i] = id + 1;
    }

    private int newId() {
        if (idCount == maxIds) {
            throw new IllegalStateException("more than " + maxIds + " distinct handlers pending");
        }
        if (idCount == handlers.length) {
            int capacity = (int) Math.min(maxIds, 2L * idCount);
            handlers = Arrays.copyOf(handlers, capacity);
            hashes = Arrays.copyOf(hashes, capacity);
            refs = Arrays.copyOf(refs, capacity);
            freeIds = Arrays.copyOf(freeIds, capacity);
        }
        return idCount++;
    }

    private void purgeOrGrow() {
        if (unreferenced > 0) {
            purge();
        }
        if (2 * (indexed + 1) > index.length) {
            rebuildIndex(index.length * 2);
        }
    }

    /** Forgets every unreferenced handler and frees its id. */
    private void purge() {
        lastHandler = null;
        for (int id = 0; id < idCount; id++) {
            if (handlers[id] != null && refs[id] == 0) {
                handlers[id] = null;
                freeIds[freeCount++] = id;
                indexed--;
            }
        }
        unreferenced = 0;
        rebuildIndex(index.length);
    }

    private void rebuildIndex(int length) {
        if (length == index.length) {
            Arrays.fill(index, 0);
        } else {
            index = new int[length];
            indexShift = 32 - Integer.numberOfTrailingZeros(length);
        }
        for (int id = 0; id < idCount; id++) {
            if (handlers[id] != null) {
                place(id);
            }
        }
    }
}
