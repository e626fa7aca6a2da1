package dev.fleetsim.run;

import static dev.fleetsim.run.CliRuns.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Workload dynamics through the CLI ({@code ./fleetsim run scenarios/regression/NAME.yaml --format json}): service
 * auto scaling, the HPA, rolling deployments and a Fargate Spot interruption. Every figure is derived by hand in the
 * scenario file's header and repeated here.
 */
final class ContainerDynamicsScenariosTest {

    private static JsonNode run(String name) {
        return CliRuns.regression(name);
    }

    private static long[] counts(JsonNode w) {
        return new long[] {w.get("launched").asLong(), w.get("completed").asLong(), w.get("pending").asLong(),
            w.get("interrupted").asLong(), w.get("running").asLong()};
    }

    @Test
    void fargateSpot_aws_rules_item4_forcedInterruption_billsTheStopTimeout_replacesAtTheWarning() throws Exception {
        // 3,630 s + 3,600 s at $0.0004/s = $2.892 -> $2.89 (at the warning alone it would be $2.88).
        JsonNode r = run("fargate-spot-forced-interruption");
        assertThat(r.get("bill").get("total").asText()).isEqualTo("2.89");
        assertThat(r.get("bill").get("byPricingModel").get("spot").asText()).isEqualTo("2.89");
        JsonNode api = workload(r, "api");
        assertThat(counts(api)).containsExactly(2, 0, 0, 1, 1);
        assertThat(api.get("interruptionNotices").asLong()).isEqualTo(1);
        assertThat(api.get("replacements").asLong()).isEqualTo(1);
        assertThat(r.get("events").get("spotInterruptionNotices").asLong()).isEqualTo(1);
        assertThat(r.get("workloadTotals").get("replacements").asLong()).isEqualTo(1);
    }

    @Test
    void serviceAutoscaling_aws_rules_item7_outAfter3Points_inAfter15Points_unservedIsTheLaggingMinutes()
            throws Exception {
        // 20 launched at 00:33 (third high point), 18 stopped at 01:15; 16.6 task-hours x $0.30 = $4.98; unserved
        // 800 x 180 = 144,000 of 2,340,000.
        JsonNode r = run("ecs-service-autoscaling");
        assertThat(r.get("bill").get("total").asText()).isEqualTo("4.98");
        JsonNode frontend = workload(r, "frontend");
        assertThat(counts(frontend)).containsExactly(20, 18, 0, 0, 2);
        JsonNode demand = frontend.get("demand");
        assertThat(demand.get("requests").asDouble()).isCloseTo(2_340_000, within(1e-6));
        assertThat(demand.get("unserved").asDouble()).isCloseTo(144_000, within(1e-6));
        assertThat(demand.get("unservedShare").asDouble()).isCloseTo(144_000.0 / 2_340_000, within(1e-12));
        assertThat(r.get("demand").get("unserved").asDouble()).isCloseTo(144_000, within(1e-6));
    }

    @Test
    void hpa_aws_rules_item8_demandStep_2To6To12To20_unservedWhileRampingUp() throws Exception {
        // 20 pods at the end (2 + 4 + 6 + 8 launched); unserved 800 x 15.001 + 400 x 15 = 18,000.8 of 546,000;
        // the 18 pods of the three scale-ups each waited the 1 ms to the next placement pass.
        JsonNode r = run("eks-hpa-step");
        JsonNode api = workload(r, "api");
        assertThat(counts(api)).containsExactly(20, 0, 0, 0, 20);
        assertThat(api.get("demand").get("requests").asDouble()).isCloseTo(546_000, within(1e-6));
        assertThat(api.get("demand").get("unserved").asDouble()).isCloseTo(18_000.8, within(1e-6));
        assertThat(api.get("pendingTime").asText()).isEqualTo("PT0.018S");
        assertThat(api.get("maxPendingWait").asText()).isEqualTo("PT0.001S");
    }

    @Test
    void rollingDeployment_aws_rules_item7_stallsOnAFullCluster_finishesAtOnceWithRoom() throws Exception {
        JsonNode r = run("ecs-rolling-deployment");
        JsonNode stuck = workload(r, "stuck");
        // 100/200 on a full instance: 2 old run, 2 new pend from 01:00 (1 h each), never finishes.
        assertThat(counts(stuck)).containsExactly(4, 0, 2, 0, 2);
        assertThat(stuck.get("pendingTime").asText()).isEqualTo("PT2H");
        assertThat(stuck.get("deployments")).hasSize(1);
        assertThat(stuck.get("deployments").get(0).get("start").asText()).isEqualTo("PT1H");
        assertThat(stuck.get("deployments").get(0).get("took").isNull()).isTrue();
        // 50/200 with room: two deployments, each within its instant.
        JsonNode rolling = workload(r, "rolling");
        assertThat(counts(rolling)).containsExactly(6, 4, 0, 0, 2);
        assertThat(rolling.get("deployments").get(0).get("start").asText()).isEqualTo("PT20M");
        assertThat(rolling.get("deployments").get(0).get("took").asText()).isEqualTo("PT0S");
        assertThat(rolling.get("deployments").get(1).get("start").asText()).isEqualTo("PT1H20M");
        assertThat(r.get("workloadTotals").get("deployments").asLong()).isEqualTo(3);
        assertThat(r.get("workloadTotals").get("deploymentsFinished").asLong()).isEqualTo(2);
    }

    @Test
    void serviceAutoscaling_processors_md_amdTasksServe160Percent_sixTasksNotSeven() throws Exception {
        // Mean per task (100 + 160) / 2 = 130: ceil(700 / 130) = 6 with Intel and AMD hosts; 7 on Intel alone; both
        // set at 00:03 (the high alarm's third one-minute data point, the first being there at 00:01): unserved
        // (700 - 260) x 180.001 and (700 - 200) x 180.001.
        JsonNode r = run("ecs-autoscaling-processors");
        JsonNode mixed = workload(r, "mixed");
        assertThat(counts(mixed)).containsExactly(6, 0, 0, 0, 6);
        assertThat(mixed.get("demand").get("unserved").asDouble()).isCloseTo(79_200.44, within(1e-6));
        JsonNode plain = workload(r, "plain");
        assertThat(counts(plain)).containsExactly(7, 0, 0, 0, 7);
        assertThat(plain.get("demand").get("unserved").asDouble()).isCloseTo(90_000.5, within(1e-6));
    }
}
