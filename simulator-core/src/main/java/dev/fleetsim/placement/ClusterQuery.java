package dev.fleetsim.placement;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A parsed expression of the ECS cluster query language (ECS developer guide, cluster-query-language.md;
 * aws-rules.md item 7), restricted to {@code attribute:NAME} subjects: those are the ones fixed by a
 * container instance's type, zone and custom attributes. Grammar:
 *
 * <pre>
 * expression := term (("or" | "||") term)*
 * term       := factor (("and" | "&amp;&amp;") factor)*
 * factor     := ("not" | "!") factor | "(" expression ")" | comparison
 * comparison := attribute:NAME ( ("==" | "equals" | "!=" | "not_equals" | "=~" | "matches" | "!~" | "not_matches") value
 *                              | ("in" | "!in" | "not_in") "[" value ("," value)* "]"
 *                              | "exists" | "!exists" | "not_exists" )
 * value      := a bare word, or text in single or double quotes
 * </pre>
 *
 * Readings: =~ must match the whole value (Java regular expressions, {@link java.util.regex.Matcher#matches});
 * a host without the attribute fails ==, in, =~ and exists and passes their negations.
 */
public sealed interface ClusterQuery {

    /** The attributes of one host: a value, or null when the host does not have that attribute. */
    @FunctionalInterface
    interface Attributes {
        String get(String name);
    }

    boolean test(Attributes host);

    /** The text of this (sub-)expression as written, without enclosing parentheses. */
    String text();

    static ClusterQuery parse(String expression) {
        return new ClusterQueryParser(expression).parse();
    }

    enum Operator {
        EQUALS, NOT_EQUALS, IN, NOT_IN, MATCHES, NOT_MATCHES, EXISTS, NOT_EXISTS
    }

    /** {@code attribute:NAME op argument}. */
    record Comparison(String attribute, Operator operator, List<String> values, Pattern pattern, String text)
            implements ClusterQuery {
        public Comparison {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(operator, "operator");
            values = List.copyOf(values);
            Objects.requireNonNull(text, "text");
        }

        @Override
        public boolean test(Attributes host) {
            String v = host.get(attribute);
            switch (operator) {
                case EQUALS:
                    return v != null && v.equals(values.get(0));
                case NOT_EQUALS:
                    return v == null || !v.equals(values.get(0));
                case IN:
                    return v != null && values.contains(v);
                case NOT_IN:
                    return v == null || !values.contains(v);
                case MATCHES:
                    return v != null && pattern.matcher(v).matches();
                case NOT_MATCHES:
                    return v == null || !pattern.matcher(v).matches();
                case EXISTS:
                    return v != null;
                case NOT_EXISTS:
                    return v == null;
                default:
                    throw new AssertionError(operator);
            }
        }
    }

    record And(ClusterQuery left, ClusterQuery right, String text) implements ClusterQuery {
        @Override
        public boolean test(Attributes host) {
            return left.test(host) && right.test(host);
        }
    }

    record Or(ClusterQuery left, ClusterQuery right, String text) implements ClusterQuery {
        @Override
        public boolean test(Attributes host) {
            return left.test(host) || right.test(host);
        }
    }

    record Not(ClusterQuery inner, String text) implements ClusterQuery {
        @Override
        public boolean test(Attributes host) {
            return !inner.test(host);
        }
    }
}
