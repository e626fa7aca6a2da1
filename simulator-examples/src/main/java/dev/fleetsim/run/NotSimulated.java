package dev.fleetsim.run;

import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec.NodePoolKind;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/** The parts of a scenario this build parses and validates but does not simulate yet, by path. */
final class NotSimulated {

    private NotSimulated() {
    }

    static List<String> sections(ScenarioSpec spec) {
        List<String> skipped = new ArrayList<>();
        // Containers: what the ECS and EKS wiring leaves out (scaling, Karpenter, interruptions).
        skipped.addAll(ContainerGaps.notSimulated(spec));
        boolean containerHosts = hasContainerHosts(spec);
        if (containerHosts && !spec.capacity().pools().isEmpty()) {
            skipped.add("capacity.pools (ECS container instances and EKS nodes do not launch through capacity pools"
                    + " yet; EC2 instances and groups do)");
        }
        for (int i = 0; i < spec.faults().size(); i++) {
            FaultSpec f = spec.faults().get(i);
            String path = "faults[" + i + "]";
            switch (f.kind()) {
                case SPOT_INTERRUPTION -> {
                    if (!isEc2(spec, f.target()) && !ContainerGaps.isCapacityTarget(spec, f.target())) {
                        skipped.add(path + " (spot-interruption of '" + f.target() + "': only ec2.instances,"
                                + " ec2.groups, ECS capacity providers and EKS managed node pools are interrupted yet)");
                    }
                }
                case ZONE_OUTAGE -> {
                    if (hasContainerWork(spec)) {
                        skipped.add(path + " (zone-outage: ECS container instances, EKS nodes and Fargate tasks in"
                                + " the zone do not fail yet; EC2 instances and groups do)");
                    }
                }
                case HOST_FAILURES -> {
                    if (f.target() != null && !isEc2(spec, f.target())) {
                        skipped.add(path + " (host-failures of '" + f.target()
                                + "': only ec2.instances and ec2.groups targets fail yet)");
                    } else if (f.target() == null && containerHosts) {
                        skipped.add(path + " (host-failures: ECS container instances and EKS nodes do not fail yet;"
                                + " EC2 instances and groups do)");
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

    /** ECS capacity providers backed by a group, or EKS managed or Karpenter pools. */
    private static boolean hasContainerHosts(ScenarioSpec spec) {
        for (EcsClusterSpec c : spec.ecs().clusters()) {
            for (CapacityProviderSpec cp : c.capacityProviders()) {
                if (cp.group() != null) {
                    return true;
                }
            }
        }
        for (EksClusterSpec c : spec.eks().clusters()) {
            for (NodePoolSpec p : c.nodePools()) {
                if (p.kind() != NodePoolKind.FARGATE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Anything an outage could hit in containers: container hosts, or Fargate tasks and pods. */
    private static boolean hasContainerWork(ScenarioSpec spec) {
        return hasContainerHosts(spec) || !spec.ecs().clusters().isEmpty() || !spec.eks().clusters().isEmpty();
    }
}
