package dev.fleetsim.engine;

import java.util.Arrays;
import java.util.Objects;

/**
 * The pending events of one simulation: a 4-ary min-heap over primitive arrays, ordered by
 * (time, phase, insertion sequence), with lazy cancellation.
 *
 * <p>Layout. A heap entry is three parallel array cells: its time ({@code heapTime}), a tag packing
 * phase and sequence ({@code heapTag}, compared only when times are equal) and the slot that holds the
 * handler and payload ({@code heapSlot}). The four children of a node are adjacent in {@code heapTime},
 * so choosing the smallest child reads one or two cache lines.
 *
 * <p>Lazy cancellation. A slot remembers the tag of its one live heap entry. Cancelling frees the slot
 * and rescheduling gives it a new tag and a new entry; either way the old entry stays in the heap, no
 * longer matching its slot's tag, and is dropped when it reaches the top. Sequences are never reused, so
 * a recycled slot cannot revive a stale entry. When stale entries outnumber live ones the heap is
 * rebuilt without them in linear time, so memory stays within twice the live count and every operation
 * stays O(log n) amortized. Nothing on the add/poll path writes a position index.
 *
 * <p>Ids. An event id packs the slot (low 32 bits) and the slot's generation (the next 31 bits), which
 * is bumped whenever the slot is freed, so an id that has fired or been cancelled is recognised as
 * stale. Generations wrap after 2^31 reuses of one slot. Ids are never negative.
 */
final class EventQueue {

    private static final int PHASE_SHIFT = 58;
    private static final long MAX_SEQUENCE = (1L << PHASE_SHIFT) - 1;
    private static final int GENERATION_MASK = 0x7FFF_FFFF;
    private static final int COMPACT_MIN_SIZE = 8;

    // The heap.
    private long[] heapTime;
    private long[] heapTag;
    private int[] heapSlot;
    private int size;
    private int stale;

    // The slots: one per live event, recycled through a free stack.
    private EventHandler[] handlers;
    private long[] payloads;
    private long[] slotTag;
    private int[] generations;
    private int[] freeSlots;
    private int freeCount;
    private int slotCount;

    private long nextSequence;

    // What the last successful poll removed; read right after the poll, no allocation.
    private long polledTimeMs;
    private int polledPhase;
    private EventHandler polledHandler;
    private long polledPayload;

    EventQueue(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        heapTime = new long[capacity];
        heapTag = new long[capacity];
        heapSlot = new int[capacity];
        handlers = new EventHandler[capacity];
        payloads = new long[capacity];
        slotTag = new long[capacity];
        generations = new int[capacity];
        freeSlots = new int[capacity];
        Arrays.fill(slotTag, -1L);
    }

    /** Live (not cancelled, not yet polled) events. */
    int liveCount() {
        return size - stale;
    }

    /** Heap entries including stale ones; for tests of the compaction bound. */
    int heapSize() {
        return size;
    }

    long add(long timeMs, int phase, EventHandler handler, long payload) {
        Objects.requireNonNull(handler, "handler");
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        long tag = newTag(phase);
        slotTag[slot] = tag;
        handlers[slot] = handler;
        payloads[slot] = payload;
        push(timeMs, tag, slot);
        return ((long) generations[slot] << 32) | slot;
    }

    boolean cancel(long id) {
        int slot = liveSlot(id);
        if (slot < 0) {
            return false;
        }
        release(slot);
        stale++;
        compactIfMostlyStale();
        return true;
    }

    /** Moves a live event to a new time, keeping its id and phase; it sorts as if added now. */
    boolean reschedule(long id, long newTimeMs) {
        int slot = liveSlot(id);
        if (slot < 0) {
            return false;
        }
        long tag = newTag((int) (slotTag[slot] >>> PHASE_SHIFT));
        slotTag[slot] = tag;
        push(newTimeMs, tag, slot);
        stale++;
        compactIfMostlyStale();
        return true;
    }

    /** The phase ordinal of a live event, or -1 if the id is not live. */
    int phaseOf(long id) {
        int slot = liveSlot(id);
        return slot < 0 ? -1 : (int) (slotTag[slot] >>> PHASE_SHIFT);
    }

    /**
     * Removes the earliest live event if its time is at most {@code maxTimeMs}, dropping stale entries on
     * the way. On success the event is readable through the {@code polled*} accessors and its id is dead.
     */
    boolean pollUpTo(long maxTimeMs) {
        while (size > 0) {
            long timeMs = heapTime[0];
            if (timeMs > maxTimeMs) {
                return false;
            }
            long tag = heapTag[0];
            int slot = heapSlot[0];
            removeTop();
            if (slotTag[slot] != tag) {
                stale--;
                continue;
            }
            polledTimeMs = timeMs;
            polledPhase = (int) (tag >>> PHASE_SHIFT);
            polledHandler = handlers[slot];
            polledPayload = payloads[slot];
            release(slot);
            return true;
        }
        return false;
    }

