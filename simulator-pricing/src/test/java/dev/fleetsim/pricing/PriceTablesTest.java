package dev.fleetsim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.OperatingSystem;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Expected values are read off the shared data files (/work/shared/data/aws), not off the program. */
final class PriceTablesTest {

    @Test
    void onDemand_usEast1_comesFromThe2026File_withDateAndSource() {
        OnDemandPriceTable table = OnDemandPriceTable.loadDefault();
        // ondemand_prices.csv: m5.large,us-east-1,linux,0.096000,...,2026-07-20,karpenter ...@6fc13b5236fd
        OnDemandPrice p = table.find("m5.large", "us-east-1").orElseThrow();
        assertThat(p.usdPerHour()).isEqualByComparingTo("0.096");
        assertThat(p.asOf()).isEqualTo("2026-07-20");
        assertThat(p.source()).isEqualTo("karpenter-pricing-aws@6fc13b5236fd");
        // 15 us-east-1 prices changed between the files; the newer one wins (VALIDATION.md: c6g.metal 2.176 -> 2.3066).
        assertThat(table.find("c6g.metal", "us-east-1").orElseThrow().usdPerHour()).isEqualByComparingTo("2.3066");
    }

    @Test
    void onDemand_otherRegions_comeFromThe2024Snapshot_andCnyIsDropped() {
        OnDemandPriceTable table = OnDemandPriceTable.loadDefault();
        // ondemand_prices_multiregion_2024-04.csv: c5.large,eu-west-1,linux,0.096,2024-04-04(commit date)
        OnDemandPrice p = table.find("c5.large", "eu-west-1").orElseThrow();
        assertThat(p.usdPerHour()).isEqualByComparingTo("0.096");
        assertThat(p.asOf()).isEqualTo("2024-04-04");
        assertThat(p.source()).isEqualTo("ec2instances-pr735@a19cd859f059");
        // us-gov-west-1 from the 2026 file: c5.large 0.102000
        assertThat(table.find("c5.large", "us-gov-west-1").orElseThrow().asOf()).isEqualTo("2026-07-20");
        assertThat(table.regions()).doesNotContain("cn-north-1").contains("us-east-1", "eu-west-1");
        // 2,686 USD rows of ondemand_prices.csv + 12,124 distinct (type, region) pairs of the snapshot outside
        // us-east-1 and us-gov (counted with awk/sort -u on the shared files)
        assertThat(table.size()).isEqualTo(14_810);
    }

    @Test
    void spotAdvisor_hasSavingsAndBucket_andMapsRhelToLinux() {
        SpotAdvisorTable table = SpotAdvisorTable.loadDefault();
        // spot_advisor.csv: us-east-1,linux,m5.large,66,3,15-20%,22
        SpotAdvisorEntry e = table.find("us-east-1", OperatingSystem.LINUX, "m5.large").orElseThrow();
        assertThat(e.savingsPct()).isEqualByComparingTo("66");
        assertThat(e.bucket()).isEqualTo(3);
        assertThat(table.find("us-east-1", OperatingSystem.RHEL, "m5.large")).contains(e);
        assertThat(table.buckets()).extracting(SpotAdvisorBucket::label)
                .containsExactly("<5%", "5-10%", "10-15%", "15-20%", ">20%");
        assertThat(table.size()).isEqualTo(25_323);
        // The one negative row is kept: ca-central-1,linux,p5.48xlarge,-62
        assertThat(table.find("ca-central-1", OperatingSystem.LINUX, "p5.48xlarge").orElseThrow().savingsPct())
                .isEqualByComparingTo("-62");
    }

    @Test
    void fargateAndEks_pricesFromTheSharedFile() {
        FargatePrices prices = FargatePrices.loadDefault();
        // fargate_eks_prices.csv
        assertThat(prices.onDemandUsdPerHour("us-east-1", FargateArch.X86_64, OperatingSystem.LINUX,
                FargateUnit.VCPU_HOUR)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.04048"));
        assertThat(prices.onDemandUsdPerHour("us-east-1", FargateArch.ARM64, OperatingSystem.LINUX,
                FargateUnit.GB_HOUR)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.00356"));
        assertThat(prices.onDemandUsdPerHour("us-east-1", FargateArch.X86_64, OperatingSystem.LINUX,
                FargateUnit.EPHEMERAL_GB_HOUR)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.000111"));
        assertThat(prices.onDemandUsdPerHour("us-east-1", FargateArch.X86_64, OperatingSystem.WINDOWS,
                FargateUnit.OS_LICENSE_VCPU_HOUR)).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.046"));
        assertThat(prices.onDemandUsdPerHour("eu-west-1", FargateArch.X86_64, OperatingSystem.LINUX,
                FargateUnit.VCPU_HOUR)).isEmpty();
        assertThat(prices.eksControlPlaneUsdPerHour(false)).isEqualByComparingTo("0.10");
        assertThat(prices.eksControlPlaneUsdPerHour(true)).isEqualByComparingTo("0.60");
        assertThat(prices.spotDiscountPct()).isEqualByComparingTo("70");
        assertThat(prices.computeSavingsPlanDiscountPct(Term.THREE_YEAR)).isEqualByComparingTo("45");
    }

    @Test
    void riDiscounts_byClassTermPayment_withUsEast1Fallback() {
        ReservedDiscountTable table = ReservedDiscountTable.loadDefault();
        // ri_discount_sample_x2iedn32xlarge.csv, us-east-1 rows
        assertThat(table.discountPct("us-east-1", OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .isEqualByComparingTo("38.47");
        assertThat(table.discountPct("us-east-1", OfferingClass.CONVERTIBLE, Term.THREE_YEAR,
                PaymentOption.ALL_UPFRONT)).isEqualByComparingTo("65.01");
        assertThat(table.hasRegion("eu-west-1")).isTrue();
        assertThat(table.hasRegion("me-south-1")).isFalse();
        assertThat(table.discountPct("me-south-1", OfferingClass.STANDARD, Term.THREE_YEAR,
                PaymentOption.PARTIAL_UPFRONT)).isEqualTo(new BigDecimal("70.3"));
    }
}
