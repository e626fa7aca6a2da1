package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bounded resources: the estimate of hosts and launches, by hand, and the problems past the limits. */
final class EntityEstimateTest {

    private static final String ECS = """
            ecs:
              clusters:
                - name: c
                  capacityProviders: [{name: FARGATE}]
                  services:
                    - {name: web, cpu: 256, memory: 512, desired: 3, launchType: FARGATE}
                  tasks:
                    - {name: t, launchType: FARGATE, cpu: 256, memory: 512, arrivals: %s, duration: {fixed: PT1S}}
            """;

    @TempDir
    Path dir;

    private List<String> issues(String yaml, EntityLimits limits) {
        try {
            new ScenarioLoader(Loading.CATALOG).withLimits(limits).load(Loading.write(dir, "s.yaml", yaml));
            return List.of();
        } catch (InvalidScenarioException e) {
            return e.issues().stream().map(Issue::format).toList();
        }
    }

    @Test
    void tasks_everySecondForADayTimesTwoHundred_exceedTheDefaultLimit() {
        // every PT1S over P1D: launches at 0, 1, ..., 86,399 s = 86,400 arrivals of 200 tasks = 17,280,000;
        // with the service's 3 tasks, 17,280,003 > 10,000,000.
        List<String> lines = issues("name: t\nhorizon: P1D\n" + ECS.formatted("{every: PT1S, count: 200}"),
                EntityLimits.defaults());

        assertThat(lines).containsExactly("ecs.clusters[0].tasks[0].arrivals: 17,280,000 task launches over the"
                + " horizon; with the rest of the scenario 17,280,003 task and pod launches, more than the limit of"
                + " 10,000,000; lower it, or raise the limit with --max-entities N");
        assertThat(issues("name: t\nhorizon: P1D\n" + ECS.formatted("{every: PT1S, count: 200}"),
                EntityLimits.of(17_280_003))).isEmpty();
    }

    @Test
    void tasks_everyThatDoesNotDivideTheHorizon_countsTheLastPartialPeriod() {
        // every PT7M over PT1H: 0, 7, ..., 56 min = ceil(60 / 7) = 9 arrivals of 2 = 18, plus 3 service tasks = 21.
        String yaml = "name: t\nhorizon: PT1H\n" + ECS.formatted("{every: PT7M, count: 2}");

        assertThat(issues(yaml, new EntityLimits(10, 21))).isEmpty();
        assertThat(issues(yaml, new EntityLimits(10, 20))).singleElement().asString().startsWith(
                "ecs.clusters[0].tasks[0].arrivals: 18 task launches over the horizon; with the rest of the scenario"
                        + " 21 task and pod launches, more than the limit of 20;");
    }

    @Test
    void tasks_poissonRate_isBoundedBySixStandardDeviations() {
        // 100 per hour over P30D (720 h): mean 72,000, sd sqrt(72,000) = 268.33; 72,000 + 6 x 268.33 + 10 =
        // 73,619.97, rounded up to 73,620; plus 3 service tasks = 73,623.
        String yaml = "name: t\nhorizon: P30D\n" + ECS.formatted("{poisson: {ratePerHour: 100}}");

        assertThat(issues(yaml, new EntityLimits(10, 73_623))).isEmpty();
        assertThat(issues(yaml, new EntityLimits(10, 73_622))).singleElement().asString().startsWith(
                "ecs.clusters[0].tasks[0].arrivals: 73,620 task launches");
    }

    @Test
    void tasks_atListAndUniform_countTimesAndCount() {
        // at: 3 times x count 4 = 12; uniform: its count 5; + 3 service tasks.
        assertThat(issues("name: t\nhorizon: PT1H\n" + ECS.formatted("{at: [PT0S, PT1M, PT2M], count: 4}"),
                new EntityLimits(10, 14))).singleElement().asString().contains("12 task launches").contains(
                        "15 task and pod launches, more than the limit of 14");
        assertThat(issues("name: t\nhorizon: PT1H\n" + ECS.formatted("{uniform: {count: 5, over: PT1H}}"),
                new EntityLimits(10, 7))).singleElement().asString().contains("8 task and pod launches");
    }

