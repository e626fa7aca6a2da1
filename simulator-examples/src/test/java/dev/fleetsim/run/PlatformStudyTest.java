package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The study "one service four ways" (docs/studies.md): 24 replicas of 1 vCPU / 2 GiB for 30 days on EC2, ECS on
 * EC2, ECS on Fargate and EKS. Each total is derived by hand in the scenario file's header.
 */
final class PlatformStudyTest {

    private static JsonNode report(String name) {
        return reportOf("../scenarios/studies/platforms/" + name + ".yaml");
    }

    private static JsonNode reportOf(String path) {
        return CliRuns.report(path);
    }

    @Test
    void ec2_twelveInstances() throws Exception {
        // 12 x $0.085 x 720 h
        assertThat(report("ec2").get("bill").get("total").asText()).isEqualTo("734.40");
    }

    @Test
    void ecsOnEc2_fourTasksPerHost_sixHosts() throws Exception {
        // 6 x $0.17 x 720 h: 4 tasks of 1024 units / 2048 MiB fill a c6i.xlarge exactly
        JsonNode r = report("ecs-ec2");
        assertThat(r.get("bill").get("total").asText()).isEqualTo("734.40");
        assertThat(r.get("workloads").get(0).get("pending").asLong()).isZero();
        assertThat(r.get("capacity").get("meanCpuUtilization").asDouble()).isEqualTo(1.0);
    }

    @Test
    void ecsOnFargate_perVcpuAndGbHour() throws Exception {
        // 24 x (0.04048 + 2 x 0.004445) x 720 = 853.1136
        assertThat(report("ecs-fargate").get("bill").get("total").asText()).isEqualTo("853.11");
    }

    @Test
    void eks_kubeReservedLeavesThreePodsPerNode_plusControlPlane() throws Exception {
        // 8 nodes x $0.17 x 720 h + $0.10 x 720 h = 979.20 + 72.00
        JsonNode r = report("eks");
        assertThat(r.get("bill").get("total").asText()).isEqualTo("1051.20");
        assertThat(r.get("bill").get("byService").get("eks").asText()).isEqualTo("72.00");
        assertThat(r.get("workloads").get(0).get("pending").asLong()).isZero();
    }

    @Test
    void diurnalFargate_taskHoursTrackTheDemandAtTheTargetUtilization() throws Exception {
        // scenarios/studies/platforms-diurnal: a task serves 150/s at 100%, tracked at 60%, so 90/s per task. Task-hours
        // at the target = requests / (90 x 3,600); the service keeps ceil(demand / 90) tasks, scales out within a
        // minute and in after 15 minutes, so its task-hours lie a little above that, never below by more than the
        // one-minute lag. A task-hour bills 0.04048 + 2 x 0.004445 = $0.04937 (aws-rules.md item 5).
        JsonNode r = reportOf("../scenarios/studies/platforms-diurnal/ecs-fargate.yaml");
        double requests = r.get("demand").get("requests").asDouble();
        double atTarget = requests / (90.0 * 3_600);
        double taskHours = r.get("bill").get("total").asDouble() / 0.04937;

        assertThat(taskHours / atTarget).isBetween(0.97, 1.20);
        assertThat(r.get("demand").get("unservedShare").asDouble()).isLessThan(0.001);
    }

    @Test
    void diurnalPlatforms_allServeTheDemand_andEksPaysItsControlPlane() throws Exception {
        for (String name : new String[] {"ec2", "ecs-ec2", "ecs-fargate", "eks", "eks-karpenter"}) {
            JsonNode r = reportOf("../scenarios/studies/platforms-diurnal/" + name + ".yaml");
            assertThat(r.get("demand").get("unservedShare").asDouble()).as(name).isLessThan(0.001);
            if (name.startsWith("eks")) {
                // $0.10 x 720 h
                assertThat(r.get("bill").get("byService").get("eks").asText()).as(name).isEqualTo("72.00");
            }
        }
    }
}
