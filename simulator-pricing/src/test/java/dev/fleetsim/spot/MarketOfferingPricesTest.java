package dev.fleetsim.spot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.pricing.PriceBook;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class MarketOfferingPricesTest {

    private static final PriceBook BOOK = PriceBook.loadDefault();
    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void onDemand_isTheBooksRateInMicroDollars() {
        
        MarketOfferingPrices p = new MarketOfferingPrices(SpotRates.fromPriceBook(BOOK), BOOK, START);
        // ondemand_prices.csv, us-east-1 Linux: m7g.large $0.0816, c7g.xlarge $0.145.
        assertThat(p.microUsdPerHour(
                "m7g.large", "us-east-1a", OperatingSystem.LINUX, Market.ON_DEMAND, 0)).isEqualTo(81_600);
        assertThat(p.microUsdPerHour(
                "c7g.xlarge", "us-east-1b", OperatingSystem.LINUX, Market.ON_DEMAND, 0)).isEqualTo(145_000);
        assertThat(p.microUsdPerHour(
                "no.such", "us-east-1a", OperatingSystem.LINUX, Market.ON_DEMAND, 0)).isNegative();
    }

    @Test
    void spot_isTheMarketsPriceInTheClockHour() {
        // A market at $0.0300 in hour 0 and $0.0400 from hour 1 on.
        SpotRates market = (pool, hour) -> new BigDecimal(hour == 0 ? "0.0300" : "0.0400");
        MarketOfferingPrices p = new MarketOfferingPrices(market, BOOK, START);
        assertThat(p.microUsdPerHour(
                "m7g.large", "us-east-1a", OperatingSystem.LINUX, Market.SPOT, 3_599_999)).isEqualTo(30_000);
        assertThat(p.microUsdPerHour(
                "m7g.large", "us-east-1a", OperatingSystem.LINUX, Market.SPOT, 3_600_000)).isEqualTo(40_000);
        // Shipped advisor feed, us-east-1 Linux: m7g.large bucket 2 (as MarketPoolViewTest).
        assertThat(p.interruptionBucket("m7g.large", "us-east-1a", OperatingSystem.LINUX)).isEqualTo(2);
    }

    @Test
    void micro_roundsHalfUp() {
        assertThat(MarketOfferingPrices.micro(new BigDecimal("0.0000005"))).isEqualTo(1);
        assertThat(MarketOfferingPrices.micro(new BigDecimal("0.0000004"))).isZero();
    }
}
