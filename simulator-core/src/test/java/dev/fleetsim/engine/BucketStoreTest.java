package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class BucketStoreTest {

    /** The keys of bucket b in chain order. */
    private static List<Long> keys(BucketStore store, int b) {
        List<Long> keys = new ArrayList<>();
        int block = store.head(b);
        for (int i = 0; i < store.size(b); i++) {
            if (i > 0 && i % BucketStore.BLOCK == 0) {
                block = store.next(block);
            }
            keys.add(store.pool[BucketStore.offset(block) + BucketStore.E * (i % BucketStore.BLOCK)]);
        }
        return keys;
    }

    @Test
    void retainIf_acrossBlocks_keepsAcceptedInOrderAndFreesEmptiedBlocks() {
        BucketStore store = new BucketStore(4);
        // 200 entries fill 4 blocks (64, 64, 64, 8); 768 more fill the other 12 of the first 16.
        for (long k = 0; k < 200; k++) {
            store.append(2, k, -k, k);
        }
        for (long k = 0; k < 12 * 64; k++) {
            store.append(3, k, 0, 0);
        }
        int poolLength = store.pool.length;

        // Tags 0, 3, ..., 198: 67 entries, two blocks instead of four.
        assertThat(store.retainIf(2, tag -> tag % 3 == 0)).isEqualTo(67);
        List<Long> expected = new ArrayList<>();
        for (long k = 0; k < 200; k += 3) {
            expected.add(k);
        }
        assertThat(keys(store, 2)).isEqualTo(expected);
        // The two freed blocks take 128 more entries without growing the pool.
        for (long k = 0; k < 128; k++) {
            store.append(1, k, 0, 0);
        }
        assertThat(store.pool.length).isEqualTo(poolLength).isEqualTo(16 * BucketStore.BLOCK_LONGS);
        assertThat(store.lowest()).isEqualTo(1);
    }

    @Test
    void release_whenBucketsRefilled_reusesBlocksWithoutGrowing() {
        BucketStore store = new BucketStore(8);
        for (int round = 0; round < 5; round++) {
            for (long k = 0; k < 10_000; k++) {
                store.append((int) (k % 7) + 1, k, k, k);
            }
            for (int b = 1; b < 8; b++) {
                int n = store.size(b);
                int block = store.detach(b);
                for (; n > 0; n -= BucketStore.BLOCK) {
                    int following = store.next(block);
                    store.release(block);
                    block = following;
                }
            }
            assertThat(store.lowest()).isEqualTo(-1);
        }

        // 10,000 entries in 7 buckets need 7 * ceil(1,429 / 64) = 161 blocks; the pool doubles from 16.
        assertThat(store.pool.length).isEqualTo(256 * BucketStore.BLOCK_LONGS);
    }

    @Test
    void rankLowBits_ranksWithinGroupsOfEachBucket() {
        BucketStore store = new BucketStore(2);
        // Group 5 (high bits) with low parts 9, 2, 7 and group 6 with low part 4, in one bucket: 4 bits low.
        store.append(1, (5L << 4) | 9, 90, 0);
        store.append(1, (5L << 4) | 2, 20, 0);
        store.append(1, (6L << 4) | 4, 40, 0);
        store.append(1, (5L << 4) | 7, 70, 0);

        assertThat(store.rankLowBits(4)).isEqualTo(3);
        assertThat(keys(store, 1)).containsExactly(5L << 4, (5L << 4) | 1, (5L << 4) | 2, 6L << 4);
        // Payloads travel with their keys: 2 -> rank 0, 7 -> rank 1, 9 -> rank 2.
        assertThat(store.pool[BucketStore.offset(store.head(1)) + 1]).isEqualTo(20);
        assertThat(store.pool[BucketStore.offset(store.head(1)) + 4]).isEqualTo(70);
        assertThat(store.pool[BucketStore.offset(store.head(1)) + 7]).isEqualTo(90);
    }
}
