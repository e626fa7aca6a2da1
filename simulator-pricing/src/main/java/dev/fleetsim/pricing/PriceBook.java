package dev.fleetsim.pricing;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every rate the bill needs, in USD per hour, exact (SPEC section 4): the bundled tables plus the scenario's
 * {@code pricing.rates} overrides, which win. Defaults where AWS publishes no table: RI rate = On-Demand x (1 -
 * discount) by class, term and payment ({@link ReservedDiscountTable}); EC2 Instance SP rate = the standard RI rate;
 * Compute SP rate = the convertible RI rate; Spot = On-Demand x (1 - Spot Advisor savings). Immutable; safe to share.
 */
public final class PriceBook {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final OnDemandPriceTable onDemand;
    private final SpotAdvisorTable spotAdvisor;
    private final FargatePrices fargate;
    private final ReservedDiscountTable riDiscounts;
    private final List<RateOverride> overrides;
    private final Map<RateMatch, RateOverride> overridesByMatch;

    public PriceBook(OnDemandPriceTable onDemand, SpotAdvisorTable spotAdvisor, FargatePrices fargate,
                     ReservedDiscountTable riDiscounts, List<RateOverride> overrides) {
        this.onDemand = Objects.requireNonNull(onDemand, "onDemand");
        this.spotAdvisor = Objects.requireNonNull(spotAdvisor, "spotAdvisor");
        this.fargate = Objects.requireNonNull(fargate, "fargate");
        this.riDiscounts = Objects.requireNonNull(riDiscounts, "riDiscounts");
        this.overrides = List.copyOf(overrides);
        Map<RateMatch, RateOverride> byMatch = new HashMap<>();
        for (RateOverride o : this.overrides) {
            if (byMatch.put(o.match(), o) != null) {
                throw new IllegalArgumentException("two pricing.rates entries match " + o.match());
            }
        }
        this.overridesByMatch = byMatch;
    }

    /** The bundled tables, no overrides (loads about 40,000 rows; share the result). */
    public static PriceBook loadDefault() {
        return new PriceBook(OnDemandPriceTable.loadDefault(), SpotAdvisorTable.loadDefault(),
                FargatePrices.loadDefault(), ReservedDiscountTable.loadDefault(), List.of());
    }

    /** This book with more overrides (a second entry for the same match is an error). */
    public PriceBook withOverrides(List<RateOverride> more) {
        List<RateOverride> all = new ArrayList<>(overrides);
        all.addAll(more);
        return new PriceBook(onDemand, spotAdvisor, fargate, riDiscounts, all);
    }

    public List<RateOverride> overrides() {
        return overrides;
    }

    // ---- EC2 ----

    /**
     * On-Demand rate. The bundled data covers Linux shared tenancy only; anything else must come from an override.
     *
     * @throws MissingRateException naming the type, OS and tenancy and the {@code pricing.rates} entry to add
     */
    public BigDecimal onDemandUsdPerHour(String instanceType, String region, OperatingSystem os, Tenancy tenancy) {
        InstanceMatch match = new InstanceMatch(instanceType, os, tenancy);
        RateOverride o = overridesByMatch.get(match);
        if (o != null && o.onDemand() != null) {
            return o.onDemand();
        }
        if (os != OperatingSystem.LINUX || tenancy != Tenancy.SHARED) {
            throw new MissingRateException(match, region, "On-Demand",
                    "the bundled prices cover Linux shared tenancy only");
        }
        return onDemand.find(instanceType, region).map(OnDemandPrice::usdPerHour).orElseThrow(() ->
                new MissingRateException(match, region, "On-Demand",
                        "the bundled prices have no row for this type in this region"));
    }

    /** The bundled table row (price, date, source) behind a Linux shared On-Demand rate, if any. */
    public Optional<OnDemandPrice> onDemandSource(String instanceType, String region) {
        return onDemand.find(instanceType, region);
    }

    /**
     * Effective hourly rate of one RI (upfront amortized over the term plus the hourly fee): the override's
     * {@code reserved}, else On-Demand x (1 - discount of class, term and payment).
     */
    public BigDecimal reservedUsdPerHour(String instanceType, String region, OperatingSystem os, Tenancy tenancy,
                                         OfferingClass offeringClass, Term term, PaymentOption payment) {
        RateOverride o = overridesByMatch.get(new InstanceMatch(instanceType, os, tenancy));
        if (o != null && o.reserved() != null) {
            return o.reserved();
        }
        return discounted(onDemandUsdPerHour(instanceType, region, os, tenancy),
                riDiscounts.discountPct(region, offeringClass, term, payment));
    }

    /** Savings Plan rate: override, else EC2 Instance SP = standard RI rate, Compute SP = convertible RI rate. */
    public BigDecimal savingsPlanUsdPerHour(SavingsPlanKind kind, String instanceType, String region,
                                            OperatingSystem os, Tenancy tenancy, Term term, PaymentOption payment) {
        RateOverride o = overridesByMatch.get(new InstanceMatch(instanceType, os, tenancy));
        BigDecimal fixed = o == null ? null
                : kind == SavingsPlanKind.COMPUTE ? o.computeSavingsPlan() : o.ec2InstanceSavingsPlan();
        if (fixed != null) {
            return fixed;
        }
        OfferingClass asClass = kind == SavingsPlanKind.COMPUTE ? OfferingClass.CONVERTIBLE : OfferingClass.STANDARD;
        return discounted(onDemandUsdPerHour(instanceType, region, os, tenancy),
                riDiscounts.discountPct(region, asClass, term, payment));
    }

