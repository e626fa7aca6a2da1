package dev.fleetsim.spot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.autoscaling.AutoScalingGroup;
import dev.fleetsim.autoscaling.Ec2PlacementGroup;
import dev.fleetsim.autoscaling.GroupConfig;
import dev.fleetsim.autoscaling.InstanceProvisioner;
import dev.fleetsim.autoscaling.InstancesDistribution;
import dev.fleetsim.autoscaling.SpotAllocationStrategy;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.PriceBook;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class MarketPoolViewTest {

    private static PriceBook book;
    private static InstanceCatalog catalog;

    @BeforeAll
    static void load() {
        book = PriceBook.loadDefault();
        catalog = InstanceCatalog.loadDefault();
    }

    private static MarketPoolView view(AdvisorSpotMarket market, Instant start) {
        return new MarketPoolView(market, book, OperatingSystem.LINUX, Tenancy.SHARED, start);
    }

    @Test
    void relativePrice_isTheMarketsPriceInTheCurrentClockHour() {
        AdvisorSpotMarket market = new AdvisorSpotMarket(book, new RandomStreams(2), SpotPriceParameters.DEFAULT);
        // Start 00:30: scenario time 30 min is 01:00, clock-hour 1.
        MarketPoolView v = view(market, Instant.parse("2026-01-01T00:30:00Z"));
        assertThat(v.hourOf(29 * 60_000L)).isZero();
        assertThat(v.hourOf(30 * 60_000L)).isEqualTo(1);
        InstanceUsage pool = new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.LINUX, Tenancy.SHARED,
                Market.SPOT);
        assertThat(v.relativePrice("m5.large", "us-east-1a", 30 * 60_000L))
                .isEqualTo(market.usdPerHour(pool, 1).doubleValue());
    }

    @Test
    void bucketsOpenAndOnDemandComparison_comeFromThePriceBook() {
        MarketPoolView v = view(new AdvisorSpotMarket(book, new RandomStreams(2), SpotPriceParameters.DEFAULT),
                Instant.parse("2026-01-01T00:00:00Z"));
        // Shipped advisor feed, us-east-1 Linux: m7g.large bucket 2, m7i.large 3, m7a.large 1.
        assertThat(v.interruptionBucket("m7g.large", "us-east-1a")).isEqualTo(2);
        assertThat(v.interruptionBucket("m7i.large", "us-east-1a")).isEqualTo(3);
        assertThat(v.interruptionBucket("m7a.large", "us-east-1a")).isEqualTo(1);
        assertThat(v.open("m7g.large", "us-east-1a", 0)).isTrue();
        // No advisor row and no fixed rate: no Spot pool.
        assertThat(v.open("c8a.large", "us-east-1a", 0)).isFalse();
        // m5.large Spot ~0.033 against 0.096 On-Demand
        assertThat(v.belowOnDemand("m5.large", "us-east-1a", 0)).isTrue();
    }

    @Test
    void group_priceCapacityOptimized_launchesIntoTheLowestBucketOfTheRealFeed() {
        // Core group, pricing view: m7a.large has the lowest bucket (1) of the three, so price-capacity-optimized
        // takes it whatever the prices.
        Simulation sim = new Simulation(3_600_000L);
        List<String> launched = new ArrayList<>();
        InstanceProvisioner p = new InstanceProvisioner() {
            @Override
            public int launch(String type, String zone, Market market) {
                launched.add(type + "@" + zone + ":" + market.key());
                return launched.size() - 1;
            }

            @Override
            public void terminate(int instanceId) {
            }
        };
        GroupConfig config = new GroupConfig("web", List.of(catalog.require("m7g.large"), catalog.require("m7i.large"),
                catalog.require("m7a.large")), List.of("us-east-1a", "us-east-1b"), 0, 10, 4,
                InstancesDistribution.spot(0, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED), false,
                Ec2PlacementGroup.NONE, 300_000L);
        new AutoScalingGroup(sim, config, p, view(new AdvisorSpotMarket(book, new RandomStreams(2),
                SpotPriceParameters.DEFAULT), Instant.parse("2026-01-01T00:00:00Z")), null).start();
        assertThat(launched).containsExactly("m7a.large@us-east-1a:spot", "m7a.large@us-east-1b:spot",
                "m7a.large@us-east-1a:spot", "m7a.large@us-east-1b:spot");
    }
}
