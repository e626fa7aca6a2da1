package dev.fleetsim.benchmarks;

import dev.fleetsim.engine.EventHandler;
import java.util.Arrays;
import java.util.Objects;

/**
 * The engine's previous event queue (until the radix heap replaced it), kept as a labelled baseline for
 * {@link EventQueueBenchmark}: a 4-ary min-heap over one {@code long[]} of adjacent (key, slot) pairs,
 * keys packed as time | phase | ordinal, the root offset so that four children fill one 64-byte line,
 * and per-event slots (handler, phase and id stamp, payload) recycled last in, first out. The methods the
 * hold model does not call (cancel, reschedule) are left out; cancelled-entry handling on the poll path
 * and the ordinal renumbering are kept, so the measured path is the one the engine ran.
 */
final class Heap4aryQueue {

    private static final int MIN_ORDINAL_BITS = 22;
    private static final int PHASE_BITS = 3;
    /** Largest horizon: time, phase and ordinal must fit in 63 bits. */
    private static final long MAX_HORIZON_MS = (1L << (63 - PHASE_BITS - MIN_ORDINAL_BITS)) - 2;
    private static final int SLOT_BITS = 31;
    private static final long STAMP_MASK = 0xFFFF_FFFFL;
    /** Array index of the root's key; aligns every group of four children on 64 bytes. */
    private static final int ROOT = 4;

    private final long horizonMs;
    private final int ordinalBits;
    private final long ordinalMask;
    private final int timeShift;

    /** Entry j: [ROOT + 2j] its key, [ROOT + 2j + 1] its slot. */
    private long[] heap;
    private int size;
    private int stale;
    private long nextOrdinal;

    private EventHandler[] handlers;
    /** Per slot: [2s] phase << 32 | id stamp, [2s + 1] the payload. */
    private long[] slotData;
    private int[] freeSlots;
    private int freeCount;
    private int slotCount;
    private long insertions;

    // What the last successful poll removed; read right after the poll, no allocation.
    private long polledTimeMs;
    private int polledPhase;
    private EventHandler polledHandler;
    private long polledPayload;

    Heap4aryQueue(long horizonMs, int initialCapacity) {
        if (horizonMs < 0 || horizonMs > MAX_HORIZON_MS) {
            throw new IllegalArgumentException("horizon must be in [0, " + MAX_HORIZON_MS + "] ms, got " + horizonMs);
        }
        this.horizonMs = horizonMs;
        int timeBits = 64 - Long.numberOfLeadingZeros(horizonMs + 1);
        this.ordinalBits = 63 - PHASE_BITS - timeBits;
        this.ordinalMask = (1L << ordinalBits) - 1;
        this.timeShift = ordinalBits + PHASE_BITS;
        int capacity = Math.max(16, initialCapacity);
        heap = new long[ROOT + 2 * capacity];
        handlers = new EventHandler[capacity];
        slotData = new long[2 * capacity];
        freeSlots = new int[capacity];
    }

    /** Adds an event at {@code timeMs >= 0}; times after the horizon are accepted and never polled. */
    long add(long timeMs, int phase, EventHandler handler, long payload) {
        Objects.requireNonNull(handler, "handler");
        ensureOrdinalAvailable();
        long stamp = insertions++ & STAMP_MASK;
        int slot = freeCount > 0 ? freeSlots[--freeCount] : newSlot();
        handlers[slot] = handler;
        slotData[2 * slot] = ((long) phase << 32) | stamp;
        slotData[2 * slot + 1] = payload;
        if (ROOT + 2 * size == heap.length) {
            heap = Arrays.copyOf(heap, ROOT + 2 * grownCapacity(size));
        }
        long keyTime = Math.min(timeMs, horizonMs + 1);
        siftUp(size++, (keyTime << timeShift) | ((long) phase << ordinalBits) | nextOrdinal++, slot);
        return (stamp << SLOT_BITS) | slot;
    }

    /**
     * Removes the earliest live event if its time is at most {@code maxTimeMs} (itself at most the
     * horizon), dropping cancelled entries on the way. On success the event is readable through the
     * {@code polled*} accessors and its id is dead.
     */
    boolean pollUpTo(long maxTimeMs) {
        while (size > 0) {
            long key = heap[ROOT];
            long timeMs = key >>> timeShift;
            if (timeMs > maxTimeMs || timeMs > horizonMs) {
                return false;
            }
            int slot = (int) heap[ROOT + 1];
            removeTop();
            EventHandler handler = handlers[slot];
            freeSlots[freeCount++] = slot;
            if (handler == null) {
                stale--;
                continue;
            }
            handlers[slot] = null;
            polledTimeMs = timeMs;
            polledPhase = (int) (key >>> ordinalBits) & ((1 << PHASE_BITS) - 1);
            polledHandler = handler;
            polledPayload = slotData[2 * slot + 1];
            return true;
        }
        return false;
    }

    long polledTimeMs() {
        return polledTimeMs;
    }

