package dev.fleetsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The radix heap against a sorted map. Operations are drawn from a seeded stream so that a try can run
 * thousands of them: enough pending entries that buckets overflow the front and are split, peeks that
 * leave the minimum in place followed by additions below it (the lowered base), and filtering.
 * {@code deltaBits} bounds how far above the last removed key an addition lands: small values make
 * keys share long prefixes, large ones spread them over every level.
 */
final class RadixHeapProperties {

    @Property(tries = 150)
    void removals_followKeyOrder(@ForAll long seed,
                                 @ForAll @IntRange(min = 1, max = 62) int deltaBits,
                                 @ForAll @IntRange(min = 0, max = 6_000) int operations) {
        SplittableRandom random = new SplittableRandom(seed);
        RadixHeap heap = new RadixHeap();
        TreeMap<Long, Long> model = new TreeMap<>();
        long floor = 0;
        for (int op = 0; op < operations; op++) {
            int kind = random.nextInt(100);
            if (kind < 55) {
                long key = floor + random.nextLong(1L << deltaBits);
                if (key >= floor && !model.containsKey(key)) {
                    long tag = random.nextLong();
                    heap.add(key, ~key, tag);
                    model.put(key, tag);
                }
            } else if (kind < 90) {
                assertThat(heap.peek()).isEqualTo(!model.isEmpty());
                if (!model.isEmpty()) {
                    floor = removeAndCheck(heap, model);
                }
            } else if (kind < 99) {
                // Look without removing: additions may now land below the minimum (but not below floor).
                assertThat(heap.peek()).isEqualTo(!model.isEmpty());
                if (!model.isEmpty()) {
                    assertThat(heap.topKey()).isEqualTo(model.firstKey());
                }
            } else {
                long divisor = 2 + random.nextInt(3);
                heap.retainIf(tag -> Math.floorMod(tag, divisor) != 0);
                model.values().removeIf(tag -> Math.floorMod(tag, divisor) == 0);
            }
            assertThat(heap.size()).isEqualTo(model.size());
        }
        while (!model.isEmpty()) {
            assertThat(heap.peek()).isTrue();
            removeAndCheck(heap, model);
        }
        assertThat(heap.peek()).isFalse();
        assertThat(heap.size()).isZero();
    }

    private static long removeAndCheck(RadixHeap heap, TreeMap<Long, Long> model) {
        Map.Entry<Long, Long> min = model.pollFirstEntry();
        assertThat(heap.topKey()).isEqualTo(min.getKey());
        assertThat(heap.topPayload()).isEqualTo(~min.getKey());
        assertThat(heap.topTag()).isEqualTo(min.getValue());
        heap.removeTop();
        return min.getKey();
    }
}
