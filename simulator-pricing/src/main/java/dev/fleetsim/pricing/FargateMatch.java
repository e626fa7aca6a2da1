package dev.fleetsim.pricing;

import dev.fleetsim.host.OperatingSystem;
import java.util.Objects;

/**
 * {@code match: {service: fargate, arch: x86_64, unit: vcpu-hour}}; applies in every region. {@code os} is Linux
 * unless given (Windows Fargate has its own rates).
 */
public record FargateMatch(FargateArch arch, FargateUnit unit, OperatingSystem os) implements RateMatch {
    public FargateMatch {
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(os, "os");
        if (os != OperatingSystem.LINUX && os != OperatingSystem.WINDOWS) {
            throw new IllegalArgumentException("Fargate runs Linux or Windows, not " + os.key());
        }
    }

    public FargateMatch(FargateArch arch, FargateUnit unit) {
        this(arch, unit, OperatingSystem.LINUX);
    }

    @Override
    public String toString() {
        return "{service: fargate, arch: " + arch.key() + ", unit: " + unit.key()
                + (os == OperatingSystem.LINUX ? "" : ", os: " + os.key()) + "}";
    }
}
