package dev.fleetsim.catalog;

import dev.fleetsim.processor.Architecture;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.Processor;
import java.util.Objects;

/**
 * One EC2 instance type. Numbers the source data lacks are 0 (a few old or unpublished types; see
 * the PROVENANCE.md beside the catalog resource): a type with 0 vCPU can host nothing, 0 max pods
 * means the pod limit is unknown, 0 Gbps means the bandwidth is unknown, and an accelerator with
 * count 0 means the count is unknown.
 *
 * @param name e.g. "m7g.large"; always {@code family + "." + size}
 * @param family e.g. "m7g", "u7i-12tb"
 * @param size e.g. "large", "24xlarge", "metal-48xl"
 * @param generation the digit in the family name (m7g = 7); 0 if unknown
 * @param gpuModel e.g. "NVIDIA A100"; "" if none
 * @param accelerator non-GPU accelerator, e.g. "inferentia2", "xilinx-fpga"; "" if none
 * @param localStorageGb instance-store capacity in GB; 0 for EBS-only
 * @param networkGbps baseline network bandwidth (not the "up to" burst)
 * @param maxEnis network interfaces over all network cards
 * @param maxPods EKS VPC CNI pod limit without prefix delegation (aws-rules.md E14)
 * @param burstable a T-family CPU-credit instance
 */
public record InstanceType(String name, String family, String size, int generation, Category category,
        int vcpu, int memoryMiB, Processor processor, int gpuCount, String gpuModel,
        int acceleratorCount, String accelerator, int localStorageGb, double networkGbps,
        int maxEnis, int ipv4PerEni, int maxPods, boolean bareMetal, boolean burstable,
        boolean currentGeneration) {

    public InstanceType {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(processor, "processor");
        Objects.requireNonNull(gpuModel, "gpuModel");
        Objects.requireNonNull(accelerator, "accelerator");
        if (!isFamilyDotSize(name, family, size)) {
            throw new IllegalArgumentException("instance type name '" + name + "' is not family.size ('"
                    + family + "', '" + size + "')");
        }
        requireNonNegative(name, "generation", generation);
        requireNonNegative(name, "vcpu", vcpu);
        requireNonNegative(name, "memoryMiB", memoryMiB);
        requireNonNegative(name, "gpuCount", gpuCount);
        requireNonNegative(name, "acceleratorCount", acceleratorCount);
        requireNonNegative(name, "localStorageGb", localStorageGb);
        requireNonNegative(name, "maxEnis", maxEnis);
        requireNonNegative(name, "ipv4PerEni", ipv4PerEni);
        requireNonNegative(name, "maxPods", maxPods);
        if (!(networkGbps >= 0) || Double.isInfinite(networkGbps)) {
            throw new IllegalArgumentException(name + ": networkGbps must be a finite number >= 0, got " + networkGbps);
        }
    }

    // Compared piecewise: string concatenation here would put its bootstrap cost on every cold start.
    private static boolean isFamilyDotSize(String name, String family, String size) {
        return !family.isEmpty() && !size.isEmpty() && name.length() == family.length() + 1 + size.length()
                && name.startsWith(family) && name.charAt(family.length()) == '.' && name.endsWith(size);
    }

    private static void requireNonNegative(String name, String field, int value) {
        if (value < 0) {
            throw new IllegalArgumentException(name + ": " + field + " must be >= 0, got " + value);
        }
    }

    public Architecture architecture() {
        return processor.architecture();
    }

    public Microarchitecture microarchitecture() {
        return processor.microarchitecture();
    }

    /** Memory in GiB, for display only (capacity arithmetic uses {@link #memoryMiB()}). */
    public double memoryGiB() {
        return memoryMiB / 1024.0;
    }
}
