package dev.fleetsim.billing;

import static dev.fleetsim.billing.Scenario.H;
import static dev.fleetsim.billing.Scenario.S;
import static dev.fleetsim.billing.Scenario.linux;
import static dev.fleetsim.billing.Scenario.usageMs;
import static dev.fleetsim.billing.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.ClusterUsage;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.PriceBook;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RI rules (aws-rules.md item 2, E1-E3), EKS, Spot and basics. Savings Plans and Fargate: SavingsPlanBillingTest. */
final class BillingEngineTest {

    private static PriceBook book;

    @BeforeAll
    static void load() {
        book = PriceBook.loadDefault();
    }

    private static BillingEngine.Builder engine(long horizonMs) {
        return BillingEngine.builder(book).horizonMs(horizonMs);
    }

    private static ReservedInstance regional(String type, int count) {
        return ReservedInstance.regional(type, count, "us-east-1", OfferingClass.STANDARD, Term.ONE_YEAR,
                PaymentOption.NO_UPFRONT);
    }

    @Test
    void e1_oneRi_fourInstancesForAnHour_coversOneHour_restOnDemand() {
        // aws-rules.md E1: 1 m4.xlarge RI, 4 m4.xlarge for 1 h -> 1 h at the RI, 3 h On-Demand.
        Scenario sc = new Scenario().run(linux("m4.xlarge", "us-east-1a"), 4, 0, H);
        Bill bill = engine(H).add(regional("m4.xlarge", 1)).build().bill(sc.meter);
        String line = "m4.xlarge us-east-1a linux shared on-demand";
        assertThat(usageMs(bill, DiscountedUsageLineItem.class, line)).isEqualTo(H);
        assertThat(usageMs(bill, UsageLineItem.class, line)).isEqualTo(3 * H);
        // On-Demand m4.xlarge us-east-1 = 0.20: 3 h = 0.60; RI fee 0.20 x (1 - 0.3847) = 0.12306.
        assertThat(bill.byPricingModel().get("on-demand")).isEqualTo(Money.usd("0.60"));
        assertThat(bill.byPricingModel().get("reserved")).isEqualTo(Money.usd("0.12306"));
        assertThat(bill.total()).isEqualTo(Money.usd("0.72306"));
        assertThat(bill.commitments().get(0).utilization()).isEqualTo(1.0);
        // Covered usage is charged to EC2 at the RI's rate: 0.60 + 0.12306 for the type.
        assertThat(bill.byInstanceType()).containsExactly(java.util.Map.entry("m4.xlarge", Money.usd("0.72306")));
        assertThat(bill.coverage().reservedInstances()).isEqualTo(0.25); // 1 of 4 instance-hours
    }

    @Test
    void e1_fourInstancesOf900sInOneHour_areAllCovered() {
        // aws-rules.md E1: 4 x 900 s in the same clock-hour -> 1 h at the RI, nothing On-Demand.
        Scenario sc = new Scenario().run(linux("m4.xlarge", "us-east-1a"), 4, 0, 900 * S);
        Bill bill = engine(H).add(regional("m4.xlarge", 1)).build().bill(sc.meter);
        assertThat(usageMs(bill, DiscountedUsageLineItem.class, "m4.xlarge us-east-1a linux shared on-demand"))
                .isEqualTo(H);
        assertThat(bill.byPricingModel().get("on-demand")).isEqualTo(Money.ZERO);
        assertThat(bill.total()).isEqualTo(Money.usd("0.12306"));
    }

