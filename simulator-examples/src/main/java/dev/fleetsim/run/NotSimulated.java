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
        // Containers: what the ECS and EKS wiring leaves out (scaling, Karpenter, interruptions).
        skipped.addAll(ContainerGaps.notSimulated(spec));
        for (int i = 0; i < spec.faults().size(); i++) {
            FaultSpec f = spec.faults().get(i);
            if (f.kind() == FaultSpec.Kind.SPOT_INTERRUPTION
                    && spec.ec2().instances().stream().noneMatch(s -> s.name().equals(f.target()))
                    && spec.ec2().groups().stream().noneMatch(g -> g.name().equals(f.target()))
                    && !ContainerGaps.isCapacityTarget(spec, f.target())) {
                skipped.add("faults[" + i + "] (spot-interruption of '" + f.target()
                        + "': only ec2.instances, ec2.groups, ECS capacity providers and EKS managed node pools are"
                        + " interrupted yet)");
            } else if (f.kind() != FaultSpec.Kind.SPOT_INTERRUPTION) {
                skipped.add("faults[" + i + "] (" + spec.faults().get(i).kind().name().toLowerCase(java.util.Locale.ROOT)
                        .replace('_', '-') + ")");
            }
        }
        return skipped;
    }
}
