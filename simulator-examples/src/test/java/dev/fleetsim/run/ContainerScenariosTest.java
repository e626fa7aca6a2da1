package dev.fleetsim.run;

import static dev.fleetsim.run.CliRuns.workload;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * ECS and EKS scenarios of the regression set, run as {@code ./fleetsim run scenarios/regression/NAME.yaml
 * --format json} runs them. Each figure is derived by hand in the scenario file's header and repeated here.
 */
final class ContainerScenariosTest {

    private static JsonNode run(String name) {
        return CliRuns.regression(name);
    }

    /** launched, completed, pending, interrupted, running. */
    private static void assertCounts(JsonNode w, long launched, long completed, long pending, long interrupted,
            long running) {
        assertThat(new long[] {w.get("launched").asLong(), w.get("completed").asLong(), w.get("pending").asLong(),
            w.get("interrupted").asLong(), w.get("running").asLong()}).as(w.toString())
                .containsExactly(launched, completed, pending, interrupted, running);
    }

    @Test
    void e14_thirtyTinyPodsOnOneM5Large_twentyNineRunOnePending() throws Exception {
        // aws-rules.md E14: m5.large max pods 3 x 9 + 2 = 29.
        JsonNode r = run("e14-max-pods");
        assertCounts(workload(r, "api"), 30, 0, 1, 0, 29);
        assertThat(workload(r, "api").get("kind").asText()).isEqualTo("eks-deployment");
        // 29 x 10m requested of 2 vCPU for the whole hour: 0.29 / 2 = 0.145.
        assertThat(r.get("capacity").get("meanCpuUtilization").asDouble()).isCloseTo(0.145, within(1e-9));
        // aws-rules.md item 6: control plane $0.10 per cluster-hour; the node 1 h x $0.10 as EC2.
        assertThat(r.get("bill").get("byService").get("eks").asText()).isEqualTo("0.10");
        assertThat(r.get("bill").get("byService").get("ec2").asText()).isEqualTo("0.10");
        assertThat(r.get("capacity").get("instanceHours").get("m5.large").asDouble()).isEqualTo(1.0);
    }

    @Test
    void e14_withADaemonSet_itsPodTakesASlotAndTwentyEightRun() throws Exception {
        // 29 slots: 1 DaemonSet pod + 28 replicas; 2 replicas pending.
        JsonNode r = run("e14-max-pods-daemonset");
        assertCounts(workload(r, "agent"), 1, 0, 0, 0, 1);
        assertThat(workload(r, "agent").get("kind").asText()).isEqualTo("eks-daemonset");
        assertCounts(workload(r, "api"), 30, 0, 2, 0, 28);
        // (100m + 28 x 10m) / 2000m = 0.19
        assertThat(r.get("capacity").get("meanCpuUtilization").asDouble()).isCloseTo(0.19, within(1e-9));
    }

    @Test
    void binpack_keepsAnInstanceFreeForTheBigTask_spreadLeavesItPending() throws Exception {
        // aws-rules.md item 7; derivation in the scenario file.
        JsonNode r = run("ecs-binpack-vs-spread");
        assertCounts(workload(r, "packed/small"), 2, 0, 0, 0, 2);
        assertCounts(workload(r, "packed/big"), 1, 1, 0, 0, 0);
        assertCounts(workload(r, "spread/small"), 2, 0, 0, 0, 2);
        assertCounts(workload(r, "spread/big"), 1, 0, 1, 0, 0);
        // (2 x 1 h + 2 x 0.5 h + 2 x 1 h) / (4 x 2 vCPU x 1 h) = 5 / 8
        assertThat(r.get("capacity").get("meanCpuUtilization").asDouble()).isCloseTo(0.625, within(1e-9));
        // Container instances bill as EC2: 4 m5.large-hours x $0.10.
        assertThat(r.get("bill").get("byService").get("ec2").asText()).isEqualTo("0.40");
        assertThat(r.get("capacity").get("peakInstances").asInt()).isEqualTo(4);
    }

