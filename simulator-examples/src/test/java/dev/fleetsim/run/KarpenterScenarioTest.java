package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * Karpenter through the CLI, as {@code ./fleetsim run scenarios/regression/eks-karpenter-cheapest-fit.yaml --format
 * json} runs it. Every figure is derived by hand in the scenario's header (docs/containers.md, "Karpenter").
 */
final class KarpenterScenarioTest {

    private static JsonNode run(String path) {
        CliRuns.Output o = CliRuns.cli("run", path, "--format", "json");
        assertThat(o.status()).as("exit status; stderr: %s", o.err()).isZero();
        assertThat(o.err()).doesNotContain("karpenter");
        return o.json();
    }

    @Test
    void textReport_listsThePoolsCounters() {
        CliRuns.Output text = CliRuns.cli("run", "../scenarios/regression/eks-karpenter-cheapest-fit.yaml");
        assertThat(text.status()).isZero();
        assertThat(text.out()).contains(
                "karpenter pool  launched  empty  underutilized  replaced  expired  lost  peak\n"
                + "small/flex             2      2              0         0        0     0     2\n");
    }

    @Test
    void cheapestFit_c7gXlargeForThreePodsAndM7gLargeForTheFourth_bothLeaveAfterTheJobs() throws Exception {
        JsonNode r = run("../scenarios/regression/eks-karpenter-cheapest-fit.yaml");
        JsonNode pool = r.get("karpenter").get(0);
        assertThat(pool.get("cluster").asText()).isEqualTo("small");
        assertThat(pool.get("pool").asText()).isEqualTo("flex");
        assertThat(pool.get("nodesLaunched").asLong()).isEqualTo(2);
        assertThat(pool.get("peakNodes").asInt()).isEqualTo(2);
        // Both emptied when the Job pods finished, one per 15-s pass (budget roundup(2 x 10%) = 1).
        assertThat(pool.get("consolidatedEmpty").asLong()).isEqualTo(2);
        assertThat(pool.get("consolidatedUnderutilized").asLong()).isZero();
        JsonNode hours = r.get("capacity").get("instanceHours");
        assertThat(hours.size()).isEqualTo(2);
        // Running 17.5 s to 630 s and 17.5 s to 645 s.
        assertThat(hours.get("c7g.xlarge").asDouble()).isCloseTo(612.5 / 3600, within(1e-12));
        assertThat(hours.get("m7g.large").asDouble()).isCloseTo(627.5 / 3600, within(1e-12));
        // 612.5 s x $0.145/h + 627.5 s x $0.0816/h = $0.024670 + $0.014223 = $0.038893; plus the control plane $0.10.
        assertThat(r.get("bill").get("byService").get("ec2").asText()).isEqualTo("0.04");
        assertThat(r.get("bill").get("byService").get("eks").asText()).isEqualTo("0.10");
        // Requested vCPU-s: agents 0.1 x (612.5 + 627.5) + pods 4 x 600 = 2524; capacity 4 x 612.5 + 2 x 627.5 = 3705.
        assertThat(r.get("capacity").get("meanCpuUtilization").asDouble()).isCloseTo(2524.0 / 3705, within(1e-9));
        JsonNode batch = r.get("workloads").get(1);
        assertThat(batch.get("name").asText()).isEqualTo("batch");
        assertThat(batch.get("completed").asLong()).isEqualTo(4);
        assertThat(batch.get("pending").asLong()).isZero();
    }
}
