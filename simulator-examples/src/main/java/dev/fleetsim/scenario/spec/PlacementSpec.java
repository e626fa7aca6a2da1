package dev.fleetsim.scenario.spec;

import java.util.List;

/** ECS task placement on EC2 capacity (aws-rules.md item 7): constraints bind, strategies apply in order. */
public record PlacementSpec(List<PlacementStrategySpec> strategies, List<PlacementConstraintSpec> constraints) {

    public PlacementSpec {
        strategies = Specs.list(strategies);
        constraints = Specs.list(constraints);
    }
}
