package dev.fleetsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.billing.Money;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.report.Estimate;
import dev.fleetsim.report.ReportJson;
import dev.fleetsim.report.Replications;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

final class ReplicatorTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final EngineScenarioRunner ENGINE = new EngineScenarioRunner(CATALOG, PriceBook.loadDefault());

    private static final String YAML = """
            name: replicated
            seed: 42
            horizon: PT1H
            ec2:
              instances:
                - {name: app, type: m4.xlarge, count: COUNT, zone: us-east-1a}
            pricing:
              rates:
                - {match: {type: m4.xlarge}, onDemand: "0.20"}
            """;

    private static Scenario scenario(int count) throws Exception {
        return new ScenarioLoader(CATALOG).parse(YAML.replace("COUNT", Integer.toString(count)), Path.of("."),
                List.of());
    }

    /**
     * The engine has no random source yet, so this runner makes the world depend on the seed (1 to 3 instances)
     * and makes early replications finish last, so that combining in completion order would show.
     */
    private static final ScenarioRunner SEED_DEPENDENT = (scenario, options) -> {
        Thread.sleep(Math.floorMod(-scenario.seed(), 5) * 3L);
        Scenario s = scenario(1 + (int) Math.floorMod(scenario.seed(), 3));
        return ENGINE.run(s, options);
    };

    @Test
    void run_sameSeed_sameReportJsonWithOneOrFourThreads() throws Exception {
        Scenario s = scenario(1);

        String one = new ReportJson().write(new Replicator(SEED_DEPENDENT, CATALOG, new ParallelRuns(1))
                .run(s, 12, n -> { }).report());
        String four = new ReportJson().write(new Replicator(SEED_DEPENDENT, CATALOG, new ParallelRuns(4))
                .run(s, 12, n -> { }).report());

        assertThat(four).isEqualTo(one);
        assertThat(one).contains("\"count\": 12").contains("\"unservedDemand\": null");
    }

    @Test
    void run_reportIsReplicationZeroWithTheScenarioSeed() throws Exception {
        Scenario s = scenario(2);
        Replicator.Result r = new Replicator(ENGINE, CATALOG, new ParallelRuns(2)).run(s, 3, n -> { });

        // Replication 0 uses seed 42 itself: the report body is that of a single run.
        assertThat(r.report().seed()).isEqualTo(42);
        assertThat(r.report().bill()).isEqualTo(ENGINE.run(s, RunOptions.single()).report().bill());
        // Nothing random yet: 3 identical totals of 2 x 1 h x $0.20 = $0.40, no spread.
        Replications rep = r.report().replications();
        assertThat(rep.total().mean()).isEqualByComparingTo("0.40");
        assertThat(rep.total().stddev()).isEqualByComparingTo("0");
        assertThat(rep.total().ci95Low()).isEqualByComparingTo("0.40");
        assertThat(rep.total().ci95High()).isEqualByComparingTo("0.40");
    }

    @Test
    void seed_zeroIsTheScenarioSeed_othersAreNamedStreams() {
        assertThat(Replicator.seed(42, 0)).isEqualTo(42);
        assertThat(Replicator.seed(42, 1)).isEqualTo(RandomStreams.streamSeed(42, "replication", "1"));
        assertThat(Replicator.seed(42, 2)).isNotEqualTo(Replicator.seed(42, 1));
    }

    @Test
    void stats_threeTotals_meanStddevAndStudentInterval() {
        // 10, 12, 14: mean 12, s = sqrt((4 + 0 + 4) / 2) = 2; t(0.975, 2 df) = 4.3027 (Student t table);
        // half width 4.3027 x 2 / sqrt(3) = 4.9683 -> [7.0317, 16.9683].
        Replications r = ReplicationStats.of(new Money[] {Money.usd("10"), Money.usd("12"), Money.usd("14")},
                new double[] {0, 1, 2});

        assertThat(r.count()).isEqualTo(3);
        assertThat(r.total().mean()).isEqualByComparingTo("12.0000");
        assertThat(r.total().stddev()).isEqualByComparingTo("2.0000");
        assertThat(r.total().ci95Low()).isEqualByComparingTo("7.0317");
        assertThat(r.total().ci95High()).isEqualByComparingTo("16.9683");
        // 0, 1, 2: mean 1, s = 1, half width 4.3027 / sqrt(3) = 2.4841.
        Estimate i = r.interruptions();
        assertThat(i.mean()).isEqualTo(1.0);
        assertThat(i.stddev()).isEqualTo(1.0);
        assertThat(i.ci95Low()).isCloseTo(-1.4841, within(1e-4));
        assertThat(i.ci95High()).isCloseTo(3.4841, within(1e-4));
        assertThat(r.unservedDemand()).isNull();
    }

    @Test
    void parallelRuns_resultsInIndexOrderWhateverFinishesFirst() throws Exception {
        List<Integer> out = new ParallelRuns(3).map(8, i -> {
            Thread.sleep((8 - i) * 4L);
            return i * i;
        }, n -> { });

        assertThat(out).containsExactly(0, 1, 4, 9, 16, 25, 36, 49);
    }

    @Test
    void parallelRuns_failure_isTheLowestFailingIndex() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ParallelRuns(4).map(6, i -> {
            if (i >= 2) {
                Thread.sleep((6 - i) * 5L);
                throw new IllegalStateException("task " + i);
            }
            return i;
        }, n -> { })).hasMessage("task 2");
    }
}
