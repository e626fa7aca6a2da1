package dev.fleetsim.pricing;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.util.Objects;

/** {@code match: {type: r5.4xlarge, os: linux, tenancy: shared}}; applies in every region. */
public record InstanceMatch(String instanceType, OperatingSystem os, Tenancy tenancy) implements RateMatch {
    public InstanceMatch {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(tenancy, "tenancy");
    }

    @Override
    public String toString() {
        return "{type: " + instanceType + ", os: " + os.key() + ", tenancy: " + tenancy.key() + "}";
    }
}
