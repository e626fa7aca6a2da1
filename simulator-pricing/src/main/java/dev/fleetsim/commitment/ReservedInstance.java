package dev.fleetsim.commitment;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code count} Reserved Instances of one type, bought at the scenario start (aws-rules.md item 2).
 *
 * <p>Prices: by default the effective hourly rate comes from the price book (On-Demand x (1 - discount) by class,
 * term and payment); All Upfront pays it all upfront, Partial Upfront half upfront and half hourly, No Upfront all
 * hourly. {@code upfrontUsd} and {@code recurringUsdPerHour} (per instance, given together) replace that with the
 * real offering's prices, e.g. aws-rules.md E2: $60 upfront + $0.007/h.
 *
 * @param region the region of the RI; for a zonal RI the zone must lie in it
 * @param zone present exactly when {@code scope} is {@link RiScope#ZONE}
 */
public record ReservedInstance(String instanceType, int count, RiScope scope, String region, Optional<String> zone,
                               OperatingSystem os, Tenancy tenancy, OfferingClass offeringClass, Term term,
                               PaymentOption payment, Optional<BigDecimal> upfrontUsd,
                               Optional<BigDecimal> recurringUsdPerHour) implements Commitment {

    public ReservedInstance {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(offeringClass, "offeringClass");
        Objects.requireNonNull(term, "term");
        Objects.requireNonNull(payment, "payment");
        Objects.requireNonNull(upfrontUsd, "upfrontUsd");
        Objects.requireNonNull(recurringUsdPerHour, "recurringUsdPerHour");
        if (count <= 0) {
            throw new IllegalArgumentException("RI count must be positive: " + count);
        }
        if (scope == RiScope.ZONE && zone.isEmpty()) {
            throw new IllegalArgumentException("a zonal RI needs a zone");
        }
        if (scope == RiScope.REGION && zone.isPresent()) {
            throw new IllegalArgumentException("a regional RI has no zone (got " + zone.get() + ")");
        }
        if (zone.isPresent() && !zone.get().startsWith(region)) {
            throw new IllegalArgumentException("zone " + zone.get() + " is not in region " + region);
        }
        if (upfrontUsd.isPresent() != recurringUsdPerHour.isPresent()) {
            throw new IllegalArgumentException("give an RI's upfront and hourly price together, or neither");
        }
        upfrontUsd.ifPresent(v -> requireNonNegative(v, "upfront"));
        recurringUsdPerHour.ifPresent(v -> requireNonNegative(v, "hourly"));
    }

    /** A regional Linux shared-tenancy RI priced from the price book. */
    public static ReservedInstance regional(String instanceType, int count, String region, OfferingClass offeringClass,
                                            Term term, PaymentOption payment) {
        return new ReservedInstance(instanceType, count, RiScope.REGION, region, Optional.empty(),
                OperatingSystem.LINUX, Tenancy.SHARED, offeringClass, term, payment, Optional.empty(), Optional.empty());
    }

    /** A zonal Linux shared-tenancy RI priced from the price book. */
    public static ReservedInstance zonal(String instanceType, int count, String region, String zone,
                                         OfferingClass offeringClass, Term term, PaymentOption payment) {
        return new ReservedInstance(instanceType, count, RiScope.ZONE, region, Optional.of(zone),
                OperatingSystem.LINUX, Tenancy.SHARED, offeringClass, term, payment, Optional.empty(), Optional.empty());
    }

    public ReservedInstance withPlatform(OperatingSystem newOs, Tenancy newTenancy) {
        return new ReservedInstance(instanceType, count, scope, region, zone, newOs, newTenancy, offeringClass, term,
                payment, upfrontUsd, recurringUsdPerHour);
    }

    /** The offering's own prices per instance instead of the price book's default. */
    public ReservedInstance withPrices(BigDecimal upfront, BigDecimal recurringPerHour) {
        return new ReservedInstance(instanceType, count, scope, region, zone, os, tenancy, offeringClass, term,
                payment, Optional.of(upfront), Optional.of(recurringPerHour));
    }

    public String family() {
        int dot = instanceType.indexOf('.');
        return dot < 0 ? instanceType : instanceType.substring(0, dot);
    }

    private static void requireNonNegative(BigDecimal value, String what) {
        if (value.signum() < 0) {
            throw new IllegalArgumentException("RI " + what + " price must not be negative: " + value);
        }
    }
}
