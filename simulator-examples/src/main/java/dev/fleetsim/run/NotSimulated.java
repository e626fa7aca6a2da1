package dev.fleetsim.run;

import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/** The parts of a scenario this build parses and validates but does not simulate yet, by path. */
final class NotSimulated {

    private NotSimulated() {
    }

    static List<String> sections(ScenarioSpec spec) {
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < spec.faults().size(); i++) {
            FaultSpec f = spec.faults().get(i);
            String path = "faults[" + i + "]";
            switch (f.kind()) {
                case SPOT_INTERRUPTION -> {
                    if (!isEc2(spec, f.target()) && !ContainerGaps.isCapacityTarget(spec, f.target())
                            && !ContainerDynamics.isFargateSpotTarget(spec, f.target())) {
                        skipped.add(path + " (spot-interruption of '" + f.target() + "': only ec2.instances,"
                                + " ec2.groups, ECS capacity providers, EKS managed node pools, Karpenter pools and"
                                + " Fargate Spot services and tasks are interrupted yet)");
                    }
                }
                case ZONE_OUTAGE -> {
                    // EC2 instances, groups, container hosts and Fargate tasks and pods all fail (Faults).
                }
                case HOST_FAILURES -> {
                    if (f.target() != null && !isEc2(spec, f.target())
                            && !ContainerGaps.isCapacityTarget(spec, f.target())) {
                        skipped.add(path + " (host-failures of '" + f.target() + "': only ec2.instances, ec2.groups,"
                                + " ECS capacity providers, EKS managed node pools and Karpenter pools are targets)");
                    }
                }
            }
        }
        return skipped;
    }

    private static boolean isEc2(ScenarioSpec spec, String name) {
        return spec.ec2().instances().stream().anyMatch(s -> s.name().equals(name))
                || spec.ec2().groups().stream().anyMatch(g -> g.name().equals(name));
    }
}
