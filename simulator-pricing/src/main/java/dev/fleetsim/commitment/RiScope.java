package dev.fleetsim.commitment;

import java.util.Locale;

/** Zonal RIs reserve capacity in one zone; regional RIs apply in any zone and may be size-flexible (item 2). */
public enum RiScope {
    REGION, ZONE;

    /** YAML spelling: {@code region}, {@code zone}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static RiScope fromKey(String key) {
        for (RiScope s : values()) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown RI scope '" + key + "'; expected region or zone");
    }
}
