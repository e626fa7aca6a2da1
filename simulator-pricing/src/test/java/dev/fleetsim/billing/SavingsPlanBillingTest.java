package dev.fleetsim.billing;

import static dev.fleetsim.billing.Scenario.H;
import static dev.fleetsim.billing.Scenario.S;
import static dev.fleetsim.billing.Scenario.linux;
import static dev.fleetsim.billing.Scenario.usageMs;
import static dev.fleetsim.billing.Scenario.usd;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.pricing.FargateArch;
import dev.fleetsim.pricing.FargateMatch;
import dev.fleetsim.pricing.FargateUnit;
import dev.fleetsim.pricing.InstanceMatch;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.RateOverride;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Savings Plans (aws-rules.md item 3, E11, SPEC section 7) and Fargate (item 5, E12). */
final class SavingsPlanBillingTest {

    private static PriceBook defaults;
    private static PriceBook e11;

    private static final InstanceUsage R5 = linux("r5.4xlarge", "us-east-1a");
    private static final InstanceUsage M5_WINDOWS_DEDICATED = new InstanceUsage("m5.24xlarge", "us-east-1a",
            OperatingSystem.WINDOWS, Tenancy.DEDICATED, Market.ON_DEMAND);
    /** 100 tasks of 4 vCPU / 16 GB for an hour = 400 vCPU-hours + 1,600 GB-hours (E11's Fargate usage). */
    private static final FargateUsage TASK = new FargateUsage(false, OperatingSystem.LINUX, 4096, 16384, 20, false);

    @BeforeAll
    static void load() {
        defaults = PriceBook.loadDefault();
        // aws-rules.md E11 rates (OD / Compute SP / EC2 Instance SP).
        e11 = defaults.withOverrides(List.of(
                new RateOverride(new InstanceMatch("r5.4xlarge", OperatingSystem.LINUX, Tenancy.SHARED),
                        usd("1.00"), usd("0.70"), usd("0.60"), null, null),
                new RateOverride(new InstanceMatch("m5.24xlarge", OperatingSystem.WINDOWS, Tenancy.DEDICATED),
                        usd("10.00"), usd("8.20"), usd("7.80"), null, null),
                new RateOverride(new FargateMatch(FargateArch.X86_64, FargateUnit.VCPU_HOUR),
                        usd("0.04"), usd("0.03"), null, null, null),
                new RateOverride(new FargateMatch(FargateArch.X86_64, FargateUnit.GB_HOUR),
                        usd("0.004"), usd("0.003"), null, null, null)));
    }

    /** E11's hour without Lambda: 4 r5.4xlarge, 1 m5.24xlarge Windows dedicated, 400 vCPU + 1,600 GB Fargate. */
    private static Scenario e11Usage() {
        return new Scenario().run(R5, 4, 0, H).run(M5_WINDOWS_DEDICATED, 1, 0, H).run(TASK, 100, 0, H);
    }

