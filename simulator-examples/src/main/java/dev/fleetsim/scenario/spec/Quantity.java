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
        BigDecimal value = suffix == null ? number : number.multiply(multiplier(suffix));
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

    /** CPU in millicores, rounded up as the Kubernetes API does for finer values. */
    public long millicores() {
        return value.movePointRight(3).setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** Memory in MiB, rounded up to a whole MiB (128Mi = 128, 1Gi = 1024, 1G = 954). */
    public long mebibytes() {
        return value.divide(MIB, 0, RoundingMode.CEILING).longValueExact();
    }

    public boolean isNegative() {
        return value.signum() < 0;
    }
}
