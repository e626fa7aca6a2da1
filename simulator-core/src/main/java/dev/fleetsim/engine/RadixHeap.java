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
 * digits. Every move is a sequential read or append (the buckets are chains of blocks, see
 * {@link BucketStore}), and an entry moves at most once per level. In a stand-alone hold loop at a
 * million entries, 4-bit digits moved each entry about 4.7 times against 9 to 10 for the classic 1-bit
 * radix heap, and ran about twice as fast; 3, 5 and 6 bits were slower.
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

    /** A bucket with at most this many entries (one block) moves into the front whole. */
    static final int FRONT_BATCH = BucketStore.BLOCK;
    private static final int DIGIT_BITS = 4;
    private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
    /** Keys below 2^63 differ from the base in bits 0 to 62: digits 0 to 15. */
    private static final int LEVELS = 16;
    private static final int BUCKETS = LEVELS << DIGIT_BITS;
    /** Longs per entry: key, payload, tag. */
    private static final int E = BucketStore.E;
    private static final int BLOCK = BucketStore.BLOCK;

    /** Decides, during {@link #retainIf}, which entries stay. */
    interface TagFilter {
        boolean keep(long tag);
    }

    /** At most every bucket key; front keys agree with it on bits {@code frontShift} and up. */
    private long base;
    private int frontShift;
    /** Buckets (level, digit), numbered level * 16 + digit, so that bucket order is key order. */
    private final BucketStore buckets = new BucketStore(BUCKETS);
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
            buckets.append(bucketOf(key, diff), key, payload, tag);
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
        int kept = 0;
        for (int i = 0; i < E * frontSize; i += E) {
            if (filter.keep(front[i + 2])) {
                System.arraycopy(front, i, front, E * kept, E);
                kept++;
            }
        }
        frontSize = kept;
        heapifyFront();
        size = frontSize + buckets.retainIf(filter);
    }

    /**
     * Replaces the low {@code lowBits} bits of every key by its rank among the keys that share all the
     * other bits (its group); that keeps the order of all keys. Returns the size of the largest group.
     *
     * <p>In place: a bucket whose digit lies wholly above the low bits holds whole groups and keeps its
     * entries' digit, so it stays valid and is only sorted to rank its groups. The buckets below that
     * level share the base's bits from there up; they join the front, which is sorted too, and a sorted
     * array is a valid heap.
     */
    int rankLowBits(int lowBits) {
        int shift = Math.max(frontShift, (lowBits + DIGIT_BITS - 1) / DIGIT_BITS * DIGIT_BITS);
        for (int b = 0; b < (shift >>> 2) << DIGIT_BITS; b++) {
            int n = buckets.size(b);
            for (int block = n == 0 ? -1 : buckets.detach(b); n > 0; n -= BLOCK) {
                int count = Math.min(n, BLOCK);
                ensureFrontCapacity(frontSize + count);
                System.arraycopy(buckets.pool, BucketStore.offset(block), front, E * frontSize, E * count);
                frontSize += count;
                int following = buckets.next(block);
                buckets.release(block);
                block = following;
            }
        }
        base = (base >>> shift) << shift;
        frontShift = shift;
        return Math.max(buckets.rankLowBits(front, frontSize, lowBits), buckets.rankLowBits(lowBits));
    }

    /** Bucket of a key above the base, given {@code diff = key ^ base}: its level and its digit there. */
    private static int bucketOf(long key, long diff) {
        int level = (63 - Long.numberOfLeadingZeros(diff)) >>> 2;
        return (level << DIGIT_BITS) | (int) (key >>> (level << 2)) & DIGIT_MASK;
    }

    /**
     * Refills the empty front from the lowest non-empty bucket: whole if it is small, else by moving the
     * base to its minimum, which goes to the front, and spreading the rest over lower buckets.
     *
     * @return false if there are no entries at all
     */
    private boolean refillFront() {
        int b = buckets.lowest();
        if (b < 0) {
            return false;
        }
        int n = buckets.size(b);
        int block = buckets.detach(b);
        if (n <= FRONT_BATCH) {
            // One block. The keys share the base's digits above the bucket's level and its digit there.
            int from = BucketStore.offset(block);
            int shift = (b >>> DIGIT_BITS) << 2;
            base = (buckets.pool[from] >>> shift) << shift;
            frontShift = shift;
            System.arraycopy(buckets.pool, from, front, 0, E * n);
            buckets.release(block);
            frontSize = n;
            heapifyFront();
            return true;
        }
        long min = Long.MAX_VALUE;
        final long[] pool = buckets.pool;
        for (int k = block, left = n; left > 0; k = buckets.next(k), left -= BLOCK) {
            for (int i = BucketStore.offset(k), end = i + E * Math.min(left, BLOCK); i < end; i += E) {
                min = Math.min(min, pool[i]);
            }
        }
        base = min;
        frontShift = 0;
        // Every entry lands in a lower bucket. A block is released once read; appends may reuse it at once.
        for (int k = block, left = n; left > 0; left -= BLOCK) {
            final long[] p = buckets.pool;
            for (int i = BucketStore.offset(k), end = i + E * Math.min(left, BLOCK); i < end; i += E) {
                long key = p[i];
                if (key == min) {
                    frontPush(key, p[i + 1], p[i + 2]);
                } else {
                    buckets.append(bucketOf(key, key ^ min), key, p[i + 1], p[i + 2]);
                }
            }
            int following = buckets.next(k);
            buckets.release(k);
            k = following;
        }
        return true;
    }

    /** Makes {@code key}, below the base in a bit at or above {@code frontShift}, the new base. */
    private void lowerBase(long key) {
        int level = (63 - Long.numberOfLeadingZeros(key ^ base)) >>> 2;
        int target = (level << DIGIT_BITS) | (int) (base >>> (level << 2)) & DIGIT_MASK;
        for (int b = 0; b < level << DIGIT_BITS; b++) {
            int n = buckets.size(b);
            for (int block = n == 0 ? -1 : buckets.detach(b); n > 0; n -= BLOCK) {
                final long[] p = buckets.pool;
                for (int i = BucketStore.offset(block), end = i + E * Math.min(n, BLOCK); i < end; i += E) {
                    buckets.append(target, p[i], p[i + 1], p[i + 2]);
                }
                int following = buckets.next(block);
                buckets.release(block);
                block = following;
            }
        }
        for (int i = 0, end = E * frontSize; i < end; i += E) {
            buckets.append(target, front[i], front[i + 1], front[i + 2]);
        }
        frontSize = 0;
        base = key;
        frontShift = 0;
    }

    private void ensureFrontCapacity(int entries) {
        if (E * entries > front.length) {
            long length = Math.max(E * (long) entries, 2L * front.length);
            if (length > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("too many pending events");
            }
            front = Arrays.copyOf(front, (int) length);
        }
    }

    // ---- the front: a 4-ary heap over triples, small enough for the first-level cache ----

    private void frontPush(long key, long payload, long tag) {
        ensureFrontCapacity(frontSize + 1);
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

}
