package dev.fleetsim.demand;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * Where scenario time 0 falls on the UTC calendar: how far into its UTC day the scenario starts and on which day of
 * the week, so that hour-of-day and weekends of scenario time are right (SPEC section 2: billing hours and the
 * clock are UTC).
 *
 * @param msIntoDay 0 to 86,399,999
 */
public record UtcAnchor(long msIntoDay, DayOfWeek dayOfWeek) {

    public static final long DAY_MS = 86_400_000L;
    public static final long HOUR_MS = 3_600_000L;

    public UtcAnchor {
        Objects.requireNonNull(dayOfWeek, "dayOfWeek");
        if (msIntoDay < 0 || msIntoDay >= DAY_MS) {
            throw new IllegalArgumentException("time into the day must be in [0, 86,400,000) ms, got " + msIntoDay);
        }
    }

    /** The anchor of a scenario that starts at {@code start}. */
    public static UtcAnchor of(Instant start) {
        ZonedDateTime utc = start.atZone(ZoneOffset.UTC);
        long ms = utc.toLocalTime().toNanoOfDay() / 1_000_000L;
        return new UtcAnchor(ms, utc.getDayOfWeek());
    }

    /** Milliseconds into the UTC day at scenario time {@code timeMs}. */
    public long msIntoDayAt(long timeMs) {
        return Math.floorMod(msIntoDay + timeMs, DAY_MS);
    }

    /** The UTC day of the week at scenario time {@code timeMs}. */
    public DayOfWeek dayOfWeekAt(long timeMs) {
        long days = Math.floorDiv(msIntoDay + timeMs, DAY_MS);
        return dayOfWeek.plus(Math.floorMod(days, 7));
    }

    /** True on Saturdays and Sundays (UTC). */
    public boolean isWeekendAt(long timeMs) {
        DayOfWeek d = dayOfWeekAt(timeMs);
        return d == DayOfWeek.SATURDAY || d == DayOfWeek.SUNDAY;
    }

    /** The first scenario time after {@code timeMs} at which a UTC day begins. */
    public long nextDayStartAfter(long timeMs) {
        return timeMs + (DAY_MS - msIntoDayAt(timeMs));
    }
}
