package dev.fleetsim.run;

import dev.fleetsim.host.Market;
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
        // Containers: what the ECS and EKS wiring leaves out (scaling, Karpenter, interruptions).
        skipped.addAll(ContainerGaps.notSimulated(spec));
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
