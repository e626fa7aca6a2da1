package dev.fleetsim.placement;

import java.util.List;
import java.util.Objects;

/** One expression of a required node affinity term (aws-rules.md item 8). */
public record NodeSelectorRequirement(String key, Operator operator, List<String> values) {

    /** In and NotIn take values; Exists and DoesNotExist take none. NotIn also matches nodes without the label. */
    public enum Operator { IN, NOT_IN, EXISTS, DOES_NOT_EXIST }

    public NodeSelectorRequirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        values = List.copyOf(values);
        boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
        if (needsValues == values.isEmpty()) {
            throw new IllegalArgumentException("node selector operator " + operator + (needsValues
                    ? " needs at least one value" : " takes no values") + " (key " + key + ")");
        }
    }

    public static NodeSelectorRequirement in(String key, String... values) {
        return new NodeSelectorRequirement(key, Operator.IN, List.of(values));
    }

    public static NodeSelectorRequirement notIn(String key, String... values) {
        return new NodeSelectorRequirement(key, Operator.NOT_IN, List.of(values));
    }

    public static NodeSelectorRequirement exists(String key) {
        return new NodeSelectorRequirement(key, Operator.EXISTS, List.of());
    }

    /** @param label the node's value for {@link #key()}, or null if it lacks the label */
    public boolean matches(String label) {
        switch (operator) {
            case IN:
                return label != null && values.contains(label);
            case NOT_IN:
                return label == null || !values.contains(label);
            case EXISTS:
                return label != null;
            default:
                return label == null;
        }
    }
}
