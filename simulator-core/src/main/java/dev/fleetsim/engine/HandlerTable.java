package dev.fleetsim.engine;

import java.util.Arrays;

/**
 * Small integer ids for the handlers of pending events, so that a queue entry can carry its handler in
 * a primitive field. Taking an event then reads the handler from this table, which domains keep tiny
 * (they register a few long-lived handlers) and which therefore stays in cache, rather than from a
 * per-event slot, which at a million pending events is a cache miss on every event.
 *
 * <p>No reference counts: scheduling and taking an event touch no counter, which measured a few per
 * cent of the kernel's time at a thousand pending events. Ids are forgotten in bulk instead: when a new
 * handler would make the table hold more than {@link #purgeAt()} ids, the owner marks every id that a
 * pending entry still names ({@link #mark}) and {@link #sweep} frees the others. The owner sets the bound
 * from the number of pending entries, so the scan costs a constant per registration and handlers made per
 * event do not accumulate. Lookup is by identity: open addressing over identity hashes.
 */
final class HandlerTable {

    private static final int INITIAL_INDEX_BITS = 4;
    /** Purges never run while fewer than this many ids are held. */
    static final int MIN_PURGE_IDS = 64;

    private final int maxIds;

    private EventHandler[] handlers = new EventHandler[8];
    private int[] hashes = new int[8];
    private boolean[] marked = new boolean[8];
    private int[] freeIds = new int[8];
    private int freeCount;
    private int idCount;

    /** Open addressing: id + 1, or 0 for an empty cell; never more than half full. */
    private int[] index = new int[1 << INITIAL_INDEX_BITS];
    private int indexShift = 32 - INITIAL_INDEX_BITS;
    private int indexed;
    private int purgeAt;
    /** The handler last acquired and its id (null after a sweep): a handler usually schedules its own next event. */
    private EventHandler lastHandler;
    private int lastId;

    /** @param maxIds ids are below this bound */
    HandlerTable(int maxIds) {
        this.maxIds = maxIds;
        this.purgeAt = Math.min(maxIds, MIN_PURGE_IDS);
    }

    /** The id of {@code handler}, indexing it if it is new; -1 if it is new and the table is at {@link #purgeAt()}. */
    int acquire(EventHandler handler) {
        if (handler == lastHandler) {
            return lastId;
        }
        int id = find(handler);
        if (id < 0) {
            if (indexed >= purgeAt) {
                return -1;
            }
            id = register(handler);
        }
        lastHandler = handler;
        lastId = id;
        return id;
    }

    /** Indexes a handler that {@link #acquire} refused, after the purge it asked for; throws if ids run out. */
    int acquireAfterPurge(EventHandler handler) {
        int id = find(handler);
        if (id < 0) {
            id = register(handler);
        }
        lastHandler = handler;
        lastId = id;
        return id;
    }

    EventHandler handler(int id) {
        return handlers[id];
    }

    /** Ids in use (for tests of the purge bound). */
    int indexedCount() {
        return indexed;
    }

    /** How many ids the table may hold before the owner must purge it. */
    int purgeAt() {
        return purgeAt;
    }

    /** During a purge: keeps {@code id}, which a pending entry names. */
    void mark(int id) {
        marked[id] = true;
    }

    /**
     * Ends a purge: frees every id not marked since the last sweep and sets the next bound to the ids kept
     * plus {@code headroom} (at least {@link #MIN_PURGE_IDS}).
     */
    void sweep(int headroom) {
        lastHandler = null;
        for (int id = 0; id < idCount; id++) {
            if (marked[id]) {
                marked[id] = false;
            } else if (handlers[id] != null) {
                handlers[id] = null;
                freeIds[freeCount++] = id;
                indexed--;
            }
        }
        purgeAt = (int) Math.min(maxIds, (long) indexed + Math.max(MIN_PURGE_IDS, headroom));
        rebuildIndex(index.length);
    }

    private int find(EventHandler handler) {
        int mask = index.length - 1;
        for (int i = cell(System.identityHashCode(handler)); ; i = (i + 1) & mask) {
            int entry = index[i];
            if (entry == 0) {
                return -1;
            }
            if (handlers[entry - 1] == handler) {
                return entry - 1;
            }
        }
    }

    private int register(EventHandler handler) {
        if (2 * (indexed + 1) > index.length) {
            rebuildIndex(index.length * 2);
        }
        int id = freeCount > 0 ? freeIds[--freeCount] : newId();
        handlers[id] = handler;
        hashes[id] = System.identityHashCode(handler);
        place(id);
        indexed++;
        return id;
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
            marked = Arrays.copyOf(marked, capacity);
            freeIds = Arrays.copyOf(freeIds, capacity);
        }
        return idCount++;
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
