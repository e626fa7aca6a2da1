package dev.fleetsim.engine;

import java.util.Arrays;

/**
 * The buckets of a {@link RadixHeap}: unordered lists of entries (key, payload, tag), each a chain of
 * fixed-size blocks carved from one shared pool, with a free list.
 *
 * <p>Why blocks. With one growable array per bucket, every bucket keeps the largest size it ever had,
 * and in a radix heap most buckets at some moment hold nearly every entry (the bucket of the next digit
 * at a high level, just before it is split): in a hold loop with a million pending events the arrays
 * grew by about 600 MB over 80 million events, 9 bytes allocated per event. Blocks bound the memory to the entries plus one partial block per bucket,
 * and the pool stops allocating once it is large enough. A block of 64 entries is 1.5 KB, long enough
 * that reading or appending stays sequential; blocks freed while a bucket is split are reused at once
 * by the appends of the same split, so its working set stays in cache.
 *
 * <p>In a bucket of n entries every block but the last is full, so entry i is at position i % 64 of the
 * chain's (i / 64)-th block, and a bucket of at most 64 entries is one block.
 */
final class BucketStore {

    /** Entries per block. */
    static final int BLOCK = 64;
    /** Longs per entry: key, payload, tag. */
    static final int E = 3;
    static final int BLOCK_LONGS = BLOCK * E;

    /** Block k at [k * BLOCK_LONGS, (k + 1) * BLOCK_LONGS). Replaced when the pool grows. */
    long[] pool;
    /** The block after block k in its bucket's chain (walked by count) or in the free list (ends at -1). */
    private int[] next;
    private int freeHead = -1;
    private final int[] heads;
    private final int[] tails;
    private final int[] sizes;
    /** Bit b set iff bucket b is not empty. */
    private final long[] occupied;
    /** Scratch for {@link #rankLowBits}: a bucket's blocks in chain order. */
    private int[] chain = new int[16];

    BucketStore(int bucketCount) {
        heads = new int[bucketCount];
        tails = new int[bucketCount];
        sizes = new int[bucketCount];
        occupied = new long[(bucketCount + 63) >>> 6];
        pool = new long[0];
        next = new int[0];
        growPool();
    }

    int size(int b) {
        return sizes[b];
    }

    /** The first block of bucket b's chain; the bucket must not be empty. */
    int head(int b) {
        return heads[b];
    }

    /** The block after {@code block} in its chain. */
    int next(int block) {
        return next[block];
    }

    static int offset(int block) {
        return block * BLOCK_LONGS;
    }

    /** The lowest non-empty bucket, or -1 if all are empty. */
    int lowest() {
        for (int w = 0; w < occupied.length; w++) {
            long bits = occupied[w];
            if (bits != 0) {
                return (w << 6) + Long.numberOfTrailingZeros(bits);
            }
        }
        return -1;
    }

    void append(int b, long key, long payload, long tag) {
        int n = sizes[b];
        int block;
        if ((n & (BLOCK - 1)) != 0) {
            block = tails[b];
        } else {
            block = takeBlock();
            if (n == 0) {
                heads[b] = block;
                occupied[b >>> 6] |= 1L << b;
            } else {
                next[tails[b]] = block;
            }
            tails[b] = block;
        }
        int i = block * BLOCK_LONGS + E * (n & (BLOCK - 1));
        final long[] p = pool;
        p[i] = key;
        p[i + 1] = payload;
        p[i + 2] = tag;
        sizes[b] = n + 1;
    }

    /**
     * Empties bucket b but leaves its chain intact for the caller to read and then {@link #release}
     * block by block; returns the first block. Appends to b start a new chain.
     */
    int detach(int b) {
        sizes[b] = 0;
        occupied[b >>> 6] &= ~(1L << b);
        return heads[b];
    }

    /** Returns a block that has been read to the free list. Read its successor first. */
    void release(int block) {
        next[block] = freeHead;
        freeHead = block;
    }

    /** Keeps the entries of bucket b whose tag {@code filter} accepts, in order; returns how many. */
    int retainIf(int b, RadixHeap.TagFilter filter) {
        int n = sizes[b];
        if (n == 0) {
            return 0;
        }
        final long[] p = pool;
        int writeBlock = heads[b];
        int kept = 0;
        int block = heads[b];
        for (int i = 0; i < n; i++) {
            if (i > 0 && (i & (BLOCK - 1)) == 0) {
                block = next[block];
            }
            int from = block * BLOCK_LONGS + E * (i & (BLOCK - 1));
            if (filter.keep(p[from + 2])) {
                if (kept > 0 && (kept & (BLOCK - 1)) == 0) {
                    writeBlock = next[writeBlock];
                }
                System.arraycopy(p, from, p, writeBlock * BLOCK_LONGS + E * (kept & (BLOCK - 1)), E);
                kept++;
            }
        }
        // Free the blocks past the last kept entry.
        int rest = kept == 0 ? heads[b] : next[writeBlock];
        for (int left = ((n + BLOCK - 1) / BLOCK) - ((kept + BLOCK - 1) / BLOCK); left > 0; left--) {
            int following = next[rest];
            release(rest);
            rest = following;
        }
        sizes[b] = kept;
        if (kept == 0) {
            occupied[b >>> 6] &= ~(1L << b);
        } else {
            tails[b] = writeBlock;
        }
        return kept;
    }

