package dev.fleetsim.engine;

import java.util.Arrays;

/**
 * A min-priority queue of entries (key, payload, tag) for monotone keys: no key added is below the last
 * minimum removed (one exception, below). Keys are unique non-negative {@code long}s; payload and tag
 * travel with the key and mean nothing here.
 *
 * <p>Why a radix heap. A binary or 4-ary heap touches about ten random cache lines per removal once it
 * outgrows the caches, each miss depending on the previous comparison: at a million entries that made
 * the engine's old 4-ary heap memory-bound. Here the keys are filed relative to a base key, which is at
 * most every bucket key, by the highest 4-bit digit in which they differ from it and by their value in
 * that digit: 16 levels of 16 buckets, in key order. Adding appends to a bucket. When the minimum is
 * needed, the lowest non-empty bucket is taken out, the base moves up to its smallest key, and its
 * entries are appended to lower buckets, which they always reach because they share that bucket's
 * digits. Every move is a sequential read or append, and an entry moves at most once per level; a digit
 * of 4 bits measured about half as many moves per entry as the classic 1-bit radix heap (4.7 instead of
 * 9 at a million entries) and 1.5 to 2 times the throughput, wider digits no better.
 *
 * <p>The front. Splitting all the way down would still move an entry about log16(n) times, so a bucket
 * of at most {@link #FRONT_BATCH} entries is moved whole into the front instead: a 4-ary heap small
 * enough to stay in the first-level cache. The base then becomes those keys' common prefix down to the
 * bucket's digit, and a key added later that shares that prefix joins the front. Every front key is
 * below every bucket key, so the minimum is the front's top whenever the front is not empty.
 *
 * <p>The exception. Bringing the minimum to the top may move the base above keys that can still be
 * added, when the caller then finds that minimum beyond its limit and does not remove it. A key below
 * the base is accepted: the front and every bucket below the level of the highest bit in which it
 * differs from the base share the base's digits from that level up, so they all belong in one bucket
 * relative to the new key, which becomes the base. That bucket is empty (the base's own digit), so the
 * merge is a few appends, and it happens at most once per refused removal.
 */
final class RadixHeap {

    /** A bucket with at most this many entries moves into the front whole instead of being split. */
    static final int FRONT_BATCH = 64;
    private static final int DIGIT_BITS = 4;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    /** Keys below 2^63 differ from the base in bits 0 to 62: digits 0 to 15. */
    private static final int LEVELS = 16;
    private static final int BUCKETS = LEVELS << DIGIT_BITS;
    /** Longs per entry: key, payload, tag. */
    private static final int E = 3;

    /** Decides, during {@link #retainIf}, which entries stay. */
    interface TagFilter {
        boolean keep(long tag);
    }

    /** At most every bucket key; front keys agree with it on bits {@code frontShift} and up. */
    private long base;
    private int frontShift;
    /** Bit b set iff bucket b is not empty. Buckets (level, digit) are numbered level * 16 + digit. */
    private final long[] occupied = new long[BUCKETS / 64];
    private final long[][] buckets = new long[BUCKETS][];
    private final int[] bucketSizes = new int[BUCKETS];
    /** The front: a 4-ary heap, entry j at [3j, 3j + 3). */
    private long[] front = new long[E * 2 * FRONT_BATCH];
    private int frontSize;
    private int size;

    int size() {
        return size;
    }

    void add(long key, long payload, long tag) {
        long diff = key ^ base;
        if ((diff >>> frontShift) == 0) {
            frontPush(key, payload, tag);
        } else if (key > base) {
            append(bucketOf(key, diff), key, payload, tag);
        } else {
            lowerBase(key);
            frontPush(key, payload, tag);
        }
        size++;
    }

    /** Brings the minimum to the top; false if there are no entries. */
    boolean peek() {
        return frontSize > 0 || refillFront();
    }

    /** The minimum's key; only after {@link #peek} returned true. */
    long topKey() {
        return front[0];
    }

    long topPayload() {
        return front[1];
    }

    long topTag() {
        return front[2];
    }

    /** Removes the minimum; only after {@link #peek} returned true. */
    void removeTop() {
        int n = --frontSize;
        size--;
        if (n > 0) {
            siftDown(0, front[E * n], front[E * n + 1], front[E * n + 2]);
        }
    }

    /** Removes every entry whose tag {@code filter} rejects, in time linear in the size. */
    void retainIf(TagFilter filter) {
        frontSize = filter(front, frontSize, filter);
        heapifyFront();
        int total = frontSize;
        for (int w = 0; w < occupied.length; w++) {
            for (long rest = occupied[w]; rest != 0; rest &= rest - 1) {
                int b = (w << 6) + Long.numberOfTrailingZeros(rest);
                int kept = filter(buckets[b], bucketSizes[b], filter);
                bucketSizes[b] = kept;
                total += kept;
                if (kept == 0) {
                    occupied[w] &= ~(1L << b);
                }
            }
        }
        size = total;
    }

