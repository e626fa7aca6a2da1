package dev.fleetsim.scenario.spec;

import java.util.List;

public record EksSpec(List<EksClusterSpec> clusters) {

    public EksSpec {
        clusters = Specs.list(clusters);
    }
}