    EventHandler polledHandler() {
        return polledHandler;
    }

    long polledPayload() {
        return polledPayload;
    }

    /** Renumbers when the ordinal counter has run out; throws, changing nothing visible, if it cannot. */
    private void ensureOrdinalAvailable() {
        if (nextOrdinal > ordinalMask) {
            renumber();
        }
    }

    private int newSlot() {
        if (slotCount == handlers.length) {
            int capacity = grownCapacity(handlers.length);
            handlers = Arrays.copyOf(handlers, capacity);
            slotData = Arrays.copyOf(slotData, 2 * capacity);
            freeSlots = Arrays.copyOf(freeSlots, capacity);
        }
        return slotCount++;
    }

    private static int grownCapacity(int capacity) {
        // Two longs per slot: stay below the largest array a JVM allows.
        int max = (Integer.MAX_VALUE - 16) / 2;
        if (capacity >= max) {
            throw new IllegalStateException("too many pending events: " + capacity);
        }
        return (int) Math.min(max, capacity * 2L);
    }

    private void siftUp(int j, long key, int slot) {
        final long[] h = heap;
        while (j > 0) {
            int parent = (j - 1) >>> 2;
            long parentKey = h[ROOT + 2 * parent];
            if (parentKey < key) {
                break;
            }
            h[ROOT + 2 * j] = parentKey;
            h[ROOT + 2 * j + 1] = h[ROOT + 2 * parent + 1];
            j = parent;
        }
        h[ROOT + 2 * j] = key;
        h[ROOT + 2 * j + 1] = slot;
    }

    private void removeTop() {
        int n = --size;
        if (n > 0) {
            siftDown(0, heap[ROOT + 2 * n], (int) heap[ROOT + 2 * n + 1]);
        }
    }

    private void siftDown(int j, long key, int slot) {
        final long[] h = heap;
        final int n = size;
        while (true) {
            int first = (j << 2) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + 4, n);
            int best = first;
            long bestKey = h[ROOT + 2 * first];
            for (int c = first + 1; c < end; c++) {
                long childKey = h[ROOT + 2 * c];
                if (childKey < bestKey) {
                    bestKey = childKey;
                    best = c;
                }
            }
            if (bestKey > key) {
                break;
            }
            h[ROOT + 2 * j] = bestKey;
            h[ROOT + 2 * j + 1] = h[ROOT + 2 * best + 1];
            j = best;
        }
        h[ROOT + 2 * j] = key;
        h[ROOT + 2 * j + 1] = slot;
    }

    /** Drops cancelled entries, recycling their slots, and rebuilds the heap in linear time (Floyd). */
    private void compact() {
        final long[] h = heap;
        int kept = 0;
        for (int j = 0; j < size; j++) {
            int slot = (int) h[ROOT + 2 * j + 1];
            if (handlers[slot] == null) {
                freeSlots[freeCount++] = slot;
            } else {
                h[ROOT + 2 * kept] = h[ROOT + 2 * j];
                h[ROOT + 2 * kept + 1] = slot;
                kept++;
            }
        }
        size = kept;
        stale = 0;
        for (int j = (kept - 2) >> 2; j >= 0; j--) {
            siftDown(j, h[ROOT + 2 * j], (int) h[ROOT + 2 * j + 1]);
        }
    }

    /**
     * Gives the pending entries fresh ordinals: their rank among entries of the same time and phase.
     * Heapsort in place (descending), reversed to ascending, which is itself a valid heap; rewriting the
     * ordinals by rank keeps it sorted.
     */
    private void renumber() {
        compact();
        final long[] h = heap;
        final int n = size;
        for (int end = n - 1; end > 0; end--) {
            long minKey = h[ROOT];
            long minSlot = h[ROOT + 1];
            size = end;
            siftDown(0, h[ROOT + 2 * end], (int) h[ROOT + 2 * end + 1]);
            h[ROOT + 2 * end] = minKey;
            h[ROOT + 2 * end + 1] = minSlot;
        }
        size = n;
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            swap(h, ROOT + 2 * i, ROOT + 2 * j);
            swap(h, ROOT + 2 * i + 1, ROOT + 2 * j + 1);
        }
        long previousGroup = -1;
        long rank = 0;
        long maxRank = 0;
        for (int i = 0; i < n; i++) {
            long group = h[ROOT + 2 * i] >>> ordinalBits;
            rank = group == previousGroup ? rank + 1 : 0;
            previousGroup = group;
            h[ROOT + 2 * i] = (group << ordinalBits) | rank;
            maxRank = Math.max(maxRank, rank);
        }
        nextOrdinal = n == 0 ? 0 : maxRank + 1;
        if (nextOrdinal > ordinalMask) {
            throw new IllegalStateException("more than " + ordinalMask
                    + " events pending at one instant and phase; the heap cannot order them");
        }
    }

    private static void swap(long[] a, int i, int j) {
        long t = a[i];
        a[i] = a[j];
        a[j] = t;
    }
}
