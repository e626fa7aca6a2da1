package dev.fleetsim.autoscaling;

/**
 * An EC2 placement group the group launches into (aws-rules.md item 9, EC2UG/placement-groups.md).
 *
 * <ul>
 *   <li>{@link Cluster}: one zone only. The group uses its first zone (AWS requires a single-zone group).
 *   <li>{@link Spread} (rack spread): at most 7 running instances per zone per group; an 8th launch in a zone fails,
 *       so a group over 3 zones holds at most 21 (aws-rules.md E15).
 *   <li>{@link Partition}: 1..7 partitions per zone; no instance cap. Instances go to the partition of their zone with
 *       the fewest, which is the even spread AWS attempts but does not guarantee.
 * </ul>
 */
public sealed interface Ec2PlacementGroup {

    /** aws-rules.md item 9: rack spread allows 7 running instances per zone per group. */
    int SPREAD_MAX_PER_ZONE = 7;
    /** aws-rules.md item 9: at most 7 partitions per zone. */
    int MAX_PARTITIONS_PER_ZONE = 7;

    /** No placement group. */
    Ec2PlacementGroup NONE = new None();

    /** Instances one zone may hold; {@link Integer#MAX_VALUE} when unlimited. */
    default int maxPerZone() {
        return Integer.MAX_VALUE;
    }

    /** Partitions per zone; 1 when the group is not a partition group. */
    default int partitionsPerZone() {
        return 1;
    }

    /** True if the group may use only its first zone. */
    default boolean singleZone() {
        return false;
    }

    record None() implements Ec2PlacementGroup {
    }

    record Cluster() implements Ec2PlacementGroup {
        @Override
        public boolean singleZone() {
            return true;
        }
    }

    record Spread() implements Ec2PlacementGroup {
        @Override
        public int maxPerZone() {
            return SPREAD_MAX_PER_ZONE;
        }
    }

    record Partition(int partitions) implements Ec2PlacementGroup {
        public Partition {
            if (partitions < 1 || partitions > MAX_PARTITIONS_PER_ZONE) {
                throw new IllegalArgumentException("a partition placement group has 1 to 7 partitions per zone"
                        + " (aws-rules.md item 9), got " + partitions);
            }
        }

        @Override
        public int partitionsPerZone() {
            return partitions;
        }
    }
}
