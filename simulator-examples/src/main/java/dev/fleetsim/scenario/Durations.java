package dev.fleetsim.scenario;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ISO-8601 durations as scenarios write them: {@code PT90S}, {@code PT1H}, {@code P1D}, {@code P30D},
 * {@code P1DT2H}, and weeks ({@code P2W}). A day is exactly 24 hours (the simulation clock is UTC, with no
 * daylight saving). Months and years are refused: they have no fixed length.
 */
public final class Durations {

    private static final Pattern WEEKS = Pattern.compile("([-+]?)P(\\d+)W", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALENDAR = Pattern.compile("[-+]?P(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?(T.*)?",
            Pattern.CASE_INSENSITIVE);

    /**
     * Longer durations are refused: every duration must convert to milliseconds, and be added to a start time,
     * without overflow. A hundred years is far beyond any horizon or commitment term.
     */
    public static final Duration MAX = Duration.ofDays(36_525);

    private Durations() {
    }

    /** Parses or throws IllegalArgumentException with a message fit for a user. */
    public static Duration parse(String text) {
        String s = text.strip();
        Matcher weeks = WEEKS.matcher(s);
        Duration d;
        if (weeks.matches()) {
            // At most 7 digits of weeks, so that multiplying by 7 days cannot overflow; the bound below applies.
            if (weeks.group(2).length() > 7) {
                throw outOfRange(text);
            }
            d = Duration.ofDays(7L * Long.parseLong(weeks.group(2)));
            d = "-".equals(weeks.group(1)) ? d.negated() : d;
            if (d.compareTo(MAX) > 0 || d.compareTo(MAX.negated()) < 0) {
                throw outOfRange(text);
            }
            return d;
        }
        try {
            d = Duration.parse(s);
        } catch (DateTimeParseException | ArithmeticException e) {
            Matcher calendar = CALENDAR.matcher(s);
            if (calendar.matches() && (calendar.group(1) != null || calendar.group(2) != null)) {
                throw new IllegalArgumentException(UserText.quote(text) + " uses months or years, which have no fixed"
                        + " length; write days instead, e.g. P30D or P365D");
            }
            throw new IllegalArgumentException(UserText.quote(text) + " is not an ISO-8601 duration; write e.g. PT90S,"
                    + " PT10M, PT1H, P1D or P1DT2H");
        }
        if (d.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException(UserText.quote(text) + " is finer than a millisecond, the clock's"
                    + " resolution");
        }
        if (d.compareTo(MAX) > 0 || d.compareTo(MAX.negated()) < 0) {
            throw outOfRange(text);
        }
        return d;
    }

    private static IllegalArgumentException outOfRange(String text) {
        return new IllegalArgumentException(UserText.quote(text) + " is out of range; durations are at most 100"
                + " years (" + format(MAX) + ")");
    }

    /** The shortest ISO-8601 spelling with days kept as days: P1D, PT1H, P1DT2H30M, PT0S. */
    public static String format(Duration d) {
        if (d.isZero()) {
            return "PT0S";
        }
        boolean negative = d.isNegative();
        Duration a = d.abs();
        long days = a.toDays();
        Duration rest = a.minusDays(days);
        StringBuilder s = new StringBuilder(negative ? "-P" : "P");
        if (days > 0) {
            s.append(days).append('D');
        }
        if (!rest.isZero()) {
            s.append(rest.toString().substring(1).toUpperCase(Locale.ROOT));
        }
        return s.toString();
    }
}
