package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rounds the parts of an exact sum to cents so that they add up exactly to the sum rounded HALF_UP to cents
 * (largest-remainder method): every part is first rounded down, then the missing cents go to the parts with the
 * largest remainders, ties to the earlier key. Deterministic for a given map order.
 */
final class CentAllocation {

    private static final BigDecimal CENT = new BigDecimal("0.01");

    private CentAllocation() {
    }

    static <K> Map<K, BigDecimal> allocate(Map<K, Money> parts) {
        Money exactTotal = Money.ZERO;
        for (Money m : parts.values()) {
            exactTotal = exactTotal.plus(m);
        }
        BigDecimal target = exactTotal.toUsd(2);
        List<K> keys = new ArrayList<>(parts.keySet());
        List<BigDecimal> floors = new ArrayList<>();
        List<Money> remainders = new ArrayList<>();
        BigDecimal floorSum = BigDecimal.ZERO.setScale(2);
        for (K k : keys) {
            Money exact = parts.get(k);
            BigDecimal floor = exact.floorCents();
            floors.add(floor);
            remainders.add(exact.minus(Money.usd(floor)));
            floorSum = floorSum.add(floor);
        }
        int missing = target.subtract(floorSum).divide(CENT, 0, RoundingMode.UNNECESSARY).intValueExact();
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            order.add(i);
        }
        // Largest remainder first; List.sort is stable, so ties keep key order.
        order.sort((a, b) -> remainders.get(b).compareTo(remainders.get(a)));
        for (int j = 0; j < missing; j++) {
            int i = order.get(j);
            floors.set(i, floors.get(i).add(CENT));
        }
        Map<K, BigDecimal> result = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            result.put(keys.get(i), floors.get(i));
        }
        return Collections.unmodifiableMap(result);
    }
}