    /** Keeps the entries whose tag {@code filter} accepts, in every bucket; returns how many. */
    int retainIf(RadixHeap.TagFilter filter) {
        int total = 0;
        for (int w = 0; w < occupied.length; w++) {
            for (long rest = occupied[w]; rest != 0; rest &= rest - 1) {
                total += retainIf((w << 6) + Long.numberOfTrailingZeros(rest), filter);
            }
        }
        return total;
    }

    /**
     * Sorts every bucket by key and replaces each key's low {@code lowBits} bits by its rank among the
     * bucket's keys that share the other bits; returns the size of the largest such group.
     */
    int rankLowBits(int lowBits) {
        int largest = 0;
        for (int w = 0; w < occupied.length; w++) {
            for (long rest = occupied[w]; rest != 0; rest &= rest - 1) {
                int b = (w << 6) + Long.numberOfTrailingZeros(rest);
                int blocks = (sizes[b] + BLOCK - 1) / BLOCK;
                if (chain.length < blocks) {
                    chain = new int[Math.max(blocks, 2 * chain.length)];
                }
                int block = heads[b];
                for (int k = 0; k < blocks; k++) {
                    chain[k] = block;
                    block = next[block];
                }
                largest = Math.max(largest, rankGroups(pool, chain, sizes[b], lowBits));
            }
        }
        return largest;
    }

    /** As {@link #rankLowBits(int)}, for the first n entries of a contiguous array instead of a bucket. */
    int rankLowBits(long[] entries, int n, int lowBits) {
        int blocks = (n + BLOCK - 1) / BLOCK;
        if (chain.length < blocks) {
            chain = new int[Math.max(blocks, 2 * chain.length)];
        }
        for (int k = 0; k < blocks; k++) {
            chain[k] = k;
        }
        return rankGroups(entries, chain, n, lowBits);
    }

    /**
     * Sorts the n entries laid out along {@code chain} (entry i at {@link #index}) by key, then replaces
     * each key's low bits by its rank among the keys sharing the other bits; returns the largest group.
     * A contiguous array is the chain 0, 1, 2, ...
     */
    private static int rankGroups(long[] entries, int[] chain, int n, int lowBits) {
        for (int j = n / 2 - 1; j >= 0; j--) {
            siftDownMax(entries, chain, j, n);
        }
        for (int end = n - 1; end > 0; end--) {
            int first = index(chain, 0);
            int last = index(chain, end);
            for (int k = 0; k < E; k++) {
                long t = entries[first + k];
                entries[first + k] = entries[last + k];
                entries[last + k] = t;
            }
            siftDownMax(entries, chain, 0, end);
        }
        long previousGroup = -1;
        int rank = 0;
        int largest = 0;
        for (int i = 0; i < n; i++) {
            int at = index(chain, i);
            long group = entries[at] >>> lowBits;
            rank = group == previousGroup ? rank + 1 : 0;
            previousGroup = group;
            entries[at] = (group << lowBits) | rank;
            largest = Math.max(largest, rank + 1);
        }
        return largest;
    }

    /** Index of entry {@code i} of a chain: position i % 64 of its (i / 64)-th block. */
    private static int index(int[] chain, int i) {
        return chain[i / BLOCK] * BLOCK_LONGS + E * (i % BLOCK);
    }

    /** Binary max-heap sift (for the heapsort) over the first {@code n} entries of a chain. */
    private static void siftDownMax(long[] entries, int[] chain, int j, int n) {
        int at = index(chain, j);
        long key = entries[at];
        long payload = entries[at + 1];
        long tag = entries[at + 2];
        while (true) {
            int c = 2 * j + 1;
            if (c >= n) {
                break;
            }
            int childAt = index(chain, c);
            if (c + 1 < n) {
                int rightAt = index(chain, c + 1);
                if (entries[rightAt] > entries[childAt]) {
                    c++;
                    childAt = rightAt;
                }
            }
            if (entries[childAt] <= key) {
                break;
            }
            System.arraycopy(entries, childAt, entries, index(chain, j), E);
            j = c;
        }
        at = index(chain, j);
        entries[at] = key;
        entries[at + 1] = payload;
        entries[at + 2] = tag;
    }

    private int takeBlock() {
        if (freeHead < 0) {
            growPool();
        }
        int block = freeHead;
        freeHead = next[block];
        return block;
    }

    /** Doubles the pool (at least 16 blocks) and frees the new blocks. */
    private void growPool() {
        int blocks = next.length;
        int grown = Math.max(16, 2 * blocks);
        if ((long) grown * BLOCK_LONGS > Integer.MAX_VALUE - 16) {
            throw new IllegalStateException("too many pending events");
        }
        pool = Arrays.copyOf(pool, grown * BLOCK_LONGS);
        next = Arrays.copyOf(next, grown);
        for (int k = grown - 1; k >= blocks; k--) {
            next[k] = freeHead;
            freeHead = k;
        }
    }
}
