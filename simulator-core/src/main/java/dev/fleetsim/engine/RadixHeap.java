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
 * of at most {@link #FRONT_BATCH} entries is moved whole into the front instead: a run sorted by key,
 * taken from its head. The base then becomes those keys' common prefix down to the bucket's digit, and a
 * key added later that shares that prefix is inserted into the run (from its end: later keys are the
 * common case). Every front key is below every bucket key, so the minimum is the run's head whenever the
 * run is not empty. The batch is sorted in two steps: a counting sort by the digit below the bucket's
 * (sixteen groups, a pass to count and one to place), then an insertion sort, which finds the run nearly
 * in order. Sorting by insertion alone, or keeping the front as a 4-ary heap as this class once did,
 * costs a mispredicted branch per entry or per sift level; at a thousand pending events the two-step sort
 * made the whole kernel about a third faster (docs/benchmarks.md). A run longer than {@link #FRONT_LIMIT}
 * (many keys added at nearly the same time) is spilled back into buckets below its minimum, so an insertion
 * never shifts more than that many entries.
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
    /** The front's sorted run never grows past this many entries: a longer one is spilled into buckets. */
    static final int FRONT_LIMIT = 2 * FRONT_BATCH;
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
    /** The front: entries [frontHead, frontEnd) in ascending key order, entry j at [3j, 3j + 3). */
    private long[] front = new long[E * 2 * FRONT_LIMIT];
    private int frontHead;
    private int frontEnd;
    /** Scratch for the counting sort that fills the front. */
    private final int[] digitCounts = new int[1 << DIGIT_BITS];
    private int size;

    int size() {
        return size;
    }

    void add(long key, long payload, long tag) {
        long diff = key ^ base;
        if ((diff >>> frontShift) != 0) {
            if (key > base) {
                buckets.append(bucketOf(key, diff), key, payload, tag);
                size++;
                return;
            }
            lowerBase(key); // the base becomes the key, with an empty front
        }
        frontInsert(key, payload, tag);
        size++;
    }

    /** Brings the minimum to the top; false if there are no entries. */
    boolean peek() {
        return frontHead < frontEnd || refillFront();
    }

    /** The minimum's key; only after {@link #peek} returned true. */
    long topKey() {
        return front[E * frontHead];
    }

    long topPayload() {
        return front[E * frontHead + 1];
    }

    long topTag() {
        return front[E * frontHead + 2];
    }

    /** Removes the minimum; only after {@link #peek} returned true. */
    void removeTop() {
        frontHead++;
        size--;
    }

    /** Removes every entry whose tag {@code filter} rejects, in time linear in the size. */
    void retainIf(TagFilter filter) {
        int kept = 0;
        for (int i = E * frontHead; i < E * frontEnd; i += E) {
            if (filter.keep(front[i + 2])) {
                System.arraycopy(front, i, front, E * kept, E);
                kept++;
            }
        }
        frontHead = 0;
        frontEnd = kept;
        size = kept + buckets.retainIf(filter);
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
        compactFront();
        for (int b = 0; b < (shift >>> 2) << DIGIT_BITS; b++) {
            int n = buckets.size(b);
            for (int block = n == 0 ? -1 : buckets.detach(b); n > 0; n -= BLOCK) {
                int count = Math.min(n, BLOCK);
                ensureFrontCapacity(frontEnd + count);
                System.arraycopy(buckets.pool, BucketStore.offset(block), front, E * frontEnd, E * count);
                frontEnd += count;
                int following = buckets.next(block);
                buckets.release(block);
                block = following;
            }
        }
        base = (base >>> shift) << shift;
        frontShift = shift;
        return Math.max(buckets.rankLowBits(front, frontEnd, lowBits), buckets.rankLowBits(lowBits));
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
            if (shift == 0) {
                System.arraycopy(buckets.pool, from, front, 0, E * n);
            } else {
                scatterByDigit(buckets.pool, from, n, shift - DIGIT_BITS);
            }
            buckets.release(block);
            frontHead = 0;
            frontEnd = n;
            sortFront(n);
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
        frontHead = 0;
        frontEnd = 0;
        // Every entry lands in a lower bucket. A block is released once read; appends may reuse it at once.
        for (int k = block, left = n; left > 0; left -= BLOCK) {
            final long[] p = buckets.pool;
            for (int i = BucketStore.offset(k), end = i + E * Math.min(left, BLOCK); i < end; i += E) {
                long key = p[i];
                if (key == min) {
                    front[0] = key;
                    front[1] = p[i + 1];
                    front[2] = p[i + 2];
                    frontEnd = 1;
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
        for (int i = E * frontHead, end = E * frontEnd; i < end; i += E) {
            buckets.append(target, front[i], front[i + 1], front[i + 2]);
        }
        frontHead = 0;
        frontEnd = 0;
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

    // ---- the front: a short sorted run, read from its head ----

    /** Files a key that shares the front's prefix, keeping the run sorted. */
    private void frontInsert(long key, long payload, long tag) {
        if (frontEnd - frontHead >= FRONT_LIMIT || E * (frontEnd + 1) > front.length) {
            makeFrontRoom(key, payload, tag);
            return;
        }
        final long[] f = front;
        // New keys tend to sort last (later times, a growing ordinal), so search from the end.
        int j = frontEnd++;
        for (; j > frontHead && f[E * (j - 1)] > key; j--) {
            f[E * j] = f[E * (j - 1)];
            f[E * j + 1] = f[E * (j - 1) + 1];
            f[E * j + 2] = f[E * (j - 1) + 2];
        }
        f[E * j] = key;
        f[E * j + 1] = payload;
        f[E * j + 2] = tag;
    }

    /**
     * The rare part of {@link #frontInsert}: spills a run at its limit, or makes room in the array, then files the
     * key. After a spill the base is the run's minimum, and the key, which shared the run's prefix, lies above it (a
     * bucket) or below it (between the last key taken and that minimum): then it lowers the base as any key below the
     * base does, and starts the emptied front.
     */
    private void makeFrontRoom(long key, long payload, long tag) {
        if (frontEnd - frontHead >= FRONT_LIMIT) {
            spillFront();
            if (key > base) {
                buckets.append(bucketOf(key, key ^ base), key, payload, tag);
                return;
            }
            lowerBase(key);
        }
        compactFront();
        ensureFrontCapacity(frontEnd + 1);
        frontInsert(key, payload, tag);
    }

    /** Moves the front's run to the start of its array. */
    private void compactFront() {
        if (frontHead > 0) {
            System.arraycopy(front, E * frontHead, front, 0, E * (frontEnd - frontHead));
            frontEnd -= frontHead;
            frontHead = 0;
        }
    }

    /** Keeps the front's minimum as the new base and files the rest of the run into buckets below it. */
    private void spillFront() {
        final long[] f = front;
        long min = f[E * frontHead];
        for (int i = E * (frontHead + 1), end = E * frontEnd; i < end; i += E) {
            buckets.append(bucketOf(f[i], f[i] ^ min), f[i], f[i + 1], f[i + 2]);
        }
        System.arraycopy(f, E * frontHead, f, 0, E);
        frontHead = 0;
        frontEnd = 1;
        base = min;
        frontShift = 0;
    }

    /**
     * Copies n entries into the front grouped by their digit at {@code shift} (a counting sort), so that
     * the insertion sort that follows finds them nearly in order and moves few of them.
     */
    private void scatterByDigit(long[] from, int at, int n, int shift) {
        final int[] c = digitCounts;
        Arrays.fill(c, 0);
        for (int i = at, end = at + E * n; i < end; i += E) {
            c[(int) (from[i] >>> shift) & DIGIT_MASK]++;
        }
        for (int d = 0, sum = 0; d <= DIGIT_MASK; d++) {
            int count = c[d];
            c[d] = sum;
            sum += count;
        }
        final long[] f = front;
        for (int i = at, end = at + E * n; i < end; i += E) {
            int j = E * c[(int) (from[i] >>> shift) & DIGIT_MASK]++;
            f[j] = from[i];
            f[j + 1] = from[i + 1];
            f[j + 2] = from[i + 2];
        }
    }

    /** Insertion sort of the first n entries: a batch of at most one block. */
    private void sortFront(int n) {
        final long[] f = front;
        for (int i = 1; i < n; i++) {
            long key = f[E * i];
            int j = i;
            if (f[E * (j - 1)] <= key) {
                continue;
            }
            long payload = f[E * i + 1];
            long tag = f[E * i + 2];
            do {
                f[E * j] = f[E * (j - 1)];
                f[E * j + 1] = f[E * (j - 1) + 1];
                f[E * j + 2] = f[E * (j - 1) + 2];
                j--;
            } while (j > 0 && f[E * (j - 1)] > key);
            f[E * j] = key;
            f[E * j + 1] = payload;
            f[E * j + 2] = tag;
        }
    }
}
