package dev.fleetsim.commitment;

import java.util.Locale;

/** RI offering class. The class changes the price, not how the discount is applied (aws-rules.md item 2). */
public enum OfferingClass {
    STANDARD, CONVERTIBLE;

    /** YAML spelling: {@code standard}, {@code convertible}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static OfferingClass fromKey(String key) {
        for (OfferingClass c : values()) {
            if (c.key().equals(key)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown offering class '" + key + "'; expected standard or convertible");
    }
}
