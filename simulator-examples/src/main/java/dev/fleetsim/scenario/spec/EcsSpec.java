package dev.fleetsim.scenario.spec;

import java.util.List;

public record EcsSpec(List<EcsClusterSpec> clusters) {

    public EcsSpec {
        clusters = Specs.list(clusters);
    }
}
