package dev.fleetsim.spot;

import dev.fleetsim.autoscaling.OfferingPrices;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.Regions;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * What Karpenter sees of prices ({@link OfferingPrices}): On-Demand from the price book, Spot from the scenario's
 * Spot market in the current clock-hour (the price billing uses), each in micro-USD per hour rounded half up (prices
 * in the shipped tables have at most 6 decimals, so nothing rounds in practice). A Spot pool is available when the
 * price book can price it ({@link MarketPoolView#open}); a type without an On-Demand rate has no price. Shared
 * tenancy, as EKS nodes.
 */
public final class MarketOfferingPrices implements OfferingPrices {

    private final SpotRates rates;
    private final PriceBook book;
    private final Instant start;
    private final Map<OperatingSystem, MarketPoolView> views = new EnumMap<>(OperatingSystem.class);

    public MarketOfferingPrices(SpotRates rates, PriceBook book, Instant scenarioStart) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.book = Objects.requireNonNull(book, "book");
        this.start = Objects.requireNonNull(scenarioStart, "scenarioStart");
    }

    @Override
    public long microUsdPerHour(String instanceType, String zone, OperatingSystem os, Market market, long nowMs) {
        if (market == Market.SPOT) {
            MarketPoolView pools = view(os);
            if (!pools.open(instanceType, zone, nowMs)) {
                return -1;
            }
            return micro(rates.usdPerHour(new InstanceUsage(instanceType, zone, os, Tenancy.SHARED, Market.SPOT),
                    pools.hourOf(nowMs)));
        }
        try {
            return micro(book.onDemandUsdPerHour(instanceType, Regions.ofZone(zone), os, Tenancy.SHARED));
        } catch (MissingRateException e) {
            return -1;
        }
    }

    @Override
    public int interruptionBucket(String instanceType, String zone, OperatingSystem os) {
        return view(os).interruptionBucket(instanceType, zone);
    }

    @Override
    public boolean available(String instanceType, String zone, OperatingSystem os, Market market, long nowMs) {
        return market != Market.SPOT || view(os).open(instanceType, zone, nowMs);
    }

    private MarketPoolView view(OperatingSystem os) {
        return views.computeIfAbsent(os, o -> new MarketPoolView(rates, book, o, Tenancy.SHARED, start));
    }

    static long micro(BigDecimal usd) {
        return usd.movePointRight(6).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
