package dev.fleetsim.scenario.spec;

import dev.fleetsim.scenario.UserText;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Kubernetes resource quantity ({@code 10m}, {@code 0.5}, {@code 2}, {@code 128Mi}, {@code 1Gi},
 * {@code 1G}, {@code 1e3}): a decimal number with an optional binary (Ki, Mi, Gi, Ti, Pi, Ei) or decimal
 * (m, k, M, G, T, P, E) suffix or an exponent, as in the Kubernetes API's quantity syntax.
 *
 * @param value the amount in base units (cores for cpu, bytes for memory), exact
 * @param text the spelling the user wrote, for messages
 */
public record Quantity(BigDecimal value, String text) {

    private static final Pattern SYNTAX = Pattern.compile(
            "([+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+))(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E|[eE][+-]?\\d+)?");
    private static final BigDecimal KI = BigDecimal.valueOf(1024);
    /** Longer text is refused before parsing (BigDecimal parses decimal text in quadratic time). */
    private static final int MAX_CHARS = 64;
    /** Quantities from -10^21 to 10^21: beyond any cpu count or byte size, and safe to convert. */
    private static final int MAX_DIGITS_BEFORE_POINT = 21;
    private static final BigDecimal MIB = KI.multiply(KI);

    public Quantity {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(text, "text");
    }

    /** Parses or throws IllegalArgumentException with a message fit for a user. */
    public static Quantity parse(String text) {
        String quoted = UserText.quote(text);
        Matcher m = SYNTAX.matcher(text.strip());
        if (text.length() > MAX_CHARS || !m.matches()) {
            throw new IllegalArgumentException(quoted + " is not a Kubernetes quantity; write e.g. 250m, 0.5 or 2"
                    + " for cpu, 128Mi or 1Gi for memory");
        }
        BigDecimal number = new BigDecimal(m.group(1));
        String suffix = m.group(2);
        BigDecimal value;
        if (suffix == null) {
            value = number;
        } else if (suffix.startsWith("e") || suffix.startsWith("E") && suffix.length() > 1) {
            // An exponent moves the decimal point; TEN.pow(n) would throw for n < 0 and never end for 10^9.
            int exponent;
            try {
                exponent = Integer.parseInt(suffix.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(quoted + " is out of range");
            }
            if (Math.abs(exponent) > 2 * MAX_DIGITS_BEFORE_POINT) {
                throw new IllegalArgumentException(quoted + " is out of range");
            }
            value = number.scaleByPowerOfTen(exponent);
        } else {
            value = number.multiply(multiplier(suffix));
        }
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_DIGITS_BEFORE_POINT) {
            throw new IllegalArgumentException(quoted + " is out of range");
        }
        return new Quantity(value, text.strip());
    }

    public static Quantity of(BigDecimal number) {
        return new Quantity(number, number.toPlainString());
    }

    private static BigDecimal multiplier(String suffix) {
        switch (suffix) {
            case "m": return new BigDecimal("0.001");
            case "k": return BigDecimal.TEN.pow(3);
            case "M": return BigDecimal.TEN.pow(6);
            case "G": return BigDecimal.TEN.pow(9);
            case "T": return BigDecimal.TEN.pow(12);
            case "P": return BigDecimal.TEN.pow(15);
            case "E": return BigDecimal.TEN.pow(18);
            case "Ki": return KI;
            case "Mi": return KI.pow(2);
            case "Gi": return KI.pow(3);
            case "Ti": return KI.pow(4);
            case "Pi": return KI.pow(5);
            case "Ei": return KI.pow(6);
            default: return BigDecimal.TEN.pow(Integer.parseInt(suffix.substring(1)));
        }
    }

    /**
     * CPU in millicores, rounded up as the Kubernetes API does for finer values; Long.MAX_VALUE (or MIN) when
     * out of range (a number in the file is not bounded like a parsed quantity).
     */
    public long millicores() {
        return saturated(value.movePointRight(3), RoundingMode.CEILING);
    }

    /** Memory in MiB, rounded up to a whole MiB (128Mi = 128, 1Gi = 1024, 1G = 954); saturated like cpu. */
    public long mebibytes() {
        return saturated(value.divide(MIB, 3, RoundingMode.CEILING), RoundingMode.CEILING);
    }

    private static long saturated(BigDecimal v, RoundingMode rounding) {
        if (v.precision() - v.scale() > 19) {
            return v.signum() > 0 ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        BigDecimal whole = v.setScale(0, rounding);
        if (whole.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return Long.MAX_VALUE;
        }
        return whole.compareTo(BigDecimal.valueOf(Long.MIN_VALUE)) < 0 ? Long.MIN_VALUE : whole.longValueExact();
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }
}
