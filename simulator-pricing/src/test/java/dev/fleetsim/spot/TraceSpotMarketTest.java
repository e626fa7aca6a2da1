package dev.fleetsim.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.BillingEngine;
import dev.fleetsim.billing.Money;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.InstanceMatch;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.RateOverride;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Replays the real DescribeSpotPriceHistory sample shipped as a test resource (see PROVENANCE.md beside it). */
final class TraceSpotMarketTest {

    private static final long H = 3_600_000L;
    private static final Instant NEW_YEAR_2026 = Instant.parse("2026-01-01T00:00:00Z");
    private static final SpotRates NO_FALLBACK = (pool, hour) -> {
        throw new AssertionError("fallback asked for " + pool);
    };

    private static SpotPriceHistory sample;
    private static PriceBook book;

    @BeforeAll
    static void load() {
        String name = "spot_price_history_sample_m5large_us-east-1_2021.csv";
        sample = SpotPriceHistory.read(new InputStreamReader(TraceSpotMarketTest.class.getResourceAsStream(name),
                StandardCharsets.UTF_8), name);
        book = PriceBook.loadDefault();
    }

    private static InstanceUsage m5(String zone) {
        return new InstanceUsage("m5.large", zone, OperatingSystem.LINUX, Tenancy.SHARED, Market.SPOT);
    }

    private static BigDecimal at(String zone, String instant) {
        return sample.priceAt("m5.large", zone, "linux", Instant.parse(instant)).orElseThrow();
    }

    @Test
    void history_readsTheWholeSample() {
        assertThat(sample.rows()).isEqualTo(250);
        assertThat(sample.earliest()).isEqualTo(Instant.parse("2021-01-08T01:06:24Z"));
        assertThat(sample.latest()).isEqualTo(Instant.parse("2021-02-09T01:40:10Z"));
        assertThat(sample.covers("m5.large", "us-east-1e", "linux")).isFalse();
    }

    @Test
    void priceAt_replaysExactValuesAtExactTimes() {
        // Rows: us-east-1a 2021-01-08T21:51:23 0.040700, then 2021-01-09T03:55:58 0.040800.
        assertThat(at("us-east-1a", "2021-01-08T21:51:23Z")).isEqualTo("0.040700");
        assertThat(at("us-east-1a", "2021-01-09T03:55:57.999Z")).isEqualTo("0.040700");
        assertThat(at("us-east-1a", "2021-01-09T03:55:58Z")).isEqualTo("0.040800");
        // us-east-1d's first row, 2021-01-08T01:06:24 0.042500, also holds before it.
        assertThat(at("us-east-1d", "2021-01-08T01:06:24Z")).isEqualTo("0.042500");
        assertThat(at("us-east-1d", "2021-01-01T00:00:00Z")).isEqualTo("0.042500");
        // The last row, us-east-1f 2021-02-09T01:40:10 0.043700, holds after the history ends.
        assertThat(at("us-east-1f", "2021-03-01T00:00:00Z")).isEqualTo("0.043700");
    }

    @Test
    void shiftToStartDay_mapsTheFirstDayOfTheHistoryOntoTheScenarioStartDay() {
        TraceSpotMarket m = new TraceSpotMarket(sample, NEW_YEAR_2026, TraceAlignment.SHIFT_TO_START_DAY, book,
                NO_FALLBACK);
        // 2021-01-08 -> 2026-01-01: hour h pays the price at 2021-01-08T00:00Z + h hours.
        assertThat(m.historyInstantOfHour(27)).isEqualTo(Instant.parse("2021-01-09T03:00:00Z"));
        assertThat(m.usdPerHour(m5("us-east-1a"), 27)).isEqualTo("0.040700");
        assertThat(m.usdPerHour(m5("us-east-1a"), 28)).isEqualTo("0.040800");
        assertThat(m.historyInstantAt(27 * H + 3_358_000L)).isEqualTo(Instant.parse("2021-01-09T03:55:58Z"));
    }

    @Test
    void absolute_usesTheHistorysOwnDates() {
        TraceSpotMarket m = new TraceSpotMarket(sample, Instant.parse("2021-01-09T00:00:00Z"), TraceAlignment.ABSOLUTE,
                book, NO_FALLBACK);
        assertThat(m.shiftMs()).isZero();
        assertThat(m.usdPerHour(m5("us-east-1a"), 3)).isEqualTo("0.040700");
        assertThat(m.usdPerHour(m5("us-east-1a"), 4)).isEqualTo("0.040800");
    }

