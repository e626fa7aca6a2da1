package dev.fleetsim.scenario.spec;

/**
 * aws-rules.md item 9.
 *
 * @param partitions for partition groups: 1..7 per zone, default 7
 */
public record PlacementGroupSpec(PlacementGroupStrategy strategy, Integer partitions) {

    public PlacementGroupSpec {
        if (partitions == null && strategy == PlacementGroupStrategy.PARTITION) {
            partitions = 7;
        }
    }
}