    private static Bill e11Bill(String commitment) {
        return BillingEngine.builder(e11).horizonMs(H)
                .add(SavingsPlan.compute("us-east-1", usd(commitment), Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .build().bill(e11Usage().meter);
    }

    @Test
    void e11_withoutLambda_onDemandTotal() {
        // E11's On-Demand total $59.10 includes Lambda: 1.5M GB-s x 0.000015 = 22.50 and 1M requests 0.20.
        // Without it: 4 x 1.00 + 10.00 + 400 x 0.04 + 1,600 x 0.004 = 4 + 10 + 16 + 6.4 = 36.40 = 59.10 - 22.70.
        Bill bill = BillingEngine.builder(e11).horizonMs(H).build().bill(e11Usage().meter);
        assertThat(bill.total()).isEqualTo(Money.usd("36.40"));
    }

    @Test
    void e11_s1_fiftyDollarPlan_coversEverything() {
        // E11 S1: everything at SP rates, $47.13 with Lambda (19.125 + 0.20). Without Lambda the usage at SP rates
        // is 4 x 0.70 + 8.20 + 400 x 0.03 + 1,600 x 0.003 = 2.80 + 8.20 + 12.00 + 4.80 = 27.80 = 47.125 - 19.325.
        // The bill is the $50 commitment; 50 - 27.80 = 22.20 unused.
        Bill bill = e11Bill("50");
        assertThat(bill.total()).isEqualTo(Money.usd("50"));
        assertThat(bill.byService()).containsExactly(
                Map.entry("ec2", Money.usd("11.00")), Map.entry("fargate", Money.usd("16.80")),
                Map.entry("eks", Money.ZERO), Map.entry("unused-commitment", Money.usd("22.20")));
        assertThat(bill.byPricingModel()).containsExactly(
                Map.entry("on-demand", Money.ZERO), Map.entry("spot", Money.ZERO),
                Map.entry("reserved", Money.ZERO), Map.entry("savings-plan", Money.usd("50")));
        CommitmentSummary sp = bill.commitments().get(0);
        assertThat(sp.used()).isEqualTo(Money.usd("27.80"));
        assertThat(sp.utilization()).isEqualTo(0.556); // 27.80 / 50
        assertThat(bill.coverage().total()).isEqualTo(1.0);
    }

    @Test
    void e11_s2_twoDollarPlan_coversAbout2point9R5Units() {
        // E11 S2: $2 at 0.70 (r5, 30%, the highest discount) buys floor(2 x 3,600,000 / 0.70) = 10,285,714 ms
        // (~2.857 h); the remaining 0.2 dollar-ms/h buys 4 ms of the Fargate GB line (25%, rate 16 x 0.003 =
        // 0.048 per task-hour, lower than the vCPU line's 0.12). r5 On-Demand: 14,400,000 - 10,285,714 =
        // 4,114,286 ms = $1.1428572 ("1.1 units = $1.14"). Without Lambda the other usage is 55.10 - 22.70 =
        // 32.40 On-Demand (less 4 ms of GB). Total ~ 2 + 1.142857 + 32.40 = 35.54.
        Bill bill = e11Bill("2");
        assertThat(usageMs(bill, SavingsPlanCoveredUsageLineItem.class, "r5.4xlarge us-east-1a linux shared on-demand"))
                .isEqualTo(10_285_714L);
        assertThat(usageMs(bill, UsageLineItem.class, "r5.4xlarge us-east-1a linux shared on-demand"))
                .isEqualTo(4_114_286L);
        RoundedBill rounded = bill.rounded();
        assertThat(rounded.total()).isEqualByComparingTo("35.54");
        assertThat(rounded.byPricingModel().get("on-demand")).isEqualByComparingTo("33.54");
        assertThat(rounded.byPricingModel().get("savings-plan")).isEqualByComparingTo("2.00");
        // Spent: 10,285,714 x 0.70 + 4 x 0.048 = 7,199,999.992 of 7,200,000 dollar-ms/h.
        assertThat(bill.commitments().get(0).used())
                .isEqualTo(Money.ofUsdMs(new BigDecimal("7199999.992")));
    }

    @Test
    void specSection7_example_1960Plan() {
        // SPEC section 7 JSON: r5 (30%) 4 x 0.70 = 2.80, then Fargate (25%) 12.00 + 4.80 = 16.80, total 19.60 used;
        // m5.24xlarge (18%) stays On-Demand at 10.00. total 29.60, ec2 12.80, fargate 16.80.
        Bill bill = e11Bill("19.60");
        RoundedBill r = bill.rounded();
        assertThat(r.total()).isEqualByComparingTo("29.60");
        assertThat(r.unblendedTotal()).isEqualByComparingTo("29.60");
        assertThat(r.byService()).containsExactly(Map.entry("ec2", new BigDecimal("12.80")),
                Map.entry("fargate", new BigDecimal("16.80")), Map.entry("eks", new BigDecimal("0.00")),
                Map.entry("unused-commitment", new BigDecimal("0.00")));
        assertThat(r.byPricingModel()).containsExactly(Map.entry("on-demand", new BigDecimal("10.00")),
                Map.entry("spot", new BigDecimal("0.00")), Map.entry("reserved", new BigDecimal("0.00")),
                Map.entry("savings-plan", new BigDecimal("19.60")));
        assertThat(r.commitments()).containsExactly(
                new RoundedBill.Commitment("sp-1", "savings-plan", 1.0, new BigDecimal("0.00")));
    }

    @Test
    void ec2InstancePlans_applyBeforeComputePlans_item3() {
        // EC2 Instance SP (r5 family, $1.20 at 0.60 = 2 r5 hours) registered after a $2.80 Compute SP: it still
        // goes first, so Compute covers the other 2 r5 hours (1.40) and has 1.40 left for the m5 (8.20/h):
        // 1.40 x 3,600,000 / 8.20 = 614,634.1 -> 614,634 ms.
        Bill bill = BillingEngine.builder(e11).horizonMs(H)
                .add(SavingsPlan.compute("us-east-1", usd("2.80"), Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .add(SavingsPlan.ec2Instance("r5", "us-east-1", usd("1.20"), Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .build().bill(new Scenario().run(R5, 4, 0, H).run(M5_WINDOWS_DEDICATED, 1, 0, H).meter);
        long ec2SpR5 = 0;
        long computeR5 = 0;
        long computeM5 = 0;
        for (LineItem item : bill.lineItems()) {
            if (item instanceof SavingsPlanCoveredUsageLineItem c) {
                if (c.commitmentId().equals("sp-2")) {
                    ec2SpR5 += c.usageMs();
                } else if (c.line().instanceType().equals("r5.4xlarge")) {
                    computeR5 += c.usageMs();
                } else {
                    computeM5 += c.usageMs();
                }
            }
        }
        assertThat(ec2SpR5).isEqualTo(2 * H);
        assertThat(computeR5).isEqualTo(2 * H);
        assertThat(computeM5).isEqualTo(614_634L);
    }

    @Test
    void e12_fargateTasks_perComponentAndTotal() {
        // aws-rules.md E12: 5 tasks x 600 s x 30 days, 1 vCPU / 2 GB / 30 GB, x86, us-east-1 -> 25 task-hours:
        // vCPU 25 x 0.04048 = 1.012 ($1.01); memory 25 x 2 x 0.004445 = 0.22225 ($0.22);
        // storage 25 x (30 - 20) x 0.000111 = 0.02775 ($0.03); total 1.262 ($1.26).
        FargateUsage task = new FargateUsage(false, OperatingSystem.LINUX, 1024, 2048, 30, false);
        Scenario sc = new Scenario();
        for (int day = 0; day < 30; day++) {
            long t = day * 24 * H;
            sc.run(task, 5, t, t + 600 * S);
        }
        Bill bill = BillingEngine.builder(defaults).horizonMs(30 * 24 * H).build().bill(sc.meter);
        Money vcpu = Money.ZERO;
        Money memory = Money.ZERO;
        Money storage = Money.ZERO;
        for (LineItem item : bill.lineItems()) {
            UsageLineItem u = (UsageLineItem) item;
            switch (u.line().component()) {
                case VCPU -> vcpu = vcpu.plus(u.cost());
                case MEMORY -> memory = memory.plus(u.cost());
                case EPHEMERAL_STORAGE -> storage = storage.plus(u.cost());
                default -> throw new AssertionError(u);
            }
        }
        assertThat(vcpu).isEqualTo(Money.usd("1.012"));
        assertThat(memory).isEqualTo(Money.usd("0.22225"));
        assertThat(storage).isEqualTo(Money.usd("0.02775"));
        assertThat(vcpu.toUsd(2)).isEqualByComparingTo("1.01");
        assertThat(memory.toUsd(2)).isEqualByComparingTo("0.22");
        assertThat(storage.toUsd(2)).isEqualByComparingTo("0.03");
        assertThat(bill.total()).isEqualTo(Money.usd("1.262"));
        assertThat(bill.rounded().total()).isEqualByComparingTo("1.26");
        assertThat(bill.rounded().byService().get("fargate")).isEqualByComparingTo("1.26");
        assertThat(bill.byDay()).hasSize(30);
    }

    @Test
    void fargateSpot_isDiscounted_andNotCoveredByPlans() {
        // 1 vCPU / 2 GB Fargate Spot for 1 h: (0.04048 + 2 x 0.004445) x 0.30 = 0.049370 x 0.3 = 0.014811.
        FargateUsage spot = new FargateUsage(false, OperatingSystem.LINUX, 1024, 2048, 20, true);
        Bill bill = BillingEngine.builder(defaults).horizonMs(H)
                .add(SavingsPlan.compute("us-east-1", usd("1"), Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .build().bill(new Scenario().run(spot, 1, 0, H).meter);
        assertThat(bill.byPricingModel().get("spot")).isEqualTo(Money.usd("0.014811"));
        assertThat(bill.commitments().get(0).used()).isEqualTo(Money.ZERO);
    }

    @Test
    void tiesInDiscount_goToTheLowerSavingsPlanRate_item3() {
        // Default rates: every m5 size has the same Compute SP discount (26.08%); ties go to the lower SP rate:
        // m5.large (0.096 x 0.7392 = 0.0709632) before m5.xlarge (0.1419264). A plan of exactly 0.0709632
        // covers the m5.large hour and nothing of the m5.xlarge.
        Bill bill = BillingEngine.builder(defaults).horizonMs(H)
                .add(SavingsPlan.compute("us-east-1", usd("0.0709632"), Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .build().bill(new Scenario().run(linux("m5.xlarge", "us-east-1a"), 1, 0, H)
                        .run(linux("m5.large", "us-east-1b"), 1, 0, H).meter);
        assertThat(usageMs(bill, SavingsPlanCoveredUsageLineItem.class, "m5.large us-east-1b linux shared on-demand"))
                .isEqualTo(H);
        assertThat(usageMs(bill, SavingsPlanCoveredUsageLineItem.class,
                "m5.xlarge us-east-1a linux shared on-demand")).isZero();
        assertThat(bill.commitments().get(0).utilization()).isEqualTo(1.0);
    }
}
