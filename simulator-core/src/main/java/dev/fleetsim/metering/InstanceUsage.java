package dev.fleetsim.metering;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.util.Objects;

/** A running EC2 instance (plain, ECS container instance or EKS node): the unit RIs and SPs apply to. */
public record InstanceUsage(String instanceType, String zone, OperatingSystem os, Tenancy tenancy, Market market)
        implements Meterable {
    public InstanceUsage {
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(market, "market");
    }
}
