package dev.fleetsim.billing;

import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.Regions;
import java.math.BigDecimal;

/**
 * The EC2 Spot price in effect per pool and clock-hour (aws-rules.md item 4: billed per second at the price in
 * effect; fleetsim holds one price per clock-hour). The Spot market model implements this; the default is the price
 * book's long-run level.
 */
@FunctionalInterface
public interface SpotRates {

    BigDecimal usdPerHour(InstanceUsage pool, int hour);

    /** True when the price never changes with the hour, so the engine may ask once per pool. */
    default boolean constantOverTime() {
        return false;
    }

    /** The price book's Spot rate (fixed override, else On-Demand x (1 - Spot Advisor savings)), constant. */
    static SpotRates fromPriceBook(PriceBook book) {
        return new SpotRates() {
            @Override
            public BigDecimal usdPerHour(InstanceUsage pool, int hour) {
                return book.spotUsdPerHour(pool.instanceType(), Regions.ofZone(pool.zone()), pool.os(),
                        pool.tenancy());
            }

            @Override
            public boolean constantOverTime() {
                return true;
            }
        };
    }
}
