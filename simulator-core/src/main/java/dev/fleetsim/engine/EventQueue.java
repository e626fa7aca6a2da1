package dev.fleetsim.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pending events of one simulation, ordered by (time, phase, insertion order), with lazy
 * cancellation. The order lives in a {@link RadixHeap} of self-contained entries; ids, liveness and
 * what rescheduling needs live in slots, which the path from scheduling to processing writes
 * sequentially and otherwise touches only through a compact bitmap.
 *
 * <p>Keys. An entry's whole order is one {@code long}: {@code time | phase | ordinal} from the high bits
 * down, so the order is a single {@code <} (a two-field compare measured about half as fast in the old
 * heap). The ordinal is taken from a counter at insertion, so keys are unique; since the clock never
 * goes back they are also monotone, which the radix heap relies on. The time field is as wide as the
 * horizon needs: every event after the horizon is stored at horizon + 1 (they are never processed, so
 * their relative order does not matter), and the remaining bits, at least {@link #MIN_ORDINAL_BITS}, go
 * to the ordinal. When the counter runs out, every pending entry's ordinal becomes its rank among the
 * entries of the same time and phase, which preserves every order that matters, and the counter restarts
 * at the size of the largest such group; the heap does that in place, once per 2^ordinalBits insertions.
 *
 * <p>Entries. Besides the key, an entry carries the payload and a tag: the slot and the handler's id in
 * a {@link HandlerTable}. Taking an event reads only the entry, the small handler table and the slot's
 * two state bits, all of which stay in cache. With a million pending events, reading the handler and
 * payload from the slot instead cost a cache miss per event, more than the whole radix heap.
 *
 * <p>Slots. A slot records an event's id stamp, phase, handler id and payload, for {@code cancel},
 * {@code reschedule} and {@code phaseOf}, and has two bits in one bitmap: used (an entry holds the slot)
 * and live (that entry is neither processed nor cancelled). Slots are handed out by a sweep over the
 * bitmap, so consecutive events get neighbouring slots and scheduling writes slot memory sequentially,
 * not at the random slot that the event just processed freed (a stack of free slots, measured: 45% slower
 * at a million pending events). The sweep keeps the free slots of its current word as a mask and takes
 * the lowest, so most allocations are a count of trailing zeros; slots freed behind it are found on its
 * next round. The table grows when three quarters of it are used, which keeps the sweep short (a larger
 * table was slower at a thousand pending events: it no longer fits the first-level cache). Cancelling
 * clears the live bit and leaves the entry where it is; it is dropped, and its slot freed, when it reaches
 * the top, or earlier when cancelled entries outnumber live ones and the whole heap is filtered.
 * Rescheduling is a cancel plus a new entry, hence a new id.
 *
 * <p>Ids pack the slot (low 31 bits) and the low 32 bits of a never-reset insertion counter as a stamp,
 * so the id of an event that fired or was cancelled stays dead after its slot is reused (unless the
 * same slot is reissued with an equal stamp 2^32 insertions later). Ids are never negative.
 */
final class EventQueue {

    /** The ordinal needs at least this many bits, which bounds the horizon. */
    static final int MIN_ORDINAL_BITS = 22;
    private static final int PHASE_BITS = 3;
    /** Largest horizon: time, phase and ordinal must fit in 63 bits. */
    static final long MAX_HORIZON_MS = (1L << (63 - PHASE_BITS - MIN_ORDINAL_BITS)) - 2;
    private static final int SLOT_BITS = 31;
    private static final long SLOT_MASK = (1L << SLOT_BITS) - 1;
    private static final long STAMP_MASK = 0xFFFF_FFFFL;
    /** Slot record: stamp << 32 | phase << 29 | handler id. */
    private static final int HANDLER_BITS = 29;
    static final int MAX_HANDLER_IDS = 1 << HANDLER_BITS;
    private static final int COMPACT_MIN_SIZE = 8;
    /** Slot states, two bits per slot (slot s at bit 2s mod 64): used, and live (which implies used). */
    private static final long USED = 1;
    private static final long LIVE = 2;
    private static final long USED_BITS = 0x5555_5555_5555_5555L;

    private final long horizonMs;
    private final int ordinalBits;
    private final long ordinalMask;
    private final int timeShift;

    private final RadixHeap heap = new RadixHeap();
    private final HandlerTable handlers;
    private final RadixHeap.TagFilter keepLive = this::keepLive;
    private final RadixHeap.TagFilter keepLiveMarking = this::keepLiveMarking;
    private int stale;
    private long nextOrdinal;

    /** Per slot: [2s] stamp << 32 | phase << 29 | handler id, [2s + 1] the payload. */
    private long[] slotData;
    /** The slots' states, 32 to a word, so that taking an event reads and writes one word. */
    private long[] slotBits;
    private int slotCapacity;
    /** Three quarters of the capacity: the table grows before more slots are used. */
    private int slotLimit;
    /** The sweep's word, and the slots of it still free when the sweep reached it (a bit per slot's used bit). */
    private int sweepWord = -1;
    private long sweepFree;
    private long insertions;

    // What the last successful poll removed; read right after the poll, no allocation.
    private long polledTimeMs;
    private int polledPhase;
    private long polledPayload;

    EventQueue(long horizonMs, int initialCapacity) {
        this(horizonMs, initialCapacity, Integer.MAX_VALUE);
    }

    /** {@code maxOrdinalBits} narrows the ordinal, so that tests can make renumbering frequent. */
    EventQueue(long horizonMs, int initialCapacity, int maxOrdinalBits) {
        if (horizonMs < 0 || horizonMs > MAX_HORIZON_MS) {
            throw new IllegalArgumentException("horizon must be in [0, " + MAX_HORIZON_MS + "] ms, got " + horizonMs);
        }
        if (maxOrdinalBits < 1) {
            throw new IllegalArgumentException("maxOrdinalBits must be >= 1, got " + maxOrdinalBits);
        }
        this.horizonMs = horizonMs;
        int timeBits = 64 - Long.numberOfLeadingZeros(horizonMs + 1);
        this.ordinalBits = Math.min(63 - PHASE_BITS - timeBits, maxOrdinalBits);
        this.ordinalMask = (1L << ordinalBits) - 1;
        this.timeShift = ordinalBits + PHASE_BITS;
        this.handlers = new HandlerTable(MAX_HANDLER_IDS);
        // Room for the expected events at three quarters use, in whole bitmap words.
        long slots = Math.max(64, (4L * Math.max(0, initialCapacity) / 3 + 63) & ~63L);
        resizeSlots((int) Math.min(slots, 1L << 30));
    }

    /** Live (not cancelled, not yet polled) events. */
    int liveCount() {
        return heap.size() - stale;
    }

    /** Entries including cancelled ones; for tests of the compaction bound. */
    int entryCount() {
        return heap.size();
    }

    /** Handler ids held, referenced or awaiting a purge; for tests that per-event handlers are forgotten. */
    int handlerIdCount() {
        return handlers.indexedCount();
    }

    /** Adds an event at {@code timeMs >= 0}; times after the horizon are accepted and never polled. */
    long add(long timeMs, int phase, EventHandler handler, long payload) {
        Objects.requireNonNull(handler, "handler");
        ensureOrdinalAvailable();
        int handlerId = handlers.acquire(handler);
        if (handlerId < 0) {
            handlerId = purgeHandlers(handler);
        }
        return enter(timeMs, phase, handlerId, payload);
    }

    boolean cancel(long id) {
        int slot = liveSlot(id);
        if (slot < 0) {
            return false;
        }
        kill(slot);
        return true;
    }

    /** Cancels a live event and adds it again at {@code newTimeMs}; returns the new id, or -1 if not live. */
    long reschedule(long id, long newTimeMs) {
        int slot = liveSlot(id);
        if (slot < 0) {
            return -1;
        }
        ensureOrdinalAvailable();
        long record = slotData[2 * slot];
        int handlerId = (int) record & ((1 << HANDLER_BITS) - 1);
        long payload = slotData[2 * slot + 1];
        kill(slot);
        return enter(newTimeMs, phaseOfRecord(record), handlerId, payload);
    }

    /** The phase ordinal of a live event, or -1 if the id is not live. */
    int phaseOf(long id) {
        int slot = liveSlot(id);
        return slot < 0 ? -1 : phaseOfRecord(slotData[2 * slot]);
    }

    /**
     * Removes the earliest live event if its time is at most {@code maxTimeMs} (itself at most the
     * horizon), dropping cancelled entries on the way, and returns its handler; null if there is none. On
     * success the event's time, phase and payload are readable through the {@code polled*} accessors and
     * its id is dead. The queue keeps no reference to the handler.
     */
    EventHandler pollUpTo(long maxTimeMs) {
        // Keys at or past this bound have a time after the limit (the time is the key's top field).
        long keyBound = (Math.min(maxTimeMs, horizonMs) + 1) << timeShift;
        final RadixHeap h = heap;
        while (h.peek()) {
            long key = h.topKey();
            if (key >= keyBound) {
                return null;
            }
            long tag = h.topTag();
            int slot = (int) tag;
            int handlerId = (int) (tag >>> 32);
            if (!freeSlot(slot)) {
                h.removeTop();
                stale--;
                continue;
            }
            polledPayload = h.topPayload();
            h.removeTop();
            polledTimeMs = key >>> timeShift;
            polledPhase = (int) (key >>> ordinalBits) & ((1 << PHASE_BITS) - 1);
            return handlers.handler(handlerId);
        }
        return null;
    }

    long polledTimeMs() {
        return polledTimeMs;
    }

    int polledPhase() {
        return polledPhase;
    }

    long polledPayload() {
        return polledPayload;
    }

    /** Compaction: keeps live entries, frees the slot and handler id of the others. */
    private boolean keepLive(long tag) {
        int slot = (int) tag;
        if ((slotBits[slot >>> 5] & (LIVE << (slot << 1))) != 0) {
            return true;
        }
        freeSlot(slot);
        return false;
    }

    /** Purge: as {@link #keepLive}, and marks the handler ids that the kept entries name. */
    private boolean keepLiveMarking(long tag) {
        if (keepLive(tag)) {
            handlers.mark((int) (tag >>> 32));
            return true;
        }
        return false;
    }

    /**
     * The handler table is full: drops cancelled entries, forgets the handlers no entry names, then indexes
     * {@code handler}. The next purge waits for as many new handlers as there are entries, so the scan costs
     * a constant per new handler.
     */
    private int purgeHandlers(EventHandler handler) {
        heap.retainIf(keepLiveMarking);
        stale = 0;
        handlers.sweep(heap.size());
        return handlers.acquireAfterPurge(handler);
    }

    /** Files a new event whose handler id is already counted; returns its id. */
    private long enter(long timeMs, int phase, int handlerId, long payload) {
        long stamp = insertions++ & STAMP_MASK;
        int slot = allocateSlot();
        slotData[2 * slot] = (stamp << 32) | ((long) phase << HANDLER_BITS) | handlerId;
        slotData[2 * slot + 1] = payload;
        long keyTime = Math.min(timeMs, horizonMs + 1);
        long key = (keyTime << timeShift) | ((long) phase << ordinalBits) | nextOrdinal++;
        heap.add(key, payload, ((long) handlerId << 32) | slot);
        return (stamp << SLOT_BITS) | slot;
    }

    private static int phaseOfRecord(long record) {
        return (int) (record >>> HANDLER_BITS) & ((1 << PHASE_BITS) - 1);
    }

    /** Renumbers when the ordinal counter has run out; throws, changing nothing visible, if it cannot. */
    private void ensureOrdinalAvailable() {
        if (nextOrdinal > ordinalMask) {
            renumber();
        }
    }

    private int liveSlot(long id) {
        if (id < 0) {
            return -1;
        }
        long slotNumber = id & SLOT_MASK;
        if (slotNumber >= slotCapacity) {
            return -1;
        }
        int slot = (int) slotNumber;
        if ((slotBits[slot >>> 5] & (LIVE << (slot << 1))) == 0 || slotData[2 * slot] >>> 32 != id >>> SLOT_BITS) {
            return -1;
        }
        return slot;
    }

    /** Marks a live slot cancelled; its entry is dropped later. */
    private void kill(int slot) {
        slotBits[slot >>> 5] &= ~(LIVE << (slot << 1));
        stale++;
        int size = heap.size();
        if (size >= COMPACT_MIN_SIZE && stale > (size >>> 1)) {
            heap.retainIf(keepLive);
            stale = 0;
        }
    }

    /** A free slot: the lowest of the sweep's current word, else the next word with one; the table is never full. */
    private int allocateSlot() {
        long free = sweepFree;
        if (free == 0) {
            free = nextFreeWord();
        }
        int w = sweepWord;
        int bit = Long.numberOfTrailingZeros(free);
        sweepFree = free & (free - 1);
        slotBits[w] |= (USED | LIVE) << bit;
        return (w << 5) + (bit >>> 1);
    }

    /** Moves the sweep to the next word with a free slot, growing the table first if it is too full. */
    private long nextFreeWord() {
        if (heap.size() >= slotLimit) {
            resizeSlots(grownSlots(slotCapacity));
        }
        final long[] bits = slotBits;
        int w = sweepWord;
        long free;
        do {
            w = w + 1 >= bits.length ? 0 : w + 1;
            free = ~bits[w] & USED_BITS;
        } while (free == 0);
        sweepWord = w;
        return free;
    }

    /** Frees a used slot; returns whether it was live. */
    private boolean freeSlot(int slot) {
        final long[] bits = slotBits;
        int w = slot >>> 5;
        long word = bits[w];
        bits[w] = word & ~((USED | LIVE) << (slot << 1));
        return (word & (LIVE << (slot << 1))) != 0;
    }

    private void resizeSlots(int capacity) {
        slotData = slotData == null ? new long[2 * capacity] : Arrays.copyOf(slotData, 2 * capacity);
        slotBits = slotBits == null ? new long[capacity >>> 5] : Arrays.copyOf(slotBits, capacity >>> 5);
        slotCapacity = capacity;
        slotLimit = (int) (3L * capacity / 4);
    }

    private static int grownSlots(int capacity) {
        // Two longs per slot, and slot numbers must fit in the id.
        if (capacity >= 1 << 30) {
            throw new IllegalStateException("too many pending events: " + capacity);
        }
        return 2 * capacity;
    }

    /** Gives the pending entries fresh ordinals: their rank among entries of the same time and phase. */
    private void renumber() {
        if (stale > 0) {
            heap.retainIf(keepLive);
            stale = 0;
        }
        nextOrdinal = heap.rankLowBits(ordinalBits);
        if (nextOrdinal > ordinalMask) {
            throw new IllegalStateException("more than " + ordinalMask
                    + " events pending at one instant and phase; the queue cannot order them");
        }
    }
}
