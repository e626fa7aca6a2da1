package dev.fleetsim.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.InstanceMatch;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.RateOverride;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class AdvisorSpotMarketTest {

    private static PriceBook book;

    @BeforeAll
    static void load() {
        book = PriceBook.loadDefault();
    }

    private static InstanceUsage spot(String type, String zone) {
        return new InstanceUsage(type, zone, OperatingSystem.LINUX, Tenancy.SHARED, Market.SPOT);
    }

    private static AdvisorSpotMarket market(long seed) {
        return new AdvisorSpotMarket(book, new RandomStreams(seed), SpotPriceParameters.DEFAULT);
    }

    @Test
    void level_isOnDemandTimesOneMinusAdvisorSavings() {
        // m5.large us-east-1: On-Demand 0.096, Spot Advisor savings 66%: 0.096 x 0.34 = 0.03264
        assertThat(market(1).levelUsdPerHour(spot("m5.large", "us-east-1a"))).isEqualByComparingTo("0.03264");
    }

    @Test
    void price_staysPositiveWithScaleSixAndAveragesTheLevelOverAYear() {
        AdvisorSpotMarket m = market(1);
        InstanceUsage pool = spot("m5.large", "us-east-1a");
        BigDecimal sum = BigDecimal.ZERO;
        for (int h = 0; h < 8760; h++) {
            BigDecimal p = m.usdPerHour(pool, h);
            assertThat(p.signum()).isPositive();
            assertThat(p.scale()).isEqualTo(6);
            sum = sum.add(p);
        }
        // Default logSd 0.0115, half-life 108 h: the year's mean multiplier has sd about
        // 0.0115 x sqrt((1 + 0.9936) / (0.0064 x 8760)) = 0.0022; 4 sd = 0.9% of 0.03264.
        double mean = sum.doubleValue() / 8760;
        assertThat(mean).isCloseTo(0.03264, within(0.03264 * 0.009));
    }

    @Test
    void price_isLevelTimesPathRoundedHalfEven() {
        AdvisorSpotMarket m = market(4);
        InstanceUsage pool = spot("m7g.large", "us-east-1b");
        BigDecimal expected = m.levelUsdPerHour(pool).multiply(BigDecimal.valueOf(m.multiplier(pool, 100)))
                .setScale(6, java.math.RoundingMode.HALF_EVEN);
        assertThat(m.usdPerHour(pool, 100)).isEqualTo(expected);
    }

    @Test
    void pools_areIndependentAndOrderFree() {
        AdvisorSpotMarket forward = market(9);
        AdvisorSpotMarket backward = market(9);
        InstanceUsage a = spot("m5.large", "us-east-1a");
        InstanceUsage b = spot("m5.large", "us-east-1b");
        BigDecimal a50 = forward.usdPerHour(a, 50);
        forward.usdPerHour(b, 50);
        backward.usdPerHour(b, 300);
        assertThat(backward.usdPerHour(a, 50)).isEqualTo(a50);
        // Same level, different zone: a different path.
        assertThat(forward.multiplier(b, 50)).isNotEqualTo(forward.multiplier(a, 50));
        // Windows is its own pool (the bundled prices are Linux only, so the test sets a Windows On-Demand rate).
        PriceBook withWindows = book.withOverrides(List.of(new RateOverride(
                new InstanceMatch("m5.large", OperatingSystem.WINDOWS, Tenancy.SHARED), new BigDecimal("0.188"), null,
                null, null, null)));
        AdvisorSpotMarket both = new AdvisorSpotMarket(withWindows, new RandomStreams(9), SpotPriceParameters.DEFAULT);
        InstanceUsage win = new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.WINDOWS, Tenancy.SHARED,
                Market.SPOT);
        assertThat(both.multiplier(win, 50)).isNotEqualTo(both.multiplier(a, 50));
        assertThat(both.multiplier(a, 50)).isEqualTo(forward.multiplier(a, 50));
        // Another seed, another world.
        assertThat(market(10).multiplier(a, 50)).isNotEqualTo(forward.multiplier(a, 50));
    }

    @Test
    void fixedSpotRate_isUsedEveryHour() {
        PriceBook fixed = book.withOverrides(List.of(new RateOverride(
                new InstanceMatch("m5.large", OperatingSystem.LINUX, Tenancy.SHARED), null, null, null, null,
                new BigDecimal("0.0400"))));
        AdvisorSpotMarket m = new AdvisorSpotMarket(fixed, new RandomStreams(1), SpotPriceParameters.DEFAULT);
        assertThat(m.usdPerHour(spot("m5.large", "us-east-1a"), 0)).isEqualByComparingTo("0.04");
        assertThat(m.usdPerHour(spot("m5.large", "us-east-1a"), 777)).isEqualByComparingTo("0.04");
    }
}
