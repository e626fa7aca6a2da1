package dev.fleetsim.spot;

import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A Spot market that replays a price history ({@code pricing.spot.model: {trace: {file: ...}}}, SPEC section 4).
 *
 * <p>Timeline: see {@link TraceAlignment}. Price per billing clock-hour ({@link SpotRates} holds one): the price in
 * effect when the hour begins, or at the scenario start for hour 0 when the start is not on the hour. A change inside
 * an hour therefore takes effect from the next clock-hour (reading: AWS bills per second at the price in effect; in
 * the shipped sample prices change about 1.5 times a day per pool by about 1%, so the effect on a bill is tiny).
 *
 * <p>Pools the history does not cover, and RHEL, SUSE and Ubuntu (the history's Linux/UNIX series has no licence in
 * it), are priced by {@code fallback}; a Spot rate fixed in {@code pricing.rates} wins over the history.
 */
public final class TraceSpotMarket implements SpotRates {

    private static final long HOUR_MS = 3_600_000L;
    private static final long DAY_MS = 86_400_000L;

    private final SpotPriceHistory history;
    private final PriceBook book;
    private final SpotRates fallback;
    private final long startEpochMs;
    private final long startIntoHourMs;
    private final long shiftMs;

    public TraceSpotMarket(SpotPriceHistory history, Instant scenarioStart, TraceAlignment alignment, PriceBook book,
                           SpotRates fallback) {
        this.history = Objects.requireNonNull(history, "history");
        this.book = Objects.requireNonNull(book, "book");
        this.fallback = Objects.requireNonNull(fallback, "fallback");
        this.startEpochMs = scenarioStart.toEpochMilli();
        this.startIntoHourMs = Math.floorMod(startEpochMs, HOUR_MS);
        this.shiftMs = switch (Objects.requireNonNull(alignment, "alignment")) {
            case ABSOLUTE -> 0L;
            case SHIFT_TO_START_DAY -> dayStart(startEpochMs) - dayStart(history.earliest().toEpochMilli());
        };
    }

    @Override
    public BigDecimal usdPerHour(InstanceUsage pool, int hour) {
        Optional<BigDecimal> fixed = book.fixedSpotUsdPerHour(pool.instanceType(), pool.os(), pool.tenancy());
        if (fixed.isPresent()) {
            return fixed.get();
        }
        if (pool.os() == OperatingSystem.LINUX || pool.os() == OperatingSystem.WINDOWS) {
            Optional<BigDecimal> p = history.priceAt(pool.instanceType(), pool.zone(), Platforms.of(pool.os()),
                    historyInstantOfHour(hour));
            if (p.isPresent()) {
                return p.get();
            }
        }
        return fallback.usdPerHour(pool, hour);
    }

    /** The instant of the history whose price clock-hour {@code hour} pays. */
    public Instant historyInstantOfHour(int hour) {
        long hourStart = startEpochMs - startIntoHourMs + hour * HOUR_MS;
        return Instant.ofEpochMilli(Math.max(hourStart, startEpochMs) - shiftMs);
    }

    /** The history instant that scenario time {@code timeMs} maps to. */
    public Instant historyInstantAt(long timeMs) {
        return Instant.ofEpochMilli(startEpochMs + timeMs - shiftMs);
    }

    /** How far the history is moved forward onto the scenario's timeline. */
    public long shiftMs() {
        return shiftMs;
    }

    private static long dayStart(long epochMs) {
        return Math.floorDiv(epochMs, DAY_MS) * DAY_MS;
    }
}
