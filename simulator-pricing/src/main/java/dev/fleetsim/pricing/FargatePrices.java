package dev.fleetsim.pricing;

import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.OperatingSystem;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Fargate and EKS control-plane prices from {@code fargate-eks.csv} (aws-rules.md items 5 and 6; sources in
 * PROVENANCE.md). Fargate prices exist for us-east-1 only; the discounts and the EKS prices apply in every region.
 */
public final class FargatePrices {

    private static final String[] HEADER = {"service", "region", "arch", "os", "unit", "value", "as_of", "source"};

    private final Map<String, BigDecimal> fargateRates;
    private final BigDecimal spotDiscountPct;
    private final BigDecimal computeSp1yDiscountPct;
    private final BigDecimal computeSp3yDiscountPct;
    private final BigDecimal eksStandardUsdPerHour;
    private final BigDecimal eksExtendedUsdPerHour;

    private FargatePrices(Map<String, BigDecimal> fargateRates, Map<String, BigDecimal> scalars) {
        this.fargateRates = fargateRates;
        this.spotDiscountPct = require(scalars, "spot_discount_pct");
        this.computeSp1yDiscountPct = require(scalars, "compute_savings_plan_discount_pct_1y");
        this.computeSp3yDiscountPct = require(scalars, "compute_savings_plan_discount_pct_3y");
        this.eksStandardUsdPerHour = require(scalars, "per_cluster_hour_standard_support");
        this.eksExtendedUsdPerHour = require(scalars, "per_cluster_hour_extended_support");
    }

    public static FargatePrices loadDefault() {
        Map<String, BigDecimal> rates = new HashMap<>();
        Map<String, BigDecimal> scalars = new HashMap<>();
        PriceCsv.read("fargate-eks.csv", HEADER, f -> {
            String service = f[0];
            String unit = f[4];
            BigDecimal value = new BigDecimal(f[5]);
            if (service.equals("eks_control_plane") || unit.endsWith("_pct") || unit.contains("_pct_")) {
                scalars.put(unit, value);
                return;
            }
            FargateUnit u = switch (unit) {
                case "per_vcpu_hour" -> FargateUnit.VCPU_HOUR;
                case "per_gb_hour" -> FargateUnit.GB_HOUR;
                case "ephemeral_storage_per_gb_hour_above_20gb" -> FargateUnit.EPHEMERAL_GB_HOUR;
                case "per_vcpu_hour_os_license_fee" -> FargateUnit.OS_LICENSE_VCPU_HOUR;
                default -> throw new IllegalStateException("fargate-eks.csv: unknown unit " + unit);
            };
            rates.put(key(f[1], f[2], f[3], u), value);
        });
        return new FargatePrices(rates, scalars);
    }

    /**
     * The On-Demand rate per unit-hour, if the data has one. Ephemeral storage is priced per region only; the
     * Linux OS licence fee is zero.
     */
    public Optional<BigDecimal> onDemandUsdPerHour(String region, FargateArch arch, OperatingSystem os,
                                                   FargateUnit unit) {
        if (os == OperatingSystem.WINDOWS && arch == FargateArch.ARM64) {
            return Optional.empty(); // Windows on Fargate runs on x86_64 only
        }
        return switch (unit) {
            case EPHEMERAL_GB_HOUR -> Optional.ofNullable(fargateRates.get(key(region, "", "", unit)));
            case OS_LICENSE_VCPU_HOUR -> os == OperatingSystem.WINDOWS
                    ? Optional.ofNullable(fargateRates.get(key(region, arch.key(), "windows", unit)))
                    : Optional.of(BigDecimal.ZERO);
            case VCPU_HOUR, GB_HOUR -> Optional.ofNullable(fargateRates.get(key(region, arch.key(), platform(os),
                    unit)));
        };
    }

    /** Fargate Spot discount off vCPU and memory: 70%, the published "up to 70%" (see PROVENANCE.md). */
    public BigDecimal spotDiscountPct() {
        return spotDiscountPct;
    }

    /** Typical Compute Savings Plan discount on Fargate: 20% for 1 year, 45% for 3 years (see PROVENANCE.md). */
    public BigDecimal computeSavingsPlanDiscountPct(Term term) {
        return term == Term.ONE_YEAR ? computeSp1yDiscountPct : computeSp3yDiscountPct;
    }

    /** EKS control plane per cluster-hour: $0.10 standard support, $0.60 extended support (aws-rules.md item 6). */
    public BigDecimal eksControlPlaneUsdPerHour(boolean extendedSupport) {
        return extendedSupport ? eksExtendedUsdPerHour : eksStandardUsdPerHour;
    }

    private static String platform(OperatingSystem os) {
        return os == OperatingSystem.WINDOWS ? "windows" : "linux";
    }

    private static String key(String region, String arch, String os, FargateUnit unit) {
        return region + '|' + arch + '|' + os + '|' + unit;
    }

    private static BigDecimal require(Map<String, BigDecimal> scalars, String unit) {
        BigDecimal v = scalars.get(unit);
        if (v == null) {
            throw new IllegalStateException("fargate-eks.csv: missing " + unit);
        }
        return v;
    }
}