    @Test
    void e2_partialUpfrontRi_listValueOverAYear_is121_32() {
        // aws-rules.md E2: 1-yr Partial Upfront t2.small, $60 + $0.007/h -> 60 + 0.007 x 8760 = 121.32.
        ReservedInstance ri = ReservedInstance.regional("t2.small", 1, "us-east-1", OfferingClass.STANDARD,
                Term.ONE_YEAR, PaymentOption.PARTIAL_UPFRONT).withPrices(usd("60"), usd("0.007"));
        Bill bill = engine(Term.ONE_YEAR.millis()).add(ri).build().bill(new Scenario().meter);
        assertThat(bill.hours()).isEqualTo(8_760);
        assertThat(bill.unblendedTotal()).isEqualTo(Money.usd("121.32"));
        // Amortized: 60 / 8760 per hour for 8760 hours is exactly 60 again.
        assertThat(bill.total()).isEqualTo(Money.usd("121.32"));
        assertThat(bill.byDay()).hasSize(365);
        assertThat(bill.commitments().get(0).unused()).isEqualTo(Money.usd("121.32"));
        Money upfront = Money.ZERO;
        for (LineItem item : bill.lineItems()) {
            if (item instanceof UpfrontFeeLineItem fee) {
                assertThat(fee.day()).isEqualTo(bill.byDay().firstKey());
                upfront = upfront.plus(fee.upfrontFee());
            }
        }
        assertThat(upfront).isEqualTo(Money.usd("60"));
    }

    @Test
    void e3_mediumRi_coversTwoSmallsFully() {
        // aws-rules.md E3: a t2.medium RI (factor 2) fully covers 2 t2.small (factor 1).
        Scenario sc = new Scenario().run(linux("t2.small", "us-east-1b"), 2, 0, H);
        Bill bill = engine(H).add(regional("t2.medium", 1)).build().bill(sc.meter);
        assertThat(usageMs(bill, DiscountedUsageLineItem.class, "t2.small us-east-1b linux shared on-demand"))
                .isEqualTo(2 * H);
        assertThat(bill.byPricingModel().get("on-demand")).isEqualTo(Money.ZERO);
    }

    @Test
    void e3_mediumRi_coversHalfALarge() {
        // aws-rules.md E3: the same RI covers 50% of one t2.large (factor 4): 1,800 s; 1,800 s On-Demand.
        Scenario sc = new Scenario().run(linux("t2.large", "us-east-1b"), 1, 0, H);
        Bill bill = engine(H).add(regional("t2.medium", 1)).build().bill(sc.meter);
        String line = "t2.large us-east-1b linux shared on-demand";
        assertThat(usageMs(bill, DiscountedUsageLineItem.class, line)).isEqualTo(H / 2);
        assertThat(usageMs(bill, UsageLineItem.class, line)).isEqualTo(H / 2);
        // t2.large On-Demand 0.0928 x 0.5 h = 0.0464; t2.medium RI 0.0464 x 0.6153 = 0.02854992.
        assertThat(bill.total()).isEqualTo(Money.usd("0.0464").plus(Money.usd("0.02854992")));
    }

    @Test
    void e3_metalRi_coversTwo8xlarges_andTwo8xlargeRisCoverAMetal() {
        // aws-rules.md E3: i3.metal (128) = 2 i3.8xlarge (64 each), both ways.
        Scenario twoEight = new Scenario().run(linux("i3.8xlarge", "us-east-1a"), 2, 0, H);
        Bill a = engine(H).add(regional("i3.metal", 1)).build().bill(twoEight.meter);
        assertThat(a.byPricingModel().get("on-demand")).isEqualTo(Money.ZERO);
        assertThat(a.commitments().get(0).utilization()).isEqualTo(1.0);

        Scenario metal = new Scenario().run(linux("i3.metal", "us-east-1a"), 1, 0, H);
        Bill b = engine(H).add(regional("i3.8xlarge", 2)).build().bill(metal.meter);
        assertThat(b.byPricingModel().get("on-demand")).isEqualTo(Money.ZERO);
        assertThat(usageMs(b, DiscountedUsageLineItem.class, "i3.metal us-east-1a linux shared on-demand"))
                .isEqualTo(H);
    }

