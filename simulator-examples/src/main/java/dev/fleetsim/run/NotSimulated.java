package dev.fleetsim.run;

import dev.fleetsim.host.Market;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.SpotSpec;
import java.util.ArrayList;
import java.util.List;

/** The parts of a scenario this build parses and validates but does not simulate yet, by path. */
final class NotSimulated {

    private NotSimulated() {
    }

    static List<String> sections(ScenarioSpec spec) {
        List<String> skipped = new ArrayList<>();
        if (!spec.demand().isEmpty()) {
            skipped.add("demand (signals are not sampled yet)");
        }
        if (!spec.ec2().groups().isEmpty()) {
            skipped.add("ec2.groups (Auto Scaling groups)");
        }
        for (int i = 0; i < spec.ecs().clusters().size(); i++) {
            EcsClusterSpec c = spec.ecs().clusters().get(i);
            if (!c.capacityProviders().isEmpty() || !c.services().isEmpty() || !c.tasks().isEmpty()) {
                skipped.add("ecs.clusters[" + i + "] (" + c.name() + ")");
            }
        }
        for (int i = 0; i < spec.eks().clusters().size(); i++) {
            EksClusterSpec c = spec.eks().clusters().get(i);
            if (!c.nodePools().isEmpty() || !c.workloads().isEmpty()) {
                skipped.add("eks.clusters[" + i + "] node pools and workloads (" + c.name()
                        + "; its control plane is billed)");
            }
        }
        for (int i = 0; i < spec.faults().size(); i++) {
            if (spec.faults().get(i).kind() != FaultSpec.Kind.SPOT_INTERRUPTION) {
                skipped.add("faults[" + i + "] (" + spec.faults().get(i).kind().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-') + ")");
            }
        }
        boolean spot = false;
        for (InstanceSpec s : spec.ec2().instances()) {
            spot |= s.market() == Market.SPOT;
        }
        if (spot && spec.pricing().spot().interruptions() == SpotSpec.Interruptions.HAZARD) {
            skipped.add("pricing.spot.interruptions: hazard (only forced spot-interruption faults apply)");
        }
        if (spot && spec.pricing().spot().model().trace() != null) {
            skipped.add("pricing.spot.model: trace (Spot bills at the advisor's constant price)");
        }
        return skipped;
    }
}
