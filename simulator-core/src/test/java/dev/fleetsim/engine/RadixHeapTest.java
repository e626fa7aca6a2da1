package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class RadixHeapTest {

    /** Removes every entry, checking that keys come out as 0, 1, 2, ... from {@code first} to {@code last}. */
    private static void drainInOrder(RadixHeap heap, long first, long last) {
        for (long expected = first; expected <= last; expected++) {
            assertThat(heap.peek()).isTrue();
            assertThat(heap.topKey()).isEqualTo(expected);
            assertThat(heap.topPayload()).isEqualTo(expected * 10);
            assertThat(heap.topTag()).isEqualTo(-expected);
            heap.removeTop();
        }
        assertThat(heap.peek()).isFalse();
        assertThat(heap.size()).isZero();
    }

    private static void add(RadixHeap heap, long key) {
        heap.add(key, key * 10, -key);
    }

    @Test
    void add_whenKeysJoinTheFrontPastItsLimit_spillsAndKeepsOrder() {
        RadixHeap heap = new RadixHeap();
        for (long k = 0; k <= 300; k++) {
            add(heap, k);
        }
        // Take 0..255: the bucket of 256..300 (level 2, 45 entries, one block) is now the front, base 256.
        for (long k = 0; k < 256; k++) {
            assertThat(heap.peek()).isTrue();
            assertThat(heap.topKey()).isEqualTo(k);
            heap.removeTop();
        }
        assertThat(heap.peek()).isTrue();

        // 301..511 share the front's prefix (bits 8 and up): they join it, in descending order so that every
        // one lands in the middle of the run, until the run reaches its limit of 128 and is spilled.
        for (long k = 511; k > 300; k--) {
            add(heap, k);
        }

        assertThat(heap.size()).isEqualTo(256);
        drainInOrder(heap, 256, 511);
    }

    @Test
    void refill_whenAWholeBucketMovesToTheFront_sortsIt() {
        RadixHeap heap = new RadixHeap();
        add(heap, 0);
        assertThat(heap.peek()).isTrue();
        heap.removeTop();
        // 256..319 differ from the base 0 first in bit 8: one bucket (level 2, digit 1) of 64 entries, one block,
        // which moves to the front whole: grouped by bits 4-7 (four groups of 16), each group in reverse.
        for (long k = 319; k >= 256; k--) {
            add(heap, k);
        }

        drainInOrder(heap, 256, 319);
    }

    @Test
    void add_whenTheSpillComesWithAKeyBelowTheRunsMinimum_keepsOrder() {
        RadixHeap heap = new RadixHeap();
        add(heap, 0);
        assertThat(heap.peek()).isTrue();
        heap.removeTop();
        // 256, 260, ..., 412 (40 keys, one level-2 bucket): the front after the next refill, base 256.
        for (long k = 256; k <= 412; k += 4) {
            add(heap, k);
        }
        assertThat(heap.peek()).isTrue();
        assertThat(heap.topKey()).isEqualTo(256);
        heap.removeTop();
        // 39 left (260..412); 511 down to 423 join the run: 39 + 89 = 128, the limit.
        for (long k = 511; k >= 423; k--) {
            add(heap, k);
        }

        // 257 is above the last key taken (256) but below the run's minimum (260): the spill that its insertion
        // starts makes 260 the base, and 257 must then lower the base, not be filed above it.
        add(heap, 257);

        List<Long> expected = new ArrayList<>();
        expected.add(257L);
        for (long k = 260; k <= 412; k += 4) {
            expected.add(k);
        }
        for (long k = 423; k <= 511; k++) {
            expected.add(k);
        }
        List<Long> taken = new ArrayList<>();
        while (heap.peek()) {
            taken.add(heap.topKey());
            assertThat(heap.topPayload()).isEqualTo(heap.topKey() * 10);
            heap.removeTop();
        }
        assertThat(taken).containsExactlyElementsOf(expected);
    }
}
