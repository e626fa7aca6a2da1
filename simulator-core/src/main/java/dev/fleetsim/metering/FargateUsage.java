package dev.fleetsim.metering;

import dev.fleetsim.host.OperatingSystem;
import java.util.Objects;

/**
 * A Fargate task or pod as provisioned (already rounded to a valid size).
 *
 * @param arm64 true for Graviton (arm64), false for x86_64
 * @param cpuUnits 1024 = 1 vCPU
 * @param ephemeralStorageGiB total ephemeral storage; the first 20 GiB are included in the price
 */
public record FargateUsage(boolean arm64, OperatingSystem os, int cpuUnits, int memoryMiB,
                           int ephemeralStorageGiB, boolean spot) implements Meterable {
    public FargateUsage {
        Objects.requireNonNull(os, "os");
        if (cpuUnits <= 0 || memoryMiB <= 0 || ephemeralStorageGiB < 0) {
            throw new IllegalArgumentException("Fargate size must be positive: " + cpuUnits + " CPU units, "
                    + memoryMiB + " MiB, " + ephemeralStorageGiB + " GiB");
        }
    }
}
