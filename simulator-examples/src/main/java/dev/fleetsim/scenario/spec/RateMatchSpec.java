package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.FargateUnit;
import dev.fleetsim.processor.Architecture;

/**
 * Which usage a rate applies to, in the two shapes billing prices (dev.fleetsim.pricing.InstanceMatch and
 * FargateMatch). EC2: {@code type} (required), {@code os} (default linux), {@code tenancy} (default shared).
 * Fargate: {@code service: fargate}, {@code arch} and {@code unit} (required), {@code os} (default linux).
 *
 * @param service default ec2
 */
public record RateMatchSpec(RateService service, String type, OperatingSystem os, Tenancy tenancy,
        Architecture arch, FargateUnit unit) {

    public RateMatchSpec {
        service = Specs.or(service, RateService.EC2);
        os = Specs.or(os, OperatingSystem.LINUX);
        if (service == RateService.EC2) {
            tenancy = Specs.or(tenancy, Tenancy.SHARED);
        }
    }

    public enum RateService { EC2, FARGATE }
}
