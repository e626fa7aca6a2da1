package dev.fleetsim.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class PriceBookTest {

    private static PriceBook book;

    @BeforeAll
    static void load() {
        book = PriceBook.loadDefault();
    }

    @Test
    void onDemand_linuxShared_fromTheTable() {
        assertThat(book.onDemandUsdPerHour("m5.large", "us-east-1", OperatingSystem.LINUX, Tenancy.SHARED))
                .isEqualByComparingTo("0.096");
    }

    @Test
    void onDemand_windows_withoutOverride_isAClearMissingRate() {
        assertThatThrownBy(() -> book.onDemandUsdPerHour("m5.large", "us-east-1", OperatingSystem.WINDOWS,
                Tenancy.SHARED))
                .isInstanceOf(MissingRateException.class)
                .hasMessageContaining("m5.large")
                .hasMessageContaining("windows")
                .hasMessageContaining("shared")
                .hasMessageContaining("pricing.rates")
                .satisfies(e -> assertThat(((MissingRateException) e).match())
                        .isEqualTo(new InstanceMatch("m5.large", OperatingSystem.WINDOWS, Tenancy.SHARED)));
        assertThatThrownBy(() -> book.onDemandUsdPerHour("m5.large", "us-east-1", OperatingSystem.LINUX,
                Tenancy.DEDICATED)).isInstanceOf(MissingRateException.class).hasMessageContaining("dedicated");
        assertThatThrownBy(() -> book.onDemandUsdPerHour("m5.lrage", "us-east-1", OperatingSystem.LINUX,
                Tenancy.SHARED)).isInstanceOf(MissingRateException.class).hasMessageContaining("m5.lrage");
    }

    @Test
    void overrides_win_andFillGaps() {
        PriceBook withRates = book.withOverrides(List.of(new RateOverride(
                new InstanceMatch("r5.4xlarge", OperatingSystem.LINUX, Tenancy.SHARED), new BigDecimal("1.00"),
                new BigDecimal("0.70"), new BigDecimal("0.60"), new BigDecimal("0.55"), new BigDecimal("0.40")),
                RateOverride.onDemand(new InstanceMatch("m5.24xlarge", OperatingSystem.WINDOWS, Tenancy.DEDICATED),
                        new BigDecimal("10.00"))));
        assertThat(withRates.onDemandUsdPerHour("r5.4xlarge", "us-east-1", OperatingSystem.LINUX, Tenancy.SHARED))
                .isEqualByComparingTo("1.00");
        assertThat(withRates.savingsPlanUsdPerHour(SavingsPlanKind.COMPUTE, "r5.4xlarge", "us-east-1",
                OperatingSystem.LINUX, Tenancy.SHARED, Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .isEqualByComparingTo("0.70");
        assertThat(withRates.reservedUsdPerHour("r5.4xlarge", "us-east-1", OperatingSystem.LINUX, Tenancy.SHARED,
                OfferingClass.CONVERTIBLE, Term.THREE_YEAR, PaymentOption.ALL_UPFRONT)).isEqualByComparingTo("0.55");
        assertThat(withRates.spotUsdPerHour("r5.4xlarge", "us-east-1", OperatingSystem.LINUX, Tenancy.SHARED))
                .isEqualByComparingTo("0.40");
        // Only On-Demand given: the EC2 Instance SP default is derived from it, 10.00 x (1 - 0.3847) = 6.153.
        assertThat(withRates.savingsPlanUsdPerHour(SavingsPlanKind.EC2_INSTANCE, "m5.24xlarge", "us-east-1",
                OperatingSystem.WINDOWS, Tenancy.DEDICATED, Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .isEqualByComparingTo("6.153");
    }

    @Test
    void duplicateOverrides_areRejected() {
        InstanceMatch m = new InstanceMatch("m5.large", OperatingSystem.LINUX, Tenancy.SHARED);
        assertThatThrownBy(() -> book.withOverrides(List.of(RateOverride.onDemand(m, BigDecimal.ONE),
                RateOverride.onDemand(m, BigDecimal.TEN)))).hasMessageContaining("two pricing.rates entries");
    }

    @Test
    void defaults_riAndSavingsPlanRates_areDiscountedOnDemand_specSection4() {
        // m5.large us-east-1 On-Demand 0.096; standard 1y No Upfront 38.47% -> 0.096 x 0.6153 = 0.0590688
        assertThat(book.reservedUsdPerHour("m5.large", "us-east-1", OperatingSystem.LINUX, Tenancy.SHARED,
                OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT)).isEqualByComparingTo("0.0590688");
        // EC2 Instance SP = standard RI: same 0.0590688
        assertThat(book.savingsPlanUsdPerHour(SavingsPlanKind.EC2_INSTANCE, "m5.large", "us-east-1",
                OperatingSystem.LINUX, Tenancy.SHARED, Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .isEqualByComparingTo("0.0590688");
        // Compute SP = convertible 1y No Upfront 26.08%: 0.096 x 0.7392 = 0.0709632
        assertThat(book.savingsPlanUsdPerHour(SavingsPlanKind.COMPUTE, "m5.large", "us-east-1",
                OperatingSystem.LINUX, Tenancy.SHARED, Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .isEqualByComparingTo("0.0709632");
    }

    @Test
    void spot_default_isOnDemandLessAdvisorSavings() {
        // m5.large us-east-1: 0.096 x (1 - 0.66) = 0.03264
        assertThat(book.spotUsdPerHour("m5.large", "us-east-1", OperatingSystem.LINUX, Tenancy.SHARED))
                .isEqualByComparingTo("0.03264");
    }

    @Test
    void fargate_spotAndSavingsPlanDefaults() {
        // 0.04048 x (1 - 0.70) = 0.012144; Compute SP 1y: 0.04048 x 0.80 = 0.032384
        assertThat(book.fargateSpotUsdPerHour("us-east-1", FargateArch.X86_64, OperatingSystem.LINUX,
                FargateUnit.VCPU_HOUR)).isEqualByComparingTo("0.012144");
        assertThat(book.fargateComputeSavingsPlanUsdPerHour("us-east-1", FargateArch.X86_64, OperatingSystem.LINUX,
                FargateUnit.VCPU_HOUR, Term.ONE_YEAR, PaymentOption.NO_UPFRONT))
                .hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.032384"));
        assertThat(book.fargateComputeSavingsPlanUsdPerHour("us-east-1", FargateArch.X86_64, OperatingSystem.LINUX,
                FargateUnit.EPHEMERAL_GB_HOUR, Term.ONE_YEAR, PaymentOption.NO_UPFRONT)).isEmpty();
        assertThatThrownBy(() -> book.fargateOnDemandUsdPerHour("eu-west-1", FargateArch.X86_64,
                OperatingSystem.LINUX, FargateUnit.VCPU_HOUR))
                .isInstanceOf(MissingRateException.class)
                .hasMessageContaining("service: fargate, arch: x86_64, unit: vcpu-hour");
    }
}
