package dev.fleetsim.billing;

import dev.fleetsim.metering.Meterable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * One priced dimension of one usage key: the unit commitments cover and line items report. Its usage is the key's
 * billed milliseconds; {@code onDemandUsdPerHour} is per hour of the key (for Fargate already multiplied by the
 * task's vCPUs, GB or extra storage).
 *
 * @param index position in the bill's sorted line list
 * @param instanceType the EC2 type, or "" for Fargate and EKS
 * @param region where the usage runs
 * @param spot true for Spot and Fargate Spot usage, which commitments never cover
 * @param description a stable human-readable name, e.g. {@code m5.large us-east-1a linux shared on-demand}
 */
public record BillingLine(int index, Meterable key, LineComponent component, Service service, String instanceType,
                          String region, boolean spot, BigDecimal onDemandUsdPerHour, String description) {
    public BillingLine {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(onDemandUsdPerHour, "onDemandUsdPerHour");
        Objects.requireNonNull(description, "description");
    }
}
