package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Faults: only what no launcher simulates is named; zone outages and host failures of EC2 and container hosts
 * (Karpenter pools included) are not.
 */
final class NotSimulatedTest {

    private static ScenarioSpec spec(String yaml) throws Exception {
        return new ScenarioLoader(RunChecks.CATALOG).parse(yaml, Path.of("."), List.of()).spec();
    }

    @Test
    void sections_zoneOutageAndHostFailuresOfEc2AndContainerHosts_nameNothing() throws Exception {
        assertThat(NotSimulated.sections(spec("""
                name: all-simulated
                horizon: P1D
                capacity:
                  pools: [{type: m5.large, zone: us-east-1a, max: 1}]
                ec2:
                  instances: [{name: api, type: m5.large}]
                  groups: [{name: web, instanceTypes: [m5.large], min: 1, max: 2}]
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: fleet, group: {instanceTypes: [m5.large], min: 1, max: 1}}]
                eks:
                  clusters:
                    - name: k
                      nodePools: [{name: flex, kind: karpenter, instanceTypes: [m5.large]}]
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT1H}
                  - {kind: host-failures, perInstancePerYear: 0.5}
                  - {kind: host-failures, perInstancePerYear: 0.5, target: fleet}
                  - {kind: host-failures, perInstancePerYear: 0.5, target: web}
                  - {kind: host-failures, perInstancePerYear: 0.5, target: flex}
                """))).isEmpty();
    }

    @Test
    void sections_aServiceTarget_isNamedByPath_fargateInAnOutageIsNot() throws Exception {
        assertThat(NotSimulated.sections(spec("""
                name: gaps
                horizon: P1D
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE}]
                      services:
                        - {name: web, cpu: 256, memory: 512, desired: 1, launchType: FARGATE}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT1H}
                  - {kind: host-failures, perInstancePerYear: 0.5, target: web}
                """))).containsExactly(
                "faults[1] (host-failures of 'web': only ec2.instances, ec2.groups, ECS capacity providers, EKS"
                        + " managed node pools and Karpenter pools are targets)");
    }
}
