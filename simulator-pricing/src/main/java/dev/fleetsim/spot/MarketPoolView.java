package dev.fleetsim.spot;

import dev.fleetsim.autoscaling.SpotPoolView;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.Regions;
import java.time.Instant;
import java.util.Objects;

/**
 * What an Auto Scaling group of one OS and tenancy sees of the Spot market ({@link SpotPoolView}): the pool's price in
 * the current clock-hour (as a double, for ordering only), its Spot Advisor bucket, and whether it is below
 * On-Demand. A pool is open when the price book can price it (a Spot Advisor row, or a fixed Spot rate); a type
 * with neither has no Spot pool. The runner may wrap this view to close pools further (zone outages, finite pools).
 */
public final class MarketPoolView implements SpotPoolView {

    private static final long HOUR_MS = 3_600_000L;
    private static final int NO_BUCKET_RANK = 5;

    private final SpotRates rates;
    private final PriceBook book;
    private final OperatingSystem os;
    private final Tenancy tenancy;
    private final long startIntoHourMs;

    public MarketPoolView(SpotRates rates, PriceBook book, OperatingSystem os, Tenancy tenancy, Instant scenarioStart) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.book = Objects.requireNonNull(book, "book");
        this.os = Objects.requireNonNull(os, "os");
        this.tenancy = Objects.requireNonNull(tenancy, "tenancy");
        this.startIntoHourMs = Math.floorMod(scenarioStart.toEpochMilli(), HOUR_MS);
    }

    @Override
    public double relativePrice(String instanceType, String zone, long nowMs) {
        return rates.usdPerHour(usage(instanceType, zone), hourOf(nowMs)).doubleValue();
    }

    /** The Spot Advisor bucket; a pool priced only by a fixed rate has none and ranks after every bucket (5). */
    @Override
    public int interruptionBucket(String instanceType, String zone) {
        return book.spotAdvisor(instanceType, Regions.ofZone(zone), os).map(e -> e.bucket()).orElse(NO_BUCKET_RANK);
    }

    @Override
    public boolean open(String instanceType, String zone, long nowMs) {
        return book.fixedSpotUsdPerHour(instanceType, os, tenancy).isPresent()
                || book.spotAdvisor(instanceType, Regions.ofZone(zone), os).isPresent();
    }

    @Override
    public boolean belowOnDemand(String instanceType, String zone, long nowMs) {
        return rates.usdPerHour(usage(instanceType, zone), hourOf(nowMs))
                .compareTo(book.onDemandUsdPerHour(instanceType, Regions.ofZone(zone), os, tenancy)) < 0;
    }

    /** The billing clock-hour of scenario time {@code nowMs} (hour 0 contains the start). */
    public int hourOf(long nowMs) {
        return (int) Math.floorDiv(startIntoHourMs + nowMs, HOUR_MS);
    }

    private InstanceUsage usage(String instanceType, String zone) {
        return new InstanceUsage(instanceType, zone, os, tenancy, Market.SPOT);
    }
}