    @Test
    void binpack_endsOnOneBusyInstance_spreadOnTwo() throws Exception {
        // Same scenario: at the horizon packed runs both small tasks on instance 0, spread one per zone.
        InstanceCatalog catalog = InstanceCatalog.loadDefault();
        Scenario s = new ScenarioLoader(catalog).load(Path.of("../scenarios/regression/ecs-binpack-vs-spread.yaml"));
        Simulation sim = new Simulation(s.horizonMs());
        UsageMeter meter = UsageMeter.startingAt(s.spec().start());
        ContainerClusters containers = new ContainerClusters(sim, s.spec(), catalog, meter,
                new RandomStreams(s.seed()), RunHours.of(s.spec().start(), s.horizonMs()), 1L << 56);
        sim.run();
        assertThat(containers.busyEcsHosts("packed")).isEqualTo(1);
        assertThat(containers.busyEcsHosts("spread")).isEqualTo(2);
        // Round-robin zones: each cluster's 2 instances are one in us-east-1a, one in us-east-1b, 1 h each.
        Map<String, Long> msByZone = new TreeMap<>();
        for (int k = 0; k < meter.keyCount(); k++) {
            InstanceUsage u = (InstanceUsage) meter.key(k);
            msByZone.merge(u.zone(), meter.usageMs(k, 0), Long::sum);
        }
        assertThat(msByZone).containsExactly(Map.entry("us-east-1a", 7_200_000L), Map.entry("us-east-1b", 7_200_000L));
    }

    @Test
    void serviceStrategy_baseThenWeight_splitsTenTasksFourAndSix() throws Exception {
        // FARGATE 4 x $1.20 On-Demand, FARGATE_SPOT 6 x $0.36 Spot = 4.80 + 2.16 = 6.96.
        JsonNode r = run("ecs-capacity-provider-split");
        JsonNode bill = r.get("bill");
        assertThat(bill.get("total").asText()).isEqualTo("6.96");
        assertThat(bill.get("byPricingModel").get("on-demand").asText()).isEqualTo("4.80");
        assertThat(bill.get("byPricingModel").get("spot").asText()).isEqualTo("2.16");
        assertCounts(workload(r, "frontend"), 10, 0, 0, 0, 10);
        assertThat(workload(r, "frontend").get("kind").asText()).isEqualTo("ecs-service");
        assertThat(r.get("capacity").get("peakInstances").asInt()).isZero(); // Fargate has no instances
    }

    @Test
    void eksFargate_podsBilledOnRequestPlus256MiBRoundedUp() throws Exception {
        // aws-rules.md items 5 and 6: 10 x (1 vCPU + 3 GB) + (0.25 vCPU + 1 GB) at $1.00 / $0.10 = 13.35,
        // plus the control plane's cluster-hour, 0.10.
        JsonNode r = run("eks-fargate-pod-sizes");
        JsonNode bill = r.get("bill");
        assertThat(bill.get("total").asText()).isEqualTo("13.45");
        assertThat(bill.get("byService").get("fargate").asText()).isEqualTo("13.35");
        assertThat(bill.get("byService").get("eks").asText()).isEqualTo("0.10");
        assertCounts(workload(r, "convert"), 10, 10, 0, 0, 0);
        assertCounts(workload(r, "tiny"), 1, 1, 0, 0, 0);
        assertThat(workload(r, "tiny").get("kind").asText()).isEqualTo("eks-job");
    }