    @Test
    void startOffTheHour_hourZeroPaysThePriceAtTheStart() {
        TraceSpotMarket m = new TraceSpotMarket(sample, Instant.parse("2021-01-09T03:56:00Z"), TraceAlignment.ABSOLUTE,
                book, NO_FALLBACK);
        // Hour 0 is 03:00-04:00 but the scenario starts at 03:56, after the 03:55:58 change.
        assertThat(m.usdPerHour(m5("us-east-1a"), 0)).isEqualTo("0.040800");
    }

    @Test
    void uncoveredPoolsAndLicensedLinux_useTheFallback_andAFixedRateWins() {
        SpotRates fallback = (pool, hour) -> new BigDecimal("0.5");
        TraceSpotMarket m = new TraceSpotMarket(sample, NEW_YEAR_2026, TraceAlignment.SHIFT_TO_START_DAY, book,
                fallback);
        assertThat(m.usdPerHour(m5("us-east-1e"), 0)).isEqualTo("0.5");
        assertThat(m.usdPerHour(new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.RHEL, Tenancy.SHARED,
                Market.SPOT), 0)).isEqualTo("0.5");
        PriceBook fixed = book.withOverrides(List.of(new RateOverride(
                new InstanceMatch("m5.large", OperatingSystem.LINUX, Tenancy.SHARED), null, null, null, null,
                new BigDecimal("0.02"))));
        assertThat(new TraceSpotMarket(sample, NEW_YEAR_2026, TraceAlignment.SHIFT_TO_START_DAY, fixed, fallback)
                .usdPerHour(m5("us-east-1a"), 27)).isEqualTo("0.02");
    }

    @Test
    void bill_chargesThePriceInEffectEachClockHour_awsRulesItem4() {
        TraceSpotMarket m = new TraceSpotMarket(sample, NEW_YEAR_2026, TraceAlignment.SHIFT_TO_START_DAY, book,
                NO_FALLBACK);
        UsageMeter meter = UsageMeter.startingAt(NEW_YEAR_2026);
        meter.runStarted(1, m5("us-east-1a"), 27 * H);
        meter.runEnded(1, 29 * H, EndCause.STOPPED);
        Bill bill = BillingEngine.builder(book).start(NEW_YEAR_2026).horizonMs(29 * H).spotRates(m).build()
                .bill(meter);
        // 1 h at 0.040700 (03:00-04:00 in the history) + 1 h at 0.040800 (04:00-05:00)
        assertThat(bill.byPricingModel().get("spot")).isEqualTo(Money.usd("0.0815"));
    }

    @Test
    void read_rejectsBadFilesWithLineNumbers() {
        assertThatThrownBy(() -> SpotPriceHistory.read(new StringReader("timestamp,type\n"), "p.csv"))
                .hasMessageContaining("no column 'availability_zone'");
        String header = "timestamp,availability_zone,type,spot_price_usd_per_hour\n";
        assertThatThrownBy(() -> SpotPriceHistory.read(new StringReader(header + "yesterday,a,m5.large,0.1\n"), "p.csv"))
                .hasMessageContaining("p.csv line 2").hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> SpotPriceHistory.read(new StringReader(header
                + "2021-01-08T01:06:24+00:00,a,m5.large,-0.1\n"), "p.csv")).hasMessageContaining("must be > 0");
        assertThatThrownBy(() -> SpotPriceHistory.read(new StringReader(header), "p.csv"))
                .hasMessageContaining("no Linux/UNIX or Windows price rows");
    }

    @Test
    void read_skipsSuseAndRedHatSeries() {
        String csv = "timestamp,availability_zone,type,product_description,spot_price_usd_per_hour\n"
                + "2021-01-08T00:00:00+00:00,a,m5.large,SUSE Linux,0.9\n"
                + "2021-01-08T00:00:00+00:00,a,m5.large,Linux/UNIX (Amazon VPC),0.03\n"
                + "2021-01-08T00:00:00+00:00,a,m5.large,Windows,0.07\n";
        SpotPriceHistory h = SpotPriceHistory.read(new StringReader(csv), "p.csv");
        assertThat(h.rows()).isEqualTo(2);
        assertThat(h.priceAt("m5.large", "a", "linux", Instant.parse("2021-01-09T00:00:00Z"))).contains(
                new BigDecimal("0.030000"));
        assertThat(h.priceAt("m5.large", "a", "windows", Instant.parse("2021-01-09T00:00:00Z"))).contains(
                new BigDecimal("0.070000"));
    }
}
