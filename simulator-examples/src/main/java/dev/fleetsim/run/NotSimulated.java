package dev.fleetsim.run;

import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec.NodePoolKind;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
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
                    if (hasFargate(spec)) {
                        skipped.add(path + " (zone-outage: Fargate tasks and pods do not fail yet; EC2 instances,"
                                + " groups, ECS container instances and EKS nodes do)");
                    }
                }
                case HOST_FAILURES -> {
                    if (f.target() != null && !isEc2(spec, f.target())
                            && !ContainerGaps.isCapacityTarget(spec, f.target())) {
                        skipped.add(path + " (host-failures of '" + f.target() + "': only ec2.instances, ec2.groups,"
                                + " ECS capacity providers and EKS managed node pools are targets yet; untargeted"
                                + " failures also hit Karpenter nodes)");
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

    /** Fargate capacity (ECS FARGATE or FARGATE_SPOT providers, EKS Fargate profiles): it has no zone here. */
    private static boolean hasFargate(ScenarioSpec spec) {
        for (EcsClusterSpec c : spec.ecs().clusters()) {
            for (CapacityProviderSpec cp : c.capacityProviders()) {
                if (cp.isFargate()) {
                    return true;
                }
            }
            for (TaskSpec t : c.tasks()) {
                if (t.launchType() != null && t.launchType().isFargate()) {
                    return true;
                }
            }
            for (ServiceSpec sv : c.services()) {
                if (sv.launchType() != null && sv.launchType().isFargate()) {
                    return true;
                }
            }
        }
        for (EksClusterSpec c : spec.eks().clusters()) {
            for (NodePoolSpec p : c.nodePools()) {
                if (p.kind() == NodePoolKind.FARGATE) {
                    return true;
                }
            }
        }
        return false;
    }
}
