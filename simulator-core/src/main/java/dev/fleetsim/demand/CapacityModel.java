package dev.fleetsim.demand;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.processor.ThroughputFactors;
import java.util.Objects;

/**
 * How much demand an instance serves, and how many instances a demand needs (SPEC section 5, {@code scaling:
 * {signal, perInstance, targetUtilization}}).
 *
 * <p>Definition: {@code perInstance} is the demand one instance of the <em>reference type</em> serves at 100%
 * utilization (the runner passes the group's first instance type). Any other type serves in proportion to its
 * compute: {@code throughput(type) = perInstance * (vcpu(type) * factor(type)) / (vcpu(ref) * factor(ref))}, where
 * factor is the per-vCPU {@link ThroughputFactors} factor of the type's processor. So with m5.large as reference and
 * the default factors (Cascade Lake 1.00, Graviton3 1.40), an m7g.large serves 1.4 x perInstance and an m7g.xlarge
 * 2.8 x. A type with 0 vCPU serves nothing.
 *
 * <p>Required instances: {@code ceil(demand / (throughput * targetUtilization))}, the Auto Scaling target-tracking
 * count for a utilization metric of {@code demand / (instances * throughput)}.
 */
public final class CapacityModel {

    private final double perInstance;
    private final double targetUtilization;
    private final InstanceType reference;
    private final ThroughputFactors factors;
    private final double referenceCompute;

    /**
     * @param perInstance demand one reference instance serves at 100% utilization; > 0
     * @param targetUtilization in (0, 1]
     */
    public CapacityModel(double perInstance, double targetUtilization, InstanceType reference,
                         ThroughputFactors factors) {
        if (!(perInstance > 0) || Double.isInfinite(perInstance)) {
            throw new IllegalArgumentException("perInstance must be a finite number > 0, got " + perInstance);
        }
        if (!(targetUtilization > 0 && targetUtilization <= 1)) {
            throw new IllegalArgumentException("targetUtilization must be in (0, 1], got " + targetUtilization);
        }
        this.perInstance = perInstance;
        this.targetUtilization = targetUtilization;
        this.reference = Objects.requireNonNull(reference, "reference");
        this.factors = Objects.requireNonNull(factors, "factors");
        this.referenceCompute = compute(reference);
        if (referenceCompute <= 0) {
            throw new IllegalArgumentException("reference type " + reference.name() + " has no vCPUs");
        }
    }

    public double perInstance() {
        return perInstance;
    }

    public double targetUtilization() {
        return targetUtilization;
    }

    public InstanceType reference() {
        return reference;
    }

    /** Demand one instance of {@code type} serves at 100% utilization. */
    public double throughputOf(InstanceType type) {
        return perInstance * compute(type) / referenceCompute;
    }

    /** Instances of {@code type} needed to serve {@code demand} at the target utilization. */
    public int requiredInstances(double demand, InstanceType type) {
        return requiredInstances(demand, throughputOf(type));
    }

    /**
     * Instances needed to serve {@code demand} at the target utilization when each serves
     * {@code throughputPerInstance} at 100% (for a mixed fleet, the mean over its instances).
     */
    public int requiredInstances(double demand, double throughputPerInstance) {
        if (!(demand >= 0)) {
            throw new IllegalArgumentException("demand must be >= 0, got " + demand);
        }
        if (demand == 0) {
            return 0;
        }
        if (!(throughputPerInstance > 0)) {
            throw new IllegalArgumentException("an instance must serve some demand, got " + throughputPerInstance);
        }
        double exact = demand / (throughputPerInstance * targetUtilization);
        // 1,200 / (200 x 0.6) may come out as 10.000000000000002 in binary; a hand calculation says 10.
        double n = Math.ceil(exact - 1e-9 * Math.max(1.0, exact));
        return n >= Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) n;
    }

    /** The part of {@code demand} that a capacity of {@code capacity} (same unit) serves. */
    public static double served(double demand, double capacity) {
        return Math.min(demand, capacity);
    }

    private double compute(InstanceType type) {
        return type.vcpu() * factors.factor(type.microarchitecture());
    }
}
