package dev.fleetsim.billing;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.ClusterUsage;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;
import dev.fleetsim.pricing.FargateArch;
import dev.fleetsim.pricing.FargateUnit;
import dev.fleetsim.pricing.NormalizationFactors;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.Regions;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the meter's usage keys into sorted, priced billing lines: one per EC2 key, one per Fargate price dimension
 * (vCPU, memory, storage above 20 GiB, Windows licence), one per EKS cluster. Sorted by service, then family and
 * size (smallest first, which is also the order size-flexible RIs apply in), zone and platform: deterministic and
 * independent of the order runs were seen.
 */
final class LineCatalog {

    private static final BigDecimal MIB_PER_GIB = BigDecimal.valueOf(1024);
    private static final int INCLUDED_STORAGE_GIB = 20;

    final List<BillingLine> lines;
    /** Meter key index of each line. */
    final int[] keyOf;
    /** Normalization quarter units of each EC2 line; 0 when the size has none or for other services. */
    final int[] quarterUnits;
    /** Per-key-hour quantity of each line's unit (1 for EC2 and EKS; vCPUs, GB or GiB for Fargate). */
    final BigDecimal[] quantity;

    private LineCatalog(List<BillingLine> lines, int[] keyOf, int[] quarterUnits, BigDecimal[] quantity) {
        this.lines = lines;
        this.keyOf = keyOf;
        this.quarterUnits = quarterUnits;
        this.quantity = quantity;
    }

    private record Draft(int keyIndex, Meterable key, LineComponent component, Service service, String region,
                         String family, int quarterUnits, BigDecimal quantity, BigDecimal onDemandUsdPerHour,
                         boolean spot, String description) {
    }

    static LineCatalog build(UsageMeter meter, PriceBook book, String region, NormalizationFactors factors) {
        List<Draft> drafts = new ArrayList<>();
        for (int k = 0; k < meter.keyCount(); k++) {
            Meterable key = meter.key(k);
            if (key instanceof InstanceUsage u) {
                String r = Regions.ofZone(u.zone());
                int qu = factors.quarterUnits(u.instanceType()).orElse(0);
                drafts.add(new Draft(k, u, LineComponent.INSTANCE, Service.EC2, r,
                        NormalizationFactors.familyOf(u.instanceType()), qu, BigDecimal.ONE,
                        book.onDemandUsdPerHour(u.instanceType(), r, u.os(), u.tenancy()),
                        u.market() == Market.SPOT, u.instanceType() + " " + u.zone() + " " + u.os().key() + " "
                        + u.tenancy().key() + " " + u.market().key()));
            } else if (key instanceof FargateUsage f) {
                for (LineComponent c : new LineComponent[] {LineComponent.VCPU, LineComponent.MEMORY,
                    LineComponent.EPHEMERAL_STORAGE, LineComponent.OS_LICENSE}) {
                    BigDecimal q = fargateQuantity(f, c);
                    if (q.signum() == 0) {
                        continue;
                    }
                    BigDecimal unitRate = f.spot()
                            ? book.fargateSpotUsdPerHour(region, FargateArch.of(f.arm64()), f.os(), fargateUnit(c))
                            : book.fargateOnDemandUsdPerHour(region, FargateArch.of(f.arm64()), f.os(), fargateUnit(c));
                    drafts.add(new Draft(k, f, c, Service.FARGATE, region, "", 0, q, unitRate.multiply(q), f.spot(),
                            "fargate " + FargateArch.of(f.arm64()).key() + " " + f.os().key() + " " + f.cpuUnits()
                            + "cpu " + f.memoryMiB() + "MiB " + f.ephemeralStorageGiB() + "GiB "
                            + (f.spot() ? "spot " : "on-demand ") + c.key()));
                }
            } else {
                ClusterUsage c = (ClusterUsage) key;
                drafts.add(new Draft(k, c, LineComponent.CONTROL_PLANE, Service.EKS, region, "", 0, BigDecimal.ONE,
                        book.eksControlPlaneUsdPerHour(c.extendedSupport()), false,
                        "eks " + c.cluster() + (c.extendedSupport() ? " extended-support" : " standard-support")));
            }
        }
        drafts.sort(ORDER);
        List<BillingLine> lines = new ArrayList<>(drafts.size());
        int[] keyOf = new int[drafts.size()];
        int[] qu = new int[drafts.size()];
        BigDecimal[] quantity = new BigDecimal[drafts.size()];
        for (int i = 0; i < drafts.size(); i++) {
            Draft d = drafts.get(i);
            String type = d.key instanceof InstanceUsage u ? u.instanceType() : "";
            lines.add(new BillingLine(i, d.key, d.component, d.service, type, d.region, d.spot,
                    d.onDemandUsdPerHour, d.description));
            keyOf[i] = d.keyIndex;
            qu[i] = d.quarterUnits;
            quantity[i] = d.quantity;
        }
        return new LineCatalog(List.copyOf(lines), keyOf, qu, quantity);
    }

    /** vCPUs, GB of memory, GiB of storage above the included 20, or licensed vCPUs of a task (aws-rules.md 5). */
    static BigDecimal fargateQuantity(FargateUsage f, LineComponent component) {
        return switch (component) {
            case VCPU -> BigDecimal.valueOf(f.cpuUnits()).divide(MIB_PER_GIB);
            case MEMORY -> BigDecimal.valueOf(f.memoryMiB()).divide(MIB_PER_GIB);
            case EPHEMERAL_STORAGE -> BigDecimal.valueOf(Math.max(0, f.ephemeralStorageGiB() - INCLUDED_STORAGE_GIB));
            case OS_LICENSE -> f.os() == OperatingSystem.WINDOWS
                    ? BigDecimal.valueOf(f.cpuUnits()).divide(MIB_PER_GIB) : BigDecimal.ZERO;
            default -> throw new IllegalArgumentException("not a Fargate component: " + component);
        };
    }

    static FargateUnit fargateUnit(LineComponent component) {
        return switch (component) {
            case VCPU -> FargateUnit.VCPU_HOUR;
            case MEMORY -> FargateUnit.GB_HOUR;
            case EPHEMERAL_STORAGE -> FargateUnit.EPHEMERAL_GB_HOUR;
            case OS_LICENSE -> FargateUnit.OS_LICENSE_VCPU_HOUR;
            default -> throw new IllegalArgumentException("not a Fargate component: " + component);
        };
    }

    private static final Comparator<Draft> ORDER = Comparator
            .comparingInt((Draft d) -> d.service.ordinal())
            .thenComparing(Draft::family)
            .thenComparingInt(d -> d.quarterUnits == 0 ? Integer.MAX_VALUE : d.quarterUnits)
            .thenComparing(Draft::description)
            .thenComparingInt(d -> d.component.ordinal());
}