    /** Whether {@code pricing.rates} fixes the Spot price of this type (then the market model is off for it). */
    public Optional<BigDecimal> fixedSpotUsdPerHour(String instanceType, OperatingSystem os, Tenancy tenancy) {
        RateOverride o = overridesByMatch.get(new InstanceMatch(instanceType, os, tenancy));
        return o == null ? Optional.empty() : Optional.ofNullable(o.spot());
    }

    /**
     * Long-run Spot rate: the fixed override, else On-Demand x (1 - Spot Advisor savings) (SPEC section 4: the
     * level the market model reverts to).
     */
    public BigDecimal spotUsdPerHour(String instanceType, String region, OperatingSystem os, Tenancy tenancy) {
        Optional<BigDecimal> fixed = fixedSpotUsdPerHour(instanceType, os, tenancy);
        if (fixed.isPresent()) {
            return fixed.get();
        }
        BigDecimal od = onDemandUsdPerHour(instanceType, region, os, tenancy);
        SpotAdvisorEntry advice = spotAdvisor.find(region, os, instanceType).orElseThrow(() ->
                new MissingRateException(new InstanceMatch(instanceType, os, tenancy), region, "Spot",
                        "the Spot Advisor data has no row for it (no Spot pool); set spot"));
        return discounted(od, advice.savingsPct());
    }

    public Optional<SpotAdvisorEntry> spotAdvisor(String instanceType, String region, OperatingSystem os) {
        return spotAdvisor.find(region, os, instanceType);
    }

    public SpotAdvisorTable spotAdvisorTable() {
        return spotAdvisor;
    }

    // ---- Fargate and EKS ----

    /** Fargate On-Demand rate per unit-hour (aws-rules.md item 5). */
    public BigDecimal fargateOnDemandUsdPerHour(String region, FargateArch arch, OperatingSystem os,
                                                FargateUnit unit) {
        FargateMatch match = new FargateMatch(arch, unit, fargateOs(os));
        RateOverride o = overridesByMatch.get(match);
        if (o != null && o.onDemand() != null) {
            return o.onDemand();
        }
        return fargate.onDemandUsdPerHour(region, arch, fargateOs(os), unit).orElseThrow(() ->
                new MissingRateException(match, region, "Fargate On-Demand",
                        "the bundled Fargate prices cover us-east-1 only (Windows: x86_64 only)"));
    }

    /**
     * Fargate Spot rate per unit-hour: override, else On-Demand x (1 - 70%) for vCPU and memory; storage and the
     * OS licence at the On-Demand rate.
     */
    public BigDecimal fargateSpotUsdPerHour(String region, FargateArch arch, OperatingSystem os, FargateUnit unit) {
        RateOverride o = overridesByMatch.get(new FargateMatch(arch, unit, fargateOs(os)));
        if (o != null && o.spot() != null) {
            return o.spot();
        }
        BigDecimal od = fargateOnDemandUsdPerHour(region, arch, os, unit);
        return unit == FargateUnit.VCPU_HOUR || unit == FargateUnit.GB_HOUR
                ? discounted(od, fargate.spotDiscountPct()) : od;
    }

    /**
     * Compute Savings Plan rate for a Fargate unit: override, else On-Demand x (1 - 20% for 1 year, 45% for 3
     * years) for vCPU and memory; empty (not covered) for storage and the OS licence unless overridden.
     */
    public Optional<BigDecimal> fargateComputeSavingsPlanUsdPerHour(String region, FargateArch arch,
                                                                    OperatingSystem os, FargateUnit unit, Term term,
                                                                    PaymentOption payment) {
        Objects.requireNonNull(payment, "payment");
        RateOverride o = overridesByMatch.get(new FargateMatch(arch, unit, fargateOs(os)));
        if (o != null && o.computeSavingsPlan() != null) {
            return Optional.of(o.computeSavingsPlan());
        }
        if (unit != FargateUnit.VCPU_HOUR && unit != FargateUnit.GB_HOUR) {
            return Optional.empty();
        }
        return Optional.of(discounted(fargateOnDemandUsdPerHour(region, arch, os, unit),
                fargate.computeSavingsPlanDiscountPct(term)));
    }

    /** EKS control plane per cluster-hour, any region (aws-rules.md item 6). */
    public BigDecimal eksControlPlaneUsdPerHour(boolean extendedSupport) {
        return fargate.eksControlPlaneUsdPerHour(extendedSupport);
    }

    /** {@code rate x (100 - pct) / 100}, exact. */
    static BigDecimal discounted(BigDecimal rate, BigDecimal pct) {
        return rate.multiply(HUNDRED.subtract(pct)).movePointLeft(2);
    }

    private static OperatingSystem fargateOs(OperatingSystem os) {
        return os == OperatingSystem.WINDOWS ? OperatingSystem.WINDOWS : OperatingSystem.LINUX;
    }
}