    @Test
    void hosts_overTheDefaultLimit_nameTheLargestEntry() {
        // 600,000 + 500,000 = 1,100,000 instances at once > 1,000,000.
        List<String> lines = issues("""
                name: t
                horizon: PT1H
                ec2:
                  instances:
                    - {name: a, type: m5.large, count: 600000}
                    - {name: b, type: m5.large, count: 500000}
                """, EntityLimits.defaults());

        assertThat(lines).containsExactly("ec2.instances[0].count: 600,000 instances at once; with the rest of the"
                + " scenario 1,100,000 hosts at once, more than the limit of 1,000,000; lower it, or raise the limit"
                + " with --max-entities N");
    }

    @Test
    void hostsAndPods_groupsProvidersNodePoolsServicesAndDaemonSets_countAtTheirMaximum() {
        String yaml = """
                name: t
                horizon: P1D
                ec2:
                  groups:
                    - {name: g, instanceTypes: [m5.large], min: 1, max: 10,
                       scaling: {schedule: [{at: PT1H, desired: 12, max: 12}]}}
                ecs:
                  clusters:
                    - name: c
                      capacityProviders: [{name: p, group: {instanceTypes: [m5.large], min: 0, max: 20}}]
                      services:
                        - {name: s, cpu: 256, memory: 512, desired: 5, launchType: EC2, capacityProvider: p,
                           autoscaling: {signal: d, perTask: 10, targetUtilization: 0.5, min: 1, max: 50},
                           deployment: {at: [PT1H, PT2H]}}
                demand: {d: {constant: 10}}
                eks:
                  clusters:
                    - name: k
                      nodePools:
                        - {name: m, kind: managed, instanceTypes: [m5.large], min: 1, max: 4}
                        - {name: kp, kind: karpenter, instanceTypes: [m5.xlarge, m5.large], limits: {cpu: 1000}}
                      workloads:
                        - {name: ds, kind: DaemonSet}
                        - {name: api, kind: Deployment, replicas: 7}
                """;
        // Hosts: group max 12 (its schedule raises max to 12) + provider max 20 + managed max 4 + Karpenter
        // 1,000 cpu / 2 vCPU (m5.large, the smallest) = 500 nodes: 536.
        // Tasks and pods: service max(5, 50) x (1 + 2 deployments) = 150; DaemonSet one pod per node of its
        // cluster, 4 + 500 = 504; Deployment 7: 661.
        assertThat(issues(yaml, new EntityLimits(536, 661))).isEmpty();
        assertThat(issues(yaml, new EntityLimits(535, 660))).containsExactly(
                "eks.clusters[0].nodePools[1].limits.cpu: 500 nodes at once (the cpu limit over the smallest instance"
                        + " type); with the rest of the scenario 536 hosts at once, more than the limit of 535; lower"
                        + " it, or raise the limit with --max-entities N",
                "eks.clusters[0].workloads[0]: 504 pods (one per node of the cluster); with the rest of the scenario"
                        + " 661 task and pod launches, more than the limit of 660; lower it, or raise the limit with"
                        + " --max-entities N");
    }

    @Test
    void saturatingArithmetic_neverOverflows() {
        assertThat(EntityEstimate.times(Long.MAX_VALUE / 2, 3)).isEqualTo(Long.MAX_VALUE);
        assertThat(EntityEstimate.times(1L << 32, 1L << 31)).isEqualTo(Long.MAX_VALUE);
        assertThat(EntityEstimate.times(3_000_000_000L, 3)).isEqualTo(9_000_000_000L);
        assertThat(EntityEstimate.plus(Long.MAX_VALUE, 1)).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void limits_belowOne_areRefused() {
        assertThatThrownBy(() -> EntityLimits.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(EntityLimits.defaults()).isEqualTo(new EntityLimits(1_000_000, 10_000_000));
    }
}
