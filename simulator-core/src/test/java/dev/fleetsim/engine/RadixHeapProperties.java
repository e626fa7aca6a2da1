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
 * keys share long prefixes, large ones spread them over every level. Occasionally the low bits of
 * every key are replaced by ranks within groups, as the queue does when its ordinals run out.
 */
final class RadixHeapProperties {

    @Property(tries = 150)
    void removals_followKeyOrder(@ForAll long seed,
                                 @ForAll @IntRange(min = 1, max = 62) int deltaBits,
                                 @ForAll @IntRange(min = 0, max = 6_000) int operations) {
        SplittableRandom random = new SplittableRandom(seed);
        RadixHeap heap = new RadixHeap();
        TreeMap<Long, long[]> model = new TreeMap<>();
        long floor = 0;
        for (int op = 0; op < operations; op++) {
            int kind = random.nextInt(100);
            if (kind < 55) {
                long key = floor + random.nextLong(1L << deltaBits);
                if (key >= floor && !model.containsKey(key)) {
                    long payload = random.nextLong();
                    long tag = random.nextLong();
                    heap.add(key, payload, tag);
                    model.put(key, new long[] {payload, tag});
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
            } else if (random.nextBoolean()) {
                long divisor = 2 + random.nextInt(3);
                heap.retainIf(tag -> Math.floorMod(tag, divisor) != 0);
                model.values().removeIf(entry -> Math.floorMod(entry[1], divisor) == 0);
            } else {
                int lowBits = 1 + random.nextInt(Math.min(deltaBits, 40));
                assertThat(heap.rankLowBits(lowBits)).isEqualTo(rankLowBits(model, lowBits));
                floor = (floor >>> lowBits) << lowBits;
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

    /** The model's renumbering: rank within each group of equal high bits, in key order. */
    private static int rankLowBits(TreeMap<Long, long[]> model, int lowBits) {
        TreeMap<Long, long[]> ranked = new TreeMap<>();
        long previousGroup = -1;
        int rank = 0;
        int largest = 0;
        for (Map.Entry<Long, long[]> e : model.entrySet()) {
            long group = e.getKey() >>> lowBits;
            rank = group == previousGroup ? rank + 1 : 0;
            previousGroup = group;
            largest = Math.max(largest, rank + 1);
            ranked.put((group << lowBits) | rank, e.getValue());
        }
        model.clear();
        model.putAll(ranked);
        return largest;
    }

    private static long removeAndCheck(RadixHeap heap, TreeMap<Long, long[]> model) {
        Map.Entry<Long, long[]> min = model.pollFirstEntry();
        assertThat(heap.topKey()).isEqualTo(min.getKey());
        assertThat(heap.topPayload()).isEqualTo(min.getValue()[0]);
        assertThat(heap.topTag()).isEqualTo(min.getValue()[1]);
        heap.removeTop();
        return min.getKey();
    }
}