    @Test
    void sizeFlexibility_appliesSmallestSizeFirst_item2() {
        // t2.medium RI = 2 units per hour; t2.small (1) first: fully covered; 1 unit left = 25% of a t2.large.
        Scenario sc = new Scenario().run(linux("t2.large", "us-east-1a"), 1, 0, H)
                .run(linux("t2.small", "us-east-1a"), 1, 0, H);
        Bill bill = engine(H).add(regional("t2.medium", 1)).build().bill(sc.meter);
        assertThat(usageMs(bill, DiscountedUsageLineItem.class, "t2.small us-east-1a linux shared on-demand"))
                .isEqualTo(H);
        assertThat(usageMs(bill, DiscountedUsageLineItem.class, "t2.large us-east-1a linux shared on-demand"))
                .isEqualTo(H / 4);
    }

    @Test
    void zonalRis_applyBeforeRegionalOnes_item2() {
        // Registered regional first, zonal second: the zonal RI must still take 1a, leaving 1b to the regional.
        Scenario sc = new Scenario().run(linux("m5.large", "us-east-1a"), 1, 0, H)
                .run(linux("m5.large", "us-east-1b"), 1, 0, H);
        Bill bill = engine(H).add(regional("m5.large", 1))
                .add(ReservedInstance.zonal("m5.large", 1, "us-east-1", "us-east-1a", OfferingClass.STANDARD,
                        Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .build().bill(sc.meter);
        assertThat(bill.byPricingModel().get("on-demand")).isEqualTo(Money.ZERO);
        assertThat(bill.commitments()).extracting(CommitmentSummary::id).containsExactly("ri-1", "ri-2");
        assertThat(bill.commitments()).allSatisfy(c -> assertThat(c.utilization()).isEqualTo(1.0));
    }

    @Test
    void nonLinuxRis_areNotSizeFlexible_item2() {
        var windowsXl = new InstanceUsage("m5.xlarge", "us-east-1a", OperatingSystem.WINDOWS, Tenancy.SHARED,
                Market.ON_DEMAND);
        PriceBook withWindows = book.withOverrides(java.util.List.of(
                dev.fleetsim.pricing.RateOverride.onDemand(new dev.fleetsim.pricing.InstanceMatch("m5.xlarge",
                        OperatingSystem.WINDOWS, Tenancy.SHARED), usd("0.376")),
                dev.fleetsim.pricing.RateOverride.onDemand(new dev.fleetsim.pricing.InstanceMatch("m5.large",
                        OperatingSystem.WINDOWS, Tenancy.SHARED), usd("0.188"))));
        Scenario sc = new Scenario().run(windowsXl, 1, 0, H);
        Bill bill = BillingEngine.builder(withWindows).horizonMs(H)
                .add(regional("m5.large", 2).withPlatform(OperatingSystem.WINDOWS, Tenancy.SHARED))
                .build().bill(sc.meter);
        assertThat(bill.byPricingModel().get("on-demand")).isEqualTo(Money.usd("0.376"));
        assertThat(bill.commitments().get(0).utilization()).isEqualTo(0.0);
    }

    @Test
    void allUpfrontRi_amortizedVsUnblended() {
        // m5.large All Upfront standard 1y: e = 0.096 x (1 - 0.4257) = 0.0551328 per hour;
        // upfront = e x 8760 = 482.963328 paid at the start; amortized cost of the 1 h horizon = e.
        Scenario sc = new Scenario().run(linux("m5.large", "us-east-1a"), 1, 0, H);
        Bill bill = engine(H).add(ReservedInstance.regional("m5.large", 1, "us-east-1", OfferingClass.STANDARD,
                Term.ONE_YEAR, PaymentOption.ALL_UPFRONT)).build().bill(sc.meter);
        assertThat(bill.total()).isEqualTo(Money.usd("0.0551328"));
        assertThat(bill.unblendedTotal()).isEqualTo(Money.usd("482.963328"));
        assertThat(bill.byService().get("ec2")).isEqualTo(Money.usd("0.0551328"));
    }

    @Test
    void spot_isBilledAtTheSpotRate_andNeverCovered() {
        // m5.large Spot us-east-1: 0.096 x (1 - 0.66) = 0.03264 per hour.
        var spot = new InstanceUsage("m5.large", "us-east-1c", OperatingSystem.LINUX, Tenancy.SHARED, Market.SPOT);
        Scenario sc = new Scenario().run(spot, 1, 0, H);
        Bill bill = engine(H).add(regional("m5.large", 1)).build().bill(sc.meter);
        assertThat(bill.byPricingModel().get("spot")).isEqualTo(Money.usd("0.03264"));
        assertThat(bill.commitments().get(0).utilization()).isEqualTo(0.0);
    }

    @Test
    void spot_isBilledAtThePriceInEffectEachHour_item4() {
        // A market model's prices: 0.05 in hour 0, 0.03 in hour 1 -> 2 h of Spot cost 0.08.
        var spot = new InstanceUsage("m5.large", "us-east-1c", OperatingSystem.LINUX, Tenancy.SHARED, Market.SPOT);
        Scenario sc = new Scenario().run(spot, 1, 0, 2 * H);
        Bill bill = engine(2 * H).spotRates((pool, hour) -> hour == 0 ? usd("0.05") : usd("0.03"))
                .build().bill(sc.meter);
        assertThat(bill.byPricingModel().get("spot")).isEqualTo(Money.usd("0.08"));
    }

    @Test
    void spotInterruptedAt30Minutes_billsNothing_item4() {
        var spot = new InstanceUsage("m5.large", "us-east-1c", OperatingSystem.LINUX, Tenancy.SHARED, Market.SPOT);
        Scenario sc = new Scenario().run(spot, 3, 0, 30 * Scenario.MIN, EndCause.INTERRUPTED_BY_AWS);
        Bill bill = engine(H).build().bill(sc.meter);
        assertThat(bill.total()).isEqualTo(Money.ZERO);
        assertThat(bill.lineItems()).isEmpty();
    }

    @Test
    void eks_eachClockHourTouchedIsAClusterHour_item6() {
        // 00:10-01:30 touches 2 clock-hours: 2 x 0.10; extended support 00:10-00:50: 1 x 0.60.
        Scenario sc = new Scenario().run(new ClusterUsage("prod", false), 1, 10 * Scenario.MIN, 90 * Scenario.MIN)
                .run(new ClusterUsage("old", true), 1, 10 * Scenario.MIN, 50 * Scenario.MIN);
        Bill bill = engine(2 * H).build().bill(sc.meter);
        assertThat(bill.byService().get("eks")).isEqualTo(Money.usd("0.80"));
        assertThat(bill.byPricingModel().get("on-demand")).isEqualTo(Money.usd("0.80"));
    }

    @Test
    void commitments_inAPartialClockHour_areProrated() {
        // Start 00:30, horizon 1 h: clock-hours 0 and 1 are each half inside; a $1/h plan costs $1 in all.
        Instant start = Instant.parse("2026-01-01T00:30:00Z");
        Scenario sc = new Scenario(start);
        Bill bill = BillingEngine.builder(book).start(start).horizonMs(H)
                .add(SavingsPlan.compute("us-east-1", usd("1"), Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .build().bill(sc.meter);
        assertThat(bill.hours()).isEqualTo(2);
        assertThat(bill.total()).isEqualTo(Money.usd("1"));
        assertThat(bill.byPricingModel().get("savings-plan")).isEqualTo(Money.usd("1"));
    }

    @Test
    void openRuns_mustBeEndedFirst_andMissingRatesSurface() {
        Scenario sc = new Scenario();
        sc.meter.runStarted(1, linux("m5.large", "us-east-1a"), 0);
        assertThatThrownBy(() -> engine(H).build().bill(sc.meter)).hasMessageContaining("HORIZON");

        Scenario rhel = new Scenario().run(new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.RHEL,
                Tenancy.SHARED, Market.ON_DEMAND), 1, 0, H);
        assertThatThrownBy(() -> engine(H).build().bill(rhel.meter)).isInstanceOf(MissingRateException.class)
                .hasMessageContaining("m5.large (rhel, shared tenancy)");
    }
}
