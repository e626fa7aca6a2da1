package dev.fleetsim.run;

import static dev.fleetsim.run.CliRuns.workload;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.Workload;
import dev.fleetsim.workload.WorkloadCounters;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spot interruptions of container capacity (aws-rules.md items 4, 7, 8): the forced notice of a capacity provider or
 * node pool, ECS Spot draining, EKS cordon and drain, replacements, the first-hour rule. Figures are derived in the
 * scenario files' headers and repeated here.
 */
final class ContainerSpotInterruptionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MINUTE_MS = 60_000L;

    private static JsonNode run(String name) {
        return CliRuns.regression(name);
    }

    /** launched, completed, pending, interrupted, running. */
    private static long[] counts(JsonNode w) {
        return new long[] {w.get("launched").asLong(), w.get("completed").asLong(), w.get("pending").asLong(),
            w.get("interrupted").asLong(), w.get("running").asLong()};
    }

    /** The scenario on the engine with the runner's Spot setup, forced faults applied, for probing mid-run. */
    private static final class Probe {
        final Simulation sim;
        final ContainerClusters containers;

        Probe(String name) throws Exception {
            Scenario s = new ScenarioLoader(RunChecks.CATALOG).load(Path.of("../scenarios/regression/" + name
                    + ".yaml"));
            PriceBook book = new PricingSetup(RunChecks.CATALOG, RunChecks.PRICES).priceBook(s.spec());
            RandomStreams streams = new RandomStreams(s.seed());
            SpotSetup spot = SpotSetup.of(s, book, streams);
            sim = new Simulation(s.horizonMs());
            containers = new ContainerClusters(sim, s.spec(), RunChecks.CATALOG,
                    UsageMeter.startingAt(s.spec().start()), streams, RunHours.of(s.spec().start(), s.horizonMs()),
                    1L << 56, new CapacitySetup(book, spot.rates(),
                            s.spec().start(), spot.interruptions(), Ec2Instances.timings(s.spec().lifecycle()),
                            ContainerInstances.CapacityGate.ALWAYS));
            containers.interrupt(s.spec().faults().get(0).target(), s.spec().faults().get(0).at().toMillis());
        }

        void at(long timeMs, Runnable check) {
            sim.schedule(timeMs, Phase.OBSERVATION, (s, p) -> check.run(), 0);
        }
    }

    private static Workload named(ClusterRuntime runtime, String suffix) {
        for (Workload w : runtime.workloads()) {
            if (w.name().endsWith(suffix)) {
                return w;
            }
        }
        throw new AssertionError("no workload ending in " + suffix);
    }

    @Test
    void ecsForcedInterruption_noticeDrainsServices_reclaimAtPlus120s_replacementsRunThem_firstHourFree()
            throws Exception {
        JsonNode r = run("ecs-spot-provider-interruption");
        // aws-rules.md item 4: the interrupted instances bill nothing; the replacements 2 x 1,664 s at $0.0001/s.
        assertThat(r.get("bill").get("total").asText()).isEqualTo("0.33");
        assertThat(r.get("bill").get("byPricingModel").get("spot").asText()).isEqualTo("0.33");
        assertThat(counts(workload(r, "web"))).containsExactly(4, 0, 0, 2, 2);
        assertThat(counts(workload(r, "batch"))).containsExactly(1, 0, 0, 1, 0);
        assertThat(r.get("events").get("spotInterruptionNotices").asLong()).isEqualTo(2);
        JsonNode pool = r.get("containerCapacity").get(0);
        assertThat(pool.get("cluster").asText()).isEqualTo("prod");
        assertThat(pool.get("name").asText()).isEqualTo("spotfleet");
        assertThat(pool.get("kind").asText()).isEqualTo("ecs-capacity-provider");
        assertThat(new long[] {pool.get("launched").asLong(), pool.get("spotInterruptionNotices").asLong(),
            pool.get("interrupted").asLong(), pool.get("replacements").asLong(), pool.get("running").asLong()})
                .containsExactly(4, 2, 2, 2, 2);
    }

    @Test
    void textReport_showsTheContainerCapacityTable() throws Exception {
        CliRuns.Output text = CliRuns.cli("run", "../scenarios/regression/ecs-spot-provider-interruption.yaml");
        assertThat(text.status()).isZero();
        // launched 4, notices 2, interrupted 2, replacements 2, running 2 (derived in the scenario header).
        assertThat(text.out()).containsPattern(
                "(?m)^prod/spotfleet +ecs-capacity-provider +4 +2 +2 +2 +2$");
    }

    @Test
    void ecsForcedInterruption_timeline() throws Exception {
        Probe p = new Probe("ecs-spot-provider-interruption");
        NodeGroup group = p.containers.nodeGroups("prod").get(0);
        ContainerHosts hosts = group.hosts();
        ClusterRuntime runtime = p.containers.ecs().runtime("prod", "spotfleet");
        Workload web = named(runtime, "web@spotfleet");
        Workload batch = named(runtime, "batch");
        List<String> seen = new ArrayList<>();
        // Just before the notice: 2 instances, web on both, batch on host 0.
        p.at(30 * MINUTE_MS - 1, () -> seen.add("29:59.999 " + state(hosts, runtime, web, batch)));
        // At the notice: both DRAINING (cordoned), the 2 web tasks stopped and pending, batch still running.
        p.at(30 * MINUTE_MS, () -> seen.add("30:00 " + state(hosts, runtime, web, batch)));
        // T + 120 s: both instances gone, batch interrupted, the group already counts 2 pending replacements.
        p.at(32 * MINUTE_MS, () -> seen.add("32:00 " + state(hosts, runtime, web, batch) + " size "
                + group.size()));
        // The replacements join 16.5 s later and the web tasks run on them.
        p.at(32 * MINUTE_MS + 16_500, () -> seen.add("32:16.5 " + state(hosts, runtime, web, batch)));
        p.sim.run();
        assertThat(seen).containsExactly(
                "29:59.999 hosts 2 schedulable 2 web running 2 pending 0 batch running 1 interrupted 0",
                "30:00 hosts 2 schedulable 0 web running 0 pending 2 batch running 1 interrupted 0",
                "32:00 hosts 0 schedulable 0 web running 0 pending 2 batch running 0 interrupted 1 size 2",
                "32:16.5 hosts 2 schedulable 2 web running 2 pending 0 batch running 0 interrupted 1");
    }

    private static String state(ContainerHosts hosts, ClusterRuntime runtime, Workload web, Workload batch) {
        WorkloadCounters w = runtime.counters(web);
        WorkloadCounters b = runtime.counters(batch);
        return "hosts " + hosts.activeHostCount() + " schedulable " + hosts.schedulableHostCount() + " web running "
                + w.running() + " pending " + w.pending() + " batch running " + b.running() + " interrupted "
                + b.interrupted();
    }

    @Test
    void eksForcedInterruption_cordonAndDrain_movesDeploymentPods_rerunsTheJobOnTheReplacement() throws Exception {
        JsonNode r = run("eks-spot-node-drain");
        assertThat(r.get("bill").get("total").asText()).isEqualTo("0.45");
        assertThat(r.get("bill").get("byPricingModel").get("spot").asText()).isEqualTo("0.05");
        assertThat(r.get("bill").get("byService").get("eks").asText()).isEqualTo("0.20");
        assertThat(counts(workload(r, "api"))).containsExactly(3, 0, 0, 1, 2);
        assertThat(counts(workload(r, "etl"))).containsExactly(2, 1, 0, 1, 0);
        assertThat(counts(workload(r, "agent"))).containsExactly(3, 1, 0, 0, 2);
        assertThat(r.get("events").get("spotInterruptionNotices").asLong()).isEqualTo(1);
        JsonNode pools = r.get("containerCapacity");
        assertThat(pools).hasSize(2); // stable, spotnodes; no provisioned nodes were launched
        assertThat(pools.get(1).get("name").asText()).isEqualTo("spotnodes");
        assertThat(pools.get(1).get("kind").asText()).isEqualTo("eks-node-group");
        assertThat(pools.get(1).get("replacements").asLong()).isEqualTo(1);
        assertThat(pools.get(0).get("spotInterruptionNotices").asLong()).isZero();
    }

    @Test
    void eksForcedInterruption_bothApiPodsEndOnTheOnDemandNode() throws Exception {
        Probe p = new Probe("eks-spot-node-drain");
        ContainerHosts nodes = p.containers.nodeGroups("k").get(0).hosts();
        List<String> seen = new ArrayList<>();
        p.at(30 * MINUTE_MS, () -> seen.add("30:00 stable " + nodes.runningCount(0) + " spot cordoned "
                + nodes.isCordoned(1) + " running " + nodes.runningCount(1)));
        p.at(2 * 60 * MINUTE_MS, () -> seen.add("02:00 stable " + nodes.runningCount(0) + " " + nodes.hostId(0)
                + ", replacement " + nodes.hostId(1) + " running " + nodes.runningCount(1)));
        p.sim.run();
        assertThat(seen).containsExactly("30:00 stable 2 spot cordoned true running 0",
                "02:00 stable 2 stable-0, replacement spotnodes-1 running 0");
    }

    @Test
    void spotCapacityWithTheHazard_sameSeedSameResult() throws Exception {
        RunChecks.assertReproducible(HAZARD_SCENARIO);
        // Not a derived figure: the check that the hazard reaches container capacity at all in this run.
        JsonNode pools = JSON.readTree(new dev.fleetsim.report.ReportJson().write(RunChecks.run(HAZARD_SCENARIO)
                .report())).get("containerCapacity");
        assertThat(pools.get(0).get("spotInterruptionNotices").asLong()
                + pools.get(1).get("replacements").asLong()).isPositive();
    }

    private static final String HAZARD_SCENARIO = """
                name: spot-containers-hazard
                horizon: P30D
                seed: 11
                zones: [us-east-1a, us-east-1b]
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: spotfleet, group: {instanceTypes: [m5.large, m5a.large, m6i.large], min: 6,
                           max: 6, market: spot}}
                      services:
                        - {name: web, cpu: 512, memory: 1024, desired: 8, launchType: EC2, capacityProvider: spotfleet}
                eks:
                  clusters:
                    - name: k
                      nodePools:
                        - {name: spotnodes, kind: managed, instanceTypes: [m5.large, m5a.large], min: 6, max: 6,
                           market: spot}
                      workloads:
                        - {name: api, kind: Deployment, replicas: 10, requests: {cpu: 250m, memory: 256Mi}}
                """;
}
