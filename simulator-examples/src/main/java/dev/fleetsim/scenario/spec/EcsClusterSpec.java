package dev.fleetsim.scenario.spec;

import java.util.List;

public record EcsClusterSpec(String name, List<CapacityProviderSpec> capacityProviders, List<ServiceSpec> services,
        List<TaskSpec> tasks) {

    public EcsClusterSpec {
        capacityProviders = Specs.list(capacityProviders);
        services = Specs.list(services);
        tasks = Specs.list(tasks);
    }
}
