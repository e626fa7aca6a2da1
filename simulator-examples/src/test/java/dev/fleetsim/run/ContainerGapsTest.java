package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the container wiring names as not simulated: only the dynamics, never a whole cluster. */
final class ContainerGapsTest {

    private static ScenarioSpec spec(String yaml) throws Exception {
        return new ScenarioLoader(InstanceCatalog.loadDefault()).parse(yaml, Path.of("."), List.of()).spec();
    }

    @Test
    void notSimulated_karpenterAndHazard_areNamedByPath_managedScalingAndClusterAutoscalerAreNot() throws Exception {
        ScenarioSpec spec = spec("""
                name: gaps
                horizon: PT1H
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large], min: 0, max: 4, desired: 2},
                           managedScaling: {targetCapacity: 90}}
                        - {name: FARGATE_SPOT}
                      services:
                        - {name: web, cpu: 512, memory: 1024, desired: 3, strategy: [{provider: FARGATE_SPOT}]}
                eks:
                  clusters:
                    - name: k
                      autoscaler: cluster-autoscaler
                      nodePools:
                        - {name: general, kind: managed, instanceTypes: [m5.large], min: 1, max: 3}
                        - {name: flex, kind: karpenter, instanceTypes: [m7g.large]}
                      workloads:
                        - {name: api, kind: Deployment, replicas: 2}
                """);
        // Managed scaling and the Cluster Autoscaler are simulated (dev.fleetsim.autoscaling): not named.
        assertThat(ContainerGaps.notSimulated(spec)).containsExactly(
                "eks.clusters[0].nodePools[1] (karpenter pool 'flex': provisioning and consolidation; it launches no"
                        + " nodes)",
                "pricing.spot.interruptions: hazard on Fargate Spot tasks (they run uninterrupted)");
    }

    @Test
    void notSimulated_spotProvidersAndPools_hazardAndForcedFaultsAreSimulated() throws Exception {
        ScenarioSpec spec = spec("""
                name: spot-capacity
                horizon: PT1H
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: spotfleet, group: {instanceTypes: [m5.large, m5a.large], min: 0, max: 4, desired: 2,
                           market: spot}}
                        - {name: FARGATE_SPOT}
                      services:
                        - {name: web, launchType: FARGATE_SPOT, cpu: 256, memory: 512, desired: 1}
                eks:
                  clusters:
                    - name: k
                      nodePools:
                        - {name: spotnodes, kind: managed, instanceTypes: [m5.large], min: 1, max: 3, market: spot}
                faults:
                  - {kind: spot-interruption, target: spotfleet, at: PT10M}
                  - {kind: spot-interruption, target: spotnodes, at: PT20M}
                  - {kind: spot-interruption, target: web, at: PT20M}
                """);
        // Only Fargate Spot is left uninterrupted; the providers' and pools' instances are not named.
        assertThat(ContainerGaps.notSimulated(spec)).containsExactly(
                "pricing.spot.interruptions: hazard on Fargate Spot tasks (they run uninterrupted)");
        assertThat(NotSimulated.sections(spec)).containsExactly(
                "pricing.spot.interruptions: hazard on Fargate Spot tasks (they run uninterrupted)",
                "faults[2] (spot-interruption of"
                + " 'web': only ec2.instances, ec2.groups, ECS capacity providers and EKS managed node"
                + " pools are interrupted yet)");
    }

    @Test
    void notSimulated_fixedOnDemandClusters_nameNothing() throws Exception {
        ScenarioSpec spec = spec("""
                name: none
                horizon: PT1H
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE}]
                      tasks:
                        - {name: etl, launchType: FARGATE, cpu: 256, memory: 512, duration: {fixed: PT5M}}
                """);
        assertThat(ContainerGaps.notSimulated(spec)).isEmpty();
    }
}
