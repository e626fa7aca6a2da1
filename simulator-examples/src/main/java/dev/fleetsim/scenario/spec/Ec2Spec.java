package dev.fleetsim.scenario.spec;

import java.util.List;

public record Ec2Spec(List<InstanceSpec> instances, List<GroupSpec> groups) {

    public Ec2Spec {
        instances = Specs.list(instances);
        groups = Specs.list(groups);
    }
}