    /**
     * Replaces the low {@code lowBits} bits of every key by its rank among the keys that share all the
     * other bits (its group); that keeps the order of all keys. Returns the size of the largest group.
     *
     * <p>In place, without allocating: a bucket whose digit lies wholly above the low bits holds whole
     * groups and keeps its entries' digit, so it stays valid and is only sorted to rank its groups. The
     * buckets below that level share the base's bits from there up; they join the front, which is
     * sorted too, and a sorted array is a valid heap.
     */
    int rankLowBits(int lowBits) {
        int shift = Math.max(frontShift, (lowBits + DIGIT_BITS - 1) / DIGIT_BITS * DIGIT_BITS);
        for (int b = 0; b < (shift >>> 2) << DIGIT_BITS; b++) {
            long[] bucket = buckets[b];
            int end = E * bucketSizes[b];
            if (end == 0) {
                continue;
            }
            while (E * frontSize + end > front.length) {
                front = Arrays.copyOf(front, grown(front.length));
            }
            System.arraycopy(bucket, 0, front, E * frontSize, end);
            frontSize += end / E;
            bucketSizes[b] = 0;
            occupied[b >>> 6] &= ~(1L << b);
        }
        base = (base >>> shift) << shift;
        frontShift = shift;
        int largest = rankGroups(front, frontSize, lowBits);
        for (int w = 0; w < occupied.length; w++) {
            for (long rest = occupied[w]; rest != 0; rest &= rest - 1) {
                int b = (w << 6) + Long.numberOfTrailingZeros(rest);
                largest = Math.max(largest, rankGroups(buckets[b], bucketSizes[b], lowBits));
            }
        }
        return largest;
    }

    /** Sorts {@code entries[0, 3n)} by key and ranks each group's low bits; returns the largest group. */
    private static int rankGroups(long[] entries, int n, int lowBits) {
        sortByKey(entries, n);
        long previousGroup = -1;
        int rank = 0;
        int largest = 0;
        for (int i = 0; i < E * n; i += E) {
            long group = entries[i] >>> lowBits;
            rank = group == previousGroup ? rank + 1 : 0;
            previousGroup = group;
            entries[i] = (group << lowBits) | rank;
            largest = Math.max(largest, rank + 1);
        }
        return largest;
    }

    /** Heapsort of {@code entries[0, 3n)} by key, ascending, in place. */
    private static void sortByKey(long[] entries, int n) {
        for (int j = n / 2 - 1; j >= 0; j--) {
            siftDownMax(entries, j, n);
        }
        for (int end = n - 1; end > 0; end--) {
            for (int k = 0; k < E; k++) {
                long t = entries[k];
                entries[k] = entries[E * end + k];
                entries[E * end + k] = t;
            }
            siftDownMax(entries, 0, end);
        }
    }

    /** Binary max-heap sift over the first {@code n} entries. */
    private static void siftDownMax(long[] entries, int j, int n) {
        long key = entries[E * j];
        long payload = entries[E * j + 1];
        long tag = entries[E * j + 2];
        while (true) {
            int c = 2 * j + 1;
            if (c >= n) {
                break;
            }
            if (c + 1 < n && entries[E * (c + 1)] > entries[E * c]) {
                c++;
            }
            if (entries[E * c] <= key) {
                break;
            }
            System.arraycopy(entries, E * c, entries, E * j, E);
            j = c;
        }
        entries[E * j] = key;
        entries[E * j + 1] = payload;
        entries[E * j + 2] = tag;
    }

    /** Bucket of a key above the base, given {@code diff = key ^ base}: its level and its digit there. */
    private static int bucketOf(long key, long diff) {
        int level = (63 - Long.numberOfLeadingZeros(diff)) >>> 2;
        return (level << DIGIT_BITS) | (int) (key >>> (level << 2)) & DIGIT_MASK;
    }

    private void append(int b, long key, long payload, long tag) {
        long[] bucket = buckets[b];
        int i = E * bucketSizes[b];
        if (bucket == null || i == bucket.length) {
            bucket = buckets[b] = bucket == null ? new long[E * FRONT_BATCH] : Arrays.copyOf(bucket, grown(bucket.length));
        }
        bucket[i] = key;
        bucket[i + 1] = payload;
        bucket[i + 2] = tag;
        bucketSizes[b]++;
        occupied[b >>> 6] |= 1L << b;
    }

