package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.util.List;

/**
 * An EC2 Auto Scaling group.
 *
 * @param instanceTypes in priority order (the On-Demand allocation strategy is "prioritized")
 * @param zones empty: all scenario zones
 * @param desired default: min
 * @param os default linux
 * @param tenancy default shared
 * @param mix default: all On-Demand
 * @param scaling null: the group stays at desired
 * @param capacityRebalance default false
 */
public record GroupSpec(String name, List<String> instanceTypes, List<String> zones, Integer min, Integer max,
        Integer desired, OperatingSystem os, Tenancy tenancy, MixSpec mix, ScalingSpec scaling,
        Boolean capacityRebalance, PlacementGroupSpec placementGroup) {

    public GroupSpec {
        instanceTypes = Specs.list(instanceTypes);
        zones = Specs.list(zones);
        desired = desired == null ? min : desired;
        os = Specs.or(os, OperatingSystem.LINUX);
        tenancy = Specs.or(tenancy, Tenancy.SHARED);
        mix = Specs.or(mix, new MixSpec(null, null, null, null));
        capacityRebalance = Specs.or(capacityRebalance, false);
    }
}
