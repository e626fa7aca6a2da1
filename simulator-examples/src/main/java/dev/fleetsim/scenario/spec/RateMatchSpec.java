package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.processor.Architecture;

/**
 * Which usage a rate applies to; an omitted key matches any value. EC2: {@code type} (required), os,
 * tenancy. Fargate: {@code service: fargate}, {@code unit} (required), arch, os. EKS control plane:
 * {@code service: eks}, {@code unit: cluster-hour}, support.
 *
 * @param service default ec2
 */
public record RateMatchSpec(RateService service, String type, OperatingSystem os, Tenancy tenancy,
        Architecture arch, RateUnit unit, EksClusterSpec.EksSupport support) {

    public RateMatchSpec {
        service = Specs.or(service, RateService.EC2);
    }

    public enum RateService { EC2, FARGATE, EKS }

    public enum RateUnit {
        INSTANCE_HOUR, VCPU_HOUR, GB_HOUR, STORAGE_GB_HOUR, CLUSTER_HOUR
    }
}
