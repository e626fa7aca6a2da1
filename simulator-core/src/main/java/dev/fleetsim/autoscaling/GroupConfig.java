package dev.fleetsim.autoscaling;

import dev.fleetsim.catalog.InstanceType;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The fixed shape of an EC2 Auto Scaling group (SPEC section 5, {@code ec2.groups}).
 *
 * @param instanceTypes in priority order: On-Demand launches take the first that has capacity ("prioritized", the
 *     Auto Scaling default without instance requirements), Spot strategies break ties by it, and the first type is the
 *     reference of the capacity model
 * @param zones the group's zones, in order; a cluster placement group uses the first only
 * @param min initial minimum; 0 <= min <= desired <= max
 * @param max initial maximum
 * @param desired initial desired capacity
 * @param capacityRebalance launch a replacement on a rebalance recommendation (ASGUG capacity rebalancing)
 * @param warmupMs from launch until an instance serves demand; Auto Scaling's default instance warm-up is the
 *     group's default cooldown, 300 s, which the scenario reference uses too
 */
public record GroupConfig(String name, List<InstanceType> instanceTypes, List<String> zones, int min, int max,
        int desired, InstancesDistribution distribution, boolean capacityRebalance, Ec2PlacementGroup placementGroup,
        long warmupMs) {

    public static final long DEFAULT_WARMUP_MS = 300_000L;

    public GroupConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(distribution, "distribution");
        Objects.requireNonNull(placementGroup, "placementGroup");
        instanceTypes = List.copyOf(instanceTypes);
        zones = List.copyOf(zones);
        if (instanceTypes.isEmpty()) {
            throw new IllegalArgumentException(name + ": a group needs at least one instance type");
        }
        if (zones.isEmpty()) {
            throw new IllegalArgumentException(name + ": a group needs at least one zone");
        }
        Set<String> seen = new HashSet<>();
        for (InstanceType t : instanceTypes) {
            if (!seen.add(t.name())) {
                throw new IllegalArgumentException(name + ": instance type " + t.name() + " is listed twice");
            }
        }
        if (new HashSet<>(zones).size() != zones.size()) {
            throw new IllegalArgumentException(name + ": a zone is listed twice in " + zones);
        }
        if (min < 0 || min > desired || desired > max) {
            throw new IllegalArgumentException(name + ": need 0 <= min <= desired <= max, got min " + min
                    + ", desired " + desired + ", max " + max);
        }
        if (warmupMs < 0) {
            throw new IllegalArgumentException(name + ": warm-up must be >= 0 ms, got " + warmupMs);
        }
    }

    /** An all-On-Demand group with no placement group, no rebalancing and the default warm-up. */
    public static GroupConfig onDemand(String name, List<InstanceType> types, List<String> zones, int min, int max,
                                       int desired) {
        return new GroupConfig(name, types, zones, min, max, desired, InstancesDistribution.ALL_ON_DEMAND, false,
                Ec2PlacementGroup.NONE, DEFAULT_WARMUP_MS);
    }

    /** The zones the group can launch into: the first only for a cluster placement group (aws-rules.md item 9). */
    public List<String> usableZones() {
        return placementGroup.singleZone() ? zones.subList(0, 1) : zones;
    }
}