    @Test
    void ecsManagedScaling_fromZeroTo2Then3_backToZeroOneEmptyInstanceAt15Datapoints_rule7() throws Exception {
        // The header of ecs-managed-scaling.yaml derives it: A and B launch at 60 s (CPR 200), C at 420 s (CPR 150
        // once A and B are warm); C goes at 2760 s, B at 3660 s, A at 4560 s.
        JsonNode r = run("ecs-managed-scaling");
        assertCounts(workload(r, "etl"), 10, 10, 0, 0, 0);
        // Running 76.5 -> 4560 s, 76.5 -> 3660 s, 436.5 -> 2760 s: 10,390.5 s = 2.88625 h; x $0.20 = $0.58.
        assertThat(r.get("capacity").get("instanceHours").get("m5.xlarge").asDouble()).isEqualTo(2.88625);
        assertThat(r.get("capacity").get("peakInstances").asInt()).isEqualTo(3);
        assertThat(r.get("bill").get("byService").get("ec2").asText()).isEqualTo("0.58");
        // 10 tasks x 1 vCPU x 1800 s requested over 10,390.5 s x 4 vCPU provisioned.
        assertThat(r.get("capacity").get("meanCpuUtilization").asDouble()).isCloseTo(18_000 / 41_562.0,
                within(1e-9));
        // Two scale-outs (+2, +1) to a peak of 3; three scale-ins of one empty instance each.
        assertScaling(r, "fleet", "managed-scaling", 3, 2, 3, 3, 3);
    }

    @Test
    void textReport_containerCapacityTable_showsWhatTheControllerDid() throws Exception {
        CliRuns.Output text = CliRuns.cli("run", "../scenarios/regression/ecs-managed-scaling.yaml");
        assertThat(text.status()).isZero();
        String row = text.out().lines().filter(l -> l.startsWith("batch/fleet")).findFirst()
                .orElseThrow();
        // launched 3, no Spot notices, interruptions or replacements, 0 running; peak 3, 2 scale-outs adding 3,
        // 3 scale-ins removing 3 (the scenario's header).
        assertThat(row.trim().split("\\s{2,}")).containsExactly("batch/fleet", "ecs-capacity-provider", "3", "0", "0",
                "0", "0", "3", "2 (+3)", "3 (-3)");
    }

    /** The containerCapacity entry's scaling: peakDesired, scaleOuts, instancesAdded, scaleIns, instancesRemoved. */
    private static void assertScaling(JsonNode r, String pool, String controller, long peak, long outs, long added,
            long ins, long removed) {
        for (JsonNode c : r.get("containerCapacity")) {
            if (c.get("name").asText().equals(pool)) {
                JsonNode sc = c.get("scaling");
                assertThat(sc.get("controller").asText()).isEqualTo(controller);
                assertThat(new long[] {sc.get("peakDesired").asLong(), sc.get("scaleOuts").asLong(),
                    sc.get("instancesAdded").asLong(), sc.get("scaleIns").asLong(), sc.get("instancesRemoved").asLong()})
                        .as(sc.toString()).containsExactly(peak, outs, added, ins, removed);
                return;
            }
        }
        throw new AssertionError("no containerCapacity entry " + pool);
    }

    @Test
    void eksClusterAutoscaler_scalesUpForPendingPods_removesEmptyNodesAfter10Minutes_rule8() throws Exception {
        // The header of eks-cluster-autoscaler.yaml derives it: 2 nodes at 10 s for 6 api pods, 2 more at 3600 s
        // for 4 report pods, the 2 emptied nodes removed together at 6020 s.
        JsonNode r = run("eks-cluster-autoscaler");
        assertCounts(workload(r, "api"), 6, 0, 0, 0, 6);
        assertCounts(workload(r, "report"), 4, 4, 0, 0, 0);
        // 2 x (7200 - 26.5) + 2 x (6020 - 3616.5) = 19,154 s; x $0.10 per hour = $0.53; control plane 2 x $0.10.
        assertThat(r.get("capacity").get("instanceHours").get("m5.large").asDouble()).isCloseTo(19_154 / 3600.0,
                within(1e-9));
        assertThat(r.get("capacity").get("peakInstances").asInt()).isEqualTo(4);
        assertThat(r.get("bill").get("byService").get("ec2").asText()).isEqualTo("0.53");
        assertThat(r.get("bill").get("byService").get("eks").asText()).isEqualTo("0.20");
        // Scale-ups of +2 (10 s) and +2 (3600 s) to a peak of 4; one scale-down loop removing the 2 empty nodes.
        assertScaling(r, "general", "cluster-autoscaler", 4, 2, 4, 1, 2);
    }
}
