package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The container sections are simulated whole: the run names nothing of them as not simulated. */
final class ContainerGapsTest {

    private static ScenarioSpec spec(String yaml) throws Exception {
        return new ScenarioLoader(InstanceCatalog.loadDefault()).parse(yaml, Path.of("."), List.of()).spec();
    }

    @Test
    void notSimulated_managedScalingClusterAutoscalerAndKarpenter_areNotNamed() throws Exception {
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
        // Managed scaling, the Cluster Autoscaler and Karpenter are simulated (dev.fleetsim.autoscaling): not named.
        assertThat(NotSimulated.sections(spec)).isEmpty();
    }

    @Test
    void notSimulated_autoscalingDeploymentsFargateSpotAndSpotNodes_areSimulated() throws Exception {
        ScenarioSpec spec = spec("""
                name: dynamics
                horizon: PT1H
                demand:
                  rps: {constant: 100}
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE_SPOT}]
                      services:
                        - {name: web, cpu: 512, memory: 1024, desired: 3, strategy: [{provider: FARGATE_SPOT}],
                           autoscaling: {signal: rps, perTask: 50, targetUtilization: 0.5, min: 1, max: 10},
                           deployment: {at: [PT10M]}}
                eks:
                  clusters:
                    - name: k
                      nodePools:
                        - {name: general, kind: managed, instanceTypes: [m5.large], min: 1, max: 3, desired: 1,
                           market: spot}
                      workloads:
                        - {name: api, kind: Deployment, replicas: 2,
                           autoscaling: {signal: rps, perPod: 50, targetUtilization: 0.5, max: 5}}
                """);
        assertThat(NotSimulated.sections(spec)).isEmpty();
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
        // Spot providers, pools and Fargate Spot tasks are all interrupted: nothing is named.
        assertThat(NotSimulated.sections(spec)).isEmpty();
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
        assertThat(NotSimulated.sections(spec)).isEmpty();
    }

    @Test
    void notSimulated_taskStartup_isSimulated_notNamed() throws Exception {
        ScenarioSpec spec = spec("""
                name: startup
                horizon: PT1H
                lifecycle: {taskStartup: PT30S}
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE}]
                      tasks:
                        - {name: etl, launchType: FARGATE, cpu: 256, memory: 512, duration: {fixed: PT5M}}
                eks:
                  clusters:
                    - name: k
                      nodePools:
                        - {name: general, kind: managed, instanceTypes: [m5.large], min: 1, max: 1}
                      workloads:
                        - {name: api, kind: Deployment, replicas: 1}
                """);
        // TaskStartup delays serving and completion: nothing is named.
        assertThat(NotSimulated.sections(spec)).isEmpty();
    }
}