    /**
     * Refills the empty front from the lowest non-empty bucket: whole if it is small, else by moving the
     * base to its minimum, which goes to the front, and spreading the rest over lower buckets.
     *
     * @return false if there are no entries at all
     */
    private boolean refillFront() {
        for (int w = 0; w < occupied.length; w++) {
            long bits = occupied[w];
            if (bits == 0) {
                continue;
            }
            int b = (w << 6) + Long.numberOfTrailingZeros(bits);
            occupied[w] = bits & (bits - 1);
            long[] bucket = buckets[b];
            int end = E * bucketSizes[b];
            bucketSizes[b] = 0;
            if (end <= E * FRONT_BATCH) {
                // The keys share the base's digits above the bucket's level and its digit there.
                int shift = (b >>> DIGIT_BITS) << 2;
                base = (bucket[0] >>> shift) << shift;
                frontShift = shift;
                System.arraycopy(bucket, 0, front, 0, end);
                frontSize = end / E;
                heapifyFront();
                return true;
            }
            long min = bucket[0];
            for (int i = E; i < end; i += E) {
                min = Math.min(min, bucket[i]);
            }
            base = min;
            frontShift = 0;
            for (int i = 0; i < end; i += E) {
                long key = bucket[i];
                if (key == min) {
                    frontPush(key, bucket[i + 1], bucket[i + 2]);
                } else {
                    append(bucketOf(key, key ^ min), key, bucket[i + 1], bucket[i + 2]);
                }
            }
            return true;
        }
        return false;
    }

    /** Makes {@code key}, below the base in a bit at or above {@code frontShift}, the new base. */
    private void lowerBase(long key) {
        int level = (63 - Long.numberOfLeadingZeros(key ^ base)) >>> 2;
        int target = (level << DIGIT_BITS) | (int) (base >>> (level << 2)) & DIGIT_MASK;
        for (int b = 0; b < level << DIGIT_BITS; b++) {
            long[] bucket = buckets[b];
            for (int i = 0, end = E * bucketSizes[b]; i < end; i += E) {
                append(target, bucket[i], bucket[i + 1], bucket[i + 2]);
            }
            bucketSizes[b] = 0;
            occupied[b >>> 6] &= ~(1L << b);
        }
        for (int i = 0, end = E * frontSize; i < end; i += E) {
            append(target, front[i], front[i + 1], front[i + 2]);
        }
        frontSize = 0;
        base = key;
        frontShift = 0;
    }

    private static int grown(int length) {
        if (length >= Integer.MAX_VALUE / 2 - E) {
            throw new IllegalStateException("too many pending events");
        }
        return 2 * length;
    }

    // ---- the front: a 4-ary heap over triples, small enough for the first-level cache ----

    private void frontPush(long key, long payload, long tag) {
        if (E * frontSize == front.length) {
            front = Arrays.copyOf(front, grown(front.length));
        }
        final long[] h = front;
        int j = frontSize++;
        while (j > 0) {
            int parent = (j - 1) >>> 2;
            long parentKey = h[E * parent];
            if (parentKey < key) {
                break;
            }
            h[E * j] = parentKey;
            h[E * j + 1] = h[E * parent + 1];
            h[E * j + 2] = h[E * parent + 2];
            j = parent;
        }
        h[E * j] = key;
        h[E * j + 1] = payload;
        h[E * j + 2] = tag;
    }

    private void heapifyFront() {
        for (int j = (frontSize - 2) >> 2; j >= 0; j--) {
            siftDown(j, front[E * j], front[E * j + 1], front[E * j + 2]);
        }
    }

    private void siftDown(int j, long key, long payload, long tag) {
        final long[] h = front;
        final int n = frontSize;
        while (true) {
            int first = (j << 2) + 1;
            if (first >= n) {
                break;
            }
            int end = Math.min(first + 4, n);
            int best = first;
            long bestKey = h[E * first];
            for (int c = first + 1; c < end; c++) {
                long childKey = h[E * c];
                if (childKey < bestKey) {
                    bestKey = childKey;
                    best = c;
                }
            }
            if (bestKey > key) {
                break;
            }
            h[E * j] = bestKey;
            h[E * j + 1] = h[E * best + 1];
            h[E * j + 2] = h[E * best + 2];
            j = best;
        }
        h[E * j] = key;
        h[E * j + 1] = payload;
        h[E * j + 2] = tag;
    }

    /** Keeps the accepted entries of {@code entries[0, 3n)} at its start; returns how many. */
    private static int filter(long[] entries, int n, TagFilter filter) {
        int kept = 0;
        for (int i = 0; i < E * n; i += E) {
            if (filter.keep(entries[i + 2])) {
                System.arraycopy(entries, i, entries, E * kept, E);
                kept++;
            }
        }
        return kept;
    }
}
