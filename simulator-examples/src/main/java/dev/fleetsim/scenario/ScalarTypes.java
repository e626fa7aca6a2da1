package dev.fleetsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetsim.scenario.spec.Quantity;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;

/**
 * The leaf types of the scenario schema and how each may be written. Strict on purpose: a quoted "4" is not a
 * count, 4.5 is not a count, a number is not a name, "yes" is not a boolean. Money and other exact decimals
 * may be written as a number or as a decimal string ({@code commitment: "19.60"}).
 */
final class ScalarTypes {

    private static final Set<Class<?>> SCALARS = Set.of(String.class, Integer.class, int.class, Long.class,
            long.class, Double.class, double.class, Boolean.class, boolean.class, BigDecimal.class,
            Duration.class, Instant.class, Quantity.class);

    /**
     * Exact decimals have at most this many digits before and after the point: a value such as 1e999999999 is
     * cheap to read but would take forever to round, print in full or multiply into a bill.
     */
    static final int MAX_DECIMAL_DIGITS = 30;

    /** What is wrong with a value, and the hint. */
    record Problem(String message, String hint) {
    }

    private ScalarTypes() {
    }

    static boolean isScalar(Class<?> type) {
        return SCALARS.contains(type) || type.isEnum();
    }

    /** Null when {@code node} is a valid value of {@code type}. */
    static Problem check(Class<?> type, JsonNode node) {
        if (type.isEnum()) {
            List<String> keys = EnumKeys.keys(type);
            if (!node.isTextual()) {
                return new Problem("expected one of " + String.join(", ", keys) + ", found " + describe(node), "");
            }
            if (keys.contains(node.textValue())) {
                return null;
            }
            return new Problem(UserText.quote(node.textValue()) + " is not a valid value",
                    DidYouMean.hint(node.textValue(), keys, "valid values"));
        }
        if (type == String.class) {
            return node.isTextual() ? null : new Problem("expected text, found " + describe(node),
                    node.isValueNode() ? "quote it: " + UserText.quote(node.asText()) : "");
        }
        if (type == Integer.class || type == int.class) {
            return node.isIntegralNumber() && node.canConvertToInt() ? null
                    : new Problem("expected a whole number, found " + describe(node), quotedNumberHint(node));
        }
        if (type == Long.class || type == long.class) {
            return node.isIntegralNumber() && node.canConvertToLong() ? null
                    : new Problem("expected a whole number, found " + describe(node), quotedNumberHint(node));
        }
        if (type == Double.class || type == double.class) {
            if (!node.isNumber()) {
                return new Problem("expected a number, found " + describe(node), quotedNumberHint(node));
            }
            return Double.isFinite(node.doubleValue()) ? null
                    : new Problem(describe(node) + " is out of range", "");
        }
        if (type == Boolean.class || type == boolean.class) {
            return node.isBoolean() ? null : new Problem("expected true or false, found " + describe(node), "");
        }
        if (type == BigDecimal.class) {
            if (node.isNumber()) {
                return inRange(node.decimalValue()) ? null : new Problem(describe(node) + " is out of range",
                        "at most " + MAX_DECIMAL_DIGITS + " digits before and after the point");
            }
            if (node.isTextual()) {
                try {
                    decimal(node.textValue());
                    return null;
                } catch (IllegalArgumentException e) {
                    return new Problem(e.getMessage(), "write a decimal such as \"0.0816\"");
                }
            }
            return new Problem("expected a decimal number, found " + describe(node), "");
        }
        if (type == Duration.class) {
            if (!node.isTextual()) {
                return new Problem("expected an ISO-8601 duration such as PT90S, PT1H or P1D, found "
                        + describe(node), "");
            }
            try {
                Durations.parse(node.textValue());
                return null;
            } catch (IllegalArgumentException e) {
                return new Problem(e.getMessage(), "");
            }
        }
        if (type == Instant.class) {
            if (!node.isTextual()) {
                return new Problem("expected a UTC time such as 2026-01-01T00:00:00Z, found " + describe(node), "");
            }
            try {
                instant(node.textValue());
                return null;
            } catch (IllegalArgumentException e) {
                return new Problem(e.getMessage(), "");
            }
        }
        if (type == Quantity.class) {
            if (node.isNumber()) {
                return inRange(node.decimalValue()) ? null : new Problem(describe(node) + " is out of range", "");
            }
            if (!node.isTextual()) {
                return new Problem("expected a Kubernetes quantity such as 250m or 128Mi, found " + describe(node),
                        "");
            }
            try {
                Quantity.parse(node.textValue());
                return null;
            } catch (IllegalArgumentException e) {
                return new Problem(e.getMessage(), "");
            }
        }
        throw new IllegalArgumentException("not a scalar type: " + type);
    }

    static BigDecimal decimal(String text) {
        BigDecimal value;
        try {
            // Longer text is not a sensible decimal, and BigDecimal parses long text in quadratic time.
            if (text.length() > 2 * MAX_DECIMAL_DIGITS + 10) {
                throw new NumberFormatException();
            }
            value = new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(UserText.quote(text) + " is not a decimal number");
        }
        if (!inRange(value)) {
            throw new IllegalArgumentException(UserText.quote(text) + " is out of range");
        }
        return value;
    }

    static boolean inRange(BigDecimal value) {
        return value.signum() == 0 || value.precision() - value.scale() <= MAX_DECIMAL_DIGITS
                && value.scale() <= MAX_DECIMAL_DIGITS;
    }

    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(UserText.quote(text) + " is not an ISO-8601 date-time with an offset;"
                    + " write e.g. 2026-01-01T00:00:00Z");
        }
    }

    static String describe(JsonNode node) {
        if (node.isTextual()) {
            String t = node.textValue();
            return "text " + UserText.quote(t);
        }
        if (node.isNumber()) {
            return "the number " + UserText.abbreviate(node.asText(), UserText.QUOTED_CHARS);
        }
        if (node.isBoolean()) {
            return node.asText();
        }
        if (node.isArray()) {
            return "a list";
        }
        if (node.isObject()) {
            return "a mapping";
        }
        if (node.isNull()) {
            return "nothing";
        }
        return node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String quotedNumberHint(JsonNode node) {
        // SnakeYAML reads a plain number of more than a few hundred digits as text; parsing it here would take
        // quadratic time, and it is out of range anyway.
        if (node.isTextual() && node.textValue().length() <= YamlTree.MAX_NUMBER_CHARS) {
            try {
                new BigDecimal(node.textValue().strip());
                return "remove the quotes";
            } catch (NumberFormatException e) {
                return "";
            }
        }
        return "";
    }
}
