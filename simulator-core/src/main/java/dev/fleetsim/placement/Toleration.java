package dev.fleetsim.placement;

import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
import java.util.Objects;

/**
 * A pod's toleration of node taints (aws-rules.md item 8). {@code EQUAL} matches key and value,
 * {@code EXISTS} the key alone; an empty key with EXISTS tolerates every taint; a null effect matches
 * every effect.
 */
public record Toleration(String key, Operator operator, String value, TaintEffect effect) {

    public enum Operator { EQUAL, EXISTS }

    public Toleration {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (key.isEmpty() && operator != Operator.EXISTS) {
            throw new IllegalArgumentException("a toleration without a key must use operator Exists");
        }
        if (operator == Operator.EXISTS && !value.isEmpty()) {
            throw new IllegalArgumentException("a toleration with operator Exists takes no value");
        }
    }

    public static Toleration equal(String key, String value, TaintEffect effect) {
        return new Toleration(key, Operator.EQUAL, value, effect);
    }

    public static Toleration exists(String key, TaintEffect effect) {
        return new Toleration(key, Operator.EXISTS, "", effect);
    }

    /** As Kubernetes' ToleratesTaint. */
    public boolean tolerates(Taint taint) {
        if (effect != null && effect != taint.effect()) {
            return false;
        }
        if (!key.isEmpty() && !key.equals(taint.key())) {
            return false;
        }
        return operator == Operator.EXISTS || value.equals(taint.value());
    }
}
