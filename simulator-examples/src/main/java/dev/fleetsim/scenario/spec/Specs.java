package dev.fleetsim.scenario.spec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Defaults for the spec records. Spec records are the raw shape of a scenario file: their compact constructors
 * fill in defaults but never throw, so that {@code ScenarioValidator} can report every problem at once.
 */
final class Specs {

    private Specs() {
    }

    /** An unmodifiable copy in the given order; null becomes empty. Null items are kept for the validator. */
    static <T> List<T> list(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** An unmodifiable copy that keeps the document's key order; null becomes empty. */
    static <K, V> Map<K, V> map(Map<K, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
