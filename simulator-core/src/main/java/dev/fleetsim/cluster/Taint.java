package dev.fleetsim.cluster;

import java.util.Objects;

/** A node taint; {@code value} may be empty. */
public record Taint(String key, String value, TaintEffect effect) {
    public Taint {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(effect, "effect");
        if (key.isEmpty()) {
            throw new IllegalArgumentException("a taint needs a key");
        }
    }
}
