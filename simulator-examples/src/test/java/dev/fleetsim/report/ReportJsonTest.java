package dev.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ReportJsonTest {

    /** The example of SPEC section 7. */
    static Report specExample() {
        Map<String, BigDecimal> byService = new LinkedHashMap<>();
        byService.put("ec2", new BigDecimal("12.8"));
        byService.put("fargate", new BigDecimal("16.80"));
        byService.put("eks", BigDecimal.ZERO);
        Map<String, BigDecimal> byModel = new LinkedHashMap<>();
        byModel.put("on-demand", new BigDecimal("10"));
        byModel.put("spot", BigDecimal.ZERO);
        byModel.put("reserved", BigDecimal.ZERO);
        byModel.put("savings-plan", new BigDecimal("19.600"));
        Bill bill = new Bill("USD", new BigDecimal("29.6"), new BigDecimal("29.60"), byService, byModel,
                List.of(new CommitmentReport("sp-1", "savings-plan", 1.0, BigDecimal.ZERO)));
        return new Report("e11-compute-sp", 7, Duration.ofHours(1), bill,
                List.of(new WorkloadReport("etl", "ecs-task", 150, 150, 0, 0)),
                new CapacityReport(Map.of("r5.4xlarge", 4.0), 5, 0.61), new EventCounts(1234, 0), null);
    }

    @Test
    void write_specExample_matchesTheSpecFieldForField() {
        String expected = String.join("\n",
                "{",
                "  \"scenario\": \"e11-compute-sp\",",
                "  \"seed\": 7,",
                "  \"horizon\": \"PT1H\",",
                "  \"bill\": {",
                "    \"currency\": \"USD\",",
                "    \"total\": \"29.60\",",
                "    \"unblendedTotal\": \"29.60\",",
                "    \"byService\": {",
                "      \"ec2\": \"12.80\",",
                "      \"fargate\": \"16.80\",",
                "      \"eks\": \"0.00\"",
                "    },",
                "    \"byPricingModel\": {",
                "      \"on-demand\": \"10.00\",",
                "      \"spot\": \"0.00\",",
                "      \"reserved\": \"0.00\",",
                "      \"savings-plan\": \"19.60\"",
                "    },",
                "    \"commitments\": [",
                "      {",
                "        \"id\": \"sp-1\",",
                "        \"kind\": \"savings-plan\",",
                "        \"utilization\": 1.0,",
                "        \"unused\": \"0.00\"",
                "      }",
                "    ]",
                "  },",
                "  \"workloads\": [",
                "    {",
                "      \"name\": \"etl\",",
                "      \"kind\": \"ecs-task\",",
                "      \"launched\": 150,",
                "      \"completed\": 150,",
                "      \"pending\": 0,",
                "      \"interrupted\": 0,",
                "      \"running\": 0",
                "    }",
                "  ],",
                "  \"capacity\": {",
                "    \"instanceHours\": {",
                "      \"r5.4xlarge\": 4.0",
                "    },",
                "    \"peakInstances\": 5,",
                "    \"meanCpuUtilization\": 0.61",
                "  },",
                "  \"events\": {",
                "    \"processed\": 1234,",
                "    \"spotInterruptionNotices\": 0",
                "  },",
                "  \"replications\": null",
                "}",
                "");
        assertThat(new ReportJson().write(specExample())).isEqualTo(expected);
    }

    @Test
    void write_replications_areMoneyStringsForTheTotal() {
        Report base = specExample();
        Report r = new Report(base.scenario(), base.seed(), base.horizon(), base.bill(), base.workloads(),
                base.capacity(), base.events(), new Replications(10, new MoneyEstimate(new BigDecimal("29.6"),
                new BigDecimal("1.234"), new BigDecimal("28.7"), new BigDecimal("30.5")),
                new Estimate(0.01, 0.002, 0.0086, 0.0114), new Estimate(1.5, 0.5, 1.1, 1.9)));
        assertThat(new ReportJson().write(r)).contains("\"replications\": {\n    \"count\": 10,\n    \"total\": {\n"
                + "      \"mean\": \"29.60\",\n      \"stddev\": \"1.234\",\n      \"ci95Low\": \"28.70\",\n"
                + "      \"ci95High\": \"30.50\"\n    },\n    \"unservedDemand\": {\n      \"mean\": 0.01,");
    }

    @Test
    void write_faults_comeLastWithEveryCounterAndPool() {
        Report base = specExample();
        Report r = new Report(base.scenario(), base.seed(), base.horizon(), base.bill(), base.workloads(),
                base.capacity(), base.events(), null, null, List.of(), List.of(), new FaultReport(1,
                List.of(new FaultReport.Workload("web", "ec2-group", 4, 1, 2, 0, 3, 5, 6, 7)),
                List.of(new FaultReport.Pool("m5.large", "us-east-1a", "any", 2, 2, 7))));

        String json = new ReportJson().write(r);

        assertThat(json).endsWith("  \"replications\": null,\n  \"faults\": {\n    \"zoneOutages\": 1,\n"
                + "    \"workloads\": [\n      {\n        \"name\": \"web\",\n        \"kind\": \"ec2-group\",\n"
                + "        \"insufficientCapacityErrors\": 4,\n        \"failedLaunches\": 1,\n"
                + "        \"hostFailures\": 2,\n        \"recoveries\": 0,\n        \"outageFailures\": 3,\n"
                + "        \"replacements\": 5,\n        \"azRebalanceLaunches\": 6,\n"
                + "        \"azRebalanceTerminations\": 7\n      }\n    ],\n    \"pools\": [\n      {\n"
                + "        \"type\": \"m5.large\",\n        \"zone\": \"us-east-1a\",\n        \"market\": \"any\",\n"
                + "        \"max\": 2,\n        \"peak\": 2,\n        \"refused\": 7\n      }\n    ]\n  }\n}\n");
        assertThat(new ReportJson().write(base)).doesNotContain("faults");
        assertThat(new ReportTable().write(r)).contains("faults  zone outages 1").contains("refused");
    }

    @Test
    void money_keepsExactDigitsWithAtLeastTwo() {
        assertThat(Money.format(new BigDecimal("0.0816"))).isEqualTo("0.0816");
        assertThat(Money.format(new BigDecimal("0.081600"))).isEqualTo("0.0816");
        assertThat(Money.format(new BigDecimal("29.6"))).isEqualTo("29.60");
        assertThat(Money.format(new BigDecimal("100"))).isEqualTo("100.00");
        assertThat(Money.format(new BigDecimal("1E+3"))).isEqualTo("1000.00");
        assertThat(Money.format(BigDecimal.ZERO)).isEqualTo("0.00");
    }

    @Test
    void bill_whoseBreakdownDoesNotSumToTheTotal_isRejected() {
        // SPEC section 7: both maps always sum to total.
        assertThatThrownBy(() -> new Bill("USD", new BigDecimal("10.00"), new BigDecimal("10.00"),
                Map.of("ec2", new BigDecimal("9.99")), Map.of("on-demand", new BigDecimal("10.00")), List.of()))
                .hasMessage("byService sums to 9.99, not the total 10.00");
    }

    @Test
    void capacity_instanceHours_areSortedByType() {
        Map<String, Double> hours = new LinkedHashMap<>();
        hours.put("r5.large", 1.0);
        hours.put("m7g.large", 2.0);
        assertThat(new CapacityReport(hours, 2, 0.5).instanceHours().keySet()).containsExactly("m7g.large",
                "r5.large");
    }

    @Test
    void write_containerMetrics_afterRunning_andTheOverallLine() throws Exception {
        // Two container lines: pending 90 s + 30 s = PT2M total, longest wait 60 s vs 30 s -> PT1M; notices 1 + 2,
        // replacements 1 + 2; deployments 2 started (one unfinished), 1 finished; demand 1,000 with 100 unserved.
        WorkloadMetrics a = new WorkloadMetrics(Duration.ofSeconds(90), Duration.ofSeconds(60), 1, 1,
                List.of(new WorkloadMetrics.Deployment(Duration.ofHours(1), Duration.ZERO),
                        new WorkloadMetrics.Deployment(Duration.ofHours(2), null)),
                new DemandReport(1_000, 900, 100));
        WorkloadMetrics b = new WorkloadMetrics(Duration.ofSeconds(30), Duration.ofSeconds(30), 2, 2, List.of(), null);
        Report base = specExample();
        Report r = new Report(base.scenario(), base.seed(), base.horizon(), base.bill(), List.of(
                new WorkloadReport("web", "ecs-service", 5, 1, 1, 1, 2, a),
                new WorkloadReport("batch", "ecs-task", 3, 1, 0, 2, 0, b)), base.capacity(), base.events(), null);
        com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(new ReportJson().write(r));
        com.fasterxml.jackson.databind.JsonNode web = json.get("workloads").get(0);
        List<String> fields = new java.util.ArrayList<>();
        web.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("name", "kind", "launched", "completed", "pending", "interrupted",
                "running", "pendingTime", "maxPendingWait", "interruptionNotices", "replacements", "deployments",
                "demand");
        assertThat(web.get("pendingTime").asText()).isEqualTo("PT1M30S");
        assertThat(web.get("deployments").get(1).get("took").isNull()).isTrue();
        assertThat(web.get("deployments").get(0).get("took").asText()).isEqualTo("PT0S");
        assertThat(web.get("demand").get("unservedShare").asDouble()).isEqualTo(0.1);
        assertThat(json.get("workloads").get(1).has("demand")).isFalse();
        com.fasterxml.jackson.databind.JsonNode totals = json.get("workloadTotals");
        assertThat(totals.get("pendingTime").asText()).isEqualTo("PT2M");
        assertThat(totals.get("maxPendingWait").asText()).isEqualTo("PT1M");
        assertThat(totals.get("interruptionNotices").asLong()).isEqualTo(3);
        assertThat(totals.get("replacements").asLong()).isEqualTo(3);
        assertThat(totals.get("deployments").asLong()).isEqualTo(2);
        assertThat(totals.get("deploymentsFinished").asLong()).isEqualTo(1);
    }

    @Test
    void write_withoutContainerMetrics_hasNoTotalsLine() {
        assertThat(new ReportJson().write(specExample())).doesNotContain("workloadTotals");
    }
}