    long polledTimeMs() {
        return polledTimeMs;
    }

    int polledPhase() {
        return polledPhase;
    }

    EventHandler polledHandler() {
        return polledHandler;
    }

    long polledPayload() {
        return polledPayload;
    }

    /** Forgets the polled handler so the queue does not keep it reachable. */
    void clearPolled() {
        polledHandler = null;
    }

    private long newTag(int phase) {
        long sequence = nextSequence++;
        if (sequence > MAX_SEQUENCE) {
            throw new IllegalStateException("event sequence exhausted after " + MAX_SEQUENCE + " events");
        }
        return ((long) phase << PHASE_SHIFT) | sequence;
    }

    private int liveSlot(long id) {
        if (id < 0) {
            return -1;
        }
        long slotBits = id & 0xFFFF_FFFFL;
        if (slotBits >= slotCount) {
            return -1;
        }
        int slot = (int) slotBits;
        if (generations[slot] != (int) (id >>> 32) || slotTag[slot] < 0) {
            return -1;
        }
        return slot;
    }

    private void release(int slot) {
        handlers[slot] = null;
        slotTag[slot] = -1L;
        generations[slot] = (generations[slot] + 1) & GENERATION_MASK;
        freeSlots[freeCount++] = slot;
    }

    private int newSlot() {
        if (slotCount == handlers.length) {
            int capacity = grownCapacity(handlers.length);
            handlers = Arrays.copyOf(handlers, capacity);
            payloads = Arrays.copyOf(payloads, capacity);
            generations = Arrays.copyOf(generations, capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
            int old = slotTag.length;
            slotTag = Arrays.copyOf(slotTag, capacity);
            Arrays.fill(slotTag, old, capacity, -1L);
        }
        return slotCount++;
    }

    private static int grownCapacity(int capacity) {
        if (capacity >= Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("too many pending events: " + capacity);
        }
        return (int) Math.min(Integer.MAX_VALUE - 8L, capacity * 2L);
    }

    private void push(long timeMs, long tag, int slot) {
        if (size == heapTime.length) {
            int capacity = grownCapacity(size);
            heapTime = Arrays.copyOf(heapTime, capacity);
            heapTag = Arrays.copyOf(heapTag, capacity);
            heapSlot = Arrays.copyOf(heapSlot, capacity);
        }
        siftUp(size++, timeMs, tag, slot);
    }

    private void removeTop() {
        int last = --size;
        if (last > 0) {
            siftDown(0, heapTime[last], heapTag[last], heapSlot[last]);
        }
    }

    private void siftUp(int hole, long timeMs, long tag, int slot) {
        final long[] times = heapTime;
        final long[] tags = heapTag;
        final int[] slots = heapSlot;
        while (hole > 0) {
            int parent = (hole - 1) >>> 2;
            long parentTime = times[parent];
            if (parentTime < timeMs || (parentTime == timeMs && tags[parent] < tag)) {
                break;
            }
            times[hole] = parentTime;
            tags[hole] = tags[parent];
            slots[hole] = slots[parent];
            hole = parent;
        }
        times[hole] = timeMs;
        tags[hole] = tag;
        slots[hole] = slot;
    }

    private void siftDown(int hole, long timeMs, long tag, int slot) {
        final long[] times = heapTime;
        final long[] tags = heapTag;
        final int[] slots = heapSlot;
        final int n = size;
        while (true) {
            int first = (hole << 2) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + 4, n);
            int best = first;
            long bestTime = times[first];
            for (int child = first + 1; child < end; child++) {
                long childTime = times[child];
                if (childTime < bestTime || (childTime == bestTime && tags[child] < tags[best])) {
                    best = child;
                    bestTime = childTime;
                }
            }
            if (bestTime > timeMs || (bestTime == timeMs && tags[best] > tag)) {
                break;
            }
            times[hole] = bestTime;
            tags[hole] = tags[best];
            slots[hole] = slots[best];
            hole = best;
        }
        times[hole] = timeMs;
        tags[hole] = tag;
        slots[hole] = slot;
    }

    private void compactIfMostlyStale() {
        if (size < COMPACT_MIN_SIZE || stale <= (size >>> 1)) {
            return;
        }
        int kept = 0;
        for (int i = 0; i < size; i++) {
            int slot = heapSlot[i];
            if (slotTag[slot] == heapTag[i]) {
                heapTime[kept] = heapTime[i];
                heapTag[kept] = heapTag[i];
                heapSlot[kept] = slot;
                kept++;
            }
        }
        size = kept;
        stale = 0;
        // Floyd's bottom-up heap construction: linear time.
        for (int i = (kept - 2) >>> 2; kept > 1 && i >= 0; i--) {
            siftDown(i, heapTime[i], heapTag[i], heapSlot[i]);
        }
    }
}
