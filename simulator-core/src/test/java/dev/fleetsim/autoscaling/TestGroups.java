package dev.fleetsim.autoscaling;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.demand.CapacityModel;
import dev.fleetsim.processor.ThroughputFactors;
import java.util.ArrayList;
import java.util.List;

/** Shared fixtures: the real catalog (loaded once per JVM) and group builders. */
final class TestGroups {

    static final String A = "us-east-1a";
    static final String B = "us-east-1b";
    static final String C = "us-east-1c";
    static final List<String> ABC = List.of(A, B, C);
    static final List<String> GIA = List.of("m7g.large", "m7i.large", "m7a.large");

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    private TestGroups() {
    }

    static InstanceType type(String name) {
        return CATALOG.require(name);
    }

    static List<InstanceType> types(List<String> names) {
        List<InstanceType> out = new ArrayList<>();
        for (String n : names) {
            out.add(type(n));
        }
        return out;
    }

    /** perInstance requests/s for the reference type m5.large (2 vCPU Cascade Lake, factor 1.00). */
    static CapacityModel m5Model(double perInstance, double targetUtilization) {
        return new CapacityModel(perInstance, targetUtilization, type("m5.large"), ThroughputFactors.defaults());
    }

    static GroupConfig config(List<String> typeNames, List<String> zones, int min, int max, int desired,
                              InstancesDistribution mix, boolean rebalance, Ec2PlacementGroup pg, long warmupMs) {
        return new GroupConfig("web", types(typeNames), zones, min, max, desired, mix, rebalance, pg, warmupMs);
    }

    static GroupConfig spotConfig(List<String> typeNames, List<String> zones, int desired,
                                  SpotAllocationStrategy strategy, int pools) {
        return config(typeNames, zones, 0, 100, desired, new InstancesDistribution(0, 0, strategy, pools), false,
                Ec2PlacementGroup.NONE, 300_000L);
    }
}
