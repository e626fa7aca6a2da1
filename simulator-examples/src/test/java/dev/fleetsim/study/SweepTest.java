package dev.fleetsim.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cli.FleetsimCli;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SweepTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final PriceBook PRICES = PriceBook.loadDefault();
    private static final Path STUDY = Path.of("../scenarios/studies/commitment-sweep.yaml");

    @TempDir
    Path dir;

    /**
     * The commitment study (derivation in scenarios/studies/commitment-sweep.yaml): 20 m7i.large On-Demand at
     * $0.1008/h for 168 h; Compute SP rate 0.1008 x (1 - 26.08%) = $0.07451136; U = 20 x r = $1.4902272/h.
     * Cost falls until the commitment reaches U and rises after, so the best $0.001 step is 1.490 or 1.491:
     * 1.490 + 0.1008 x (20 - 1.490 / 0.07451136) = $1.4903074/h -> $250.37, against 1.491 x 168 = $250.49;
     * no plan: 20 x 0.1008 x 168 = $338.69; 2.000 x 168 = $336.00.
     */
    @Test
    void commitmentStudy_bestCommitmentIsTheFleetsUsageAtSavingsPlanRates() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = new FleetsimCli().execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "sweep", STUDY.toString());

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("best: pricing.savingsPlans[0].commitment=1.490 -> total 250.37\n");
        List<String> rows = List.of(out.toString(StandardCharsets.UTF_8).split("\n"));
        assertThat(rows.get(0)).isEqualTo("point,pricing.savingsPlans[0].commitment,total,unblendedTotal,on-demand,"
                + "spot,reserved,savings-plan,peakInstances,spotInterruptionNotices");
        assertThat(rows).hasSize(12);
        assertThat(rows.get(1)).startsWith("0,none,338.69,338.69,338.69,0.00,0.00,0.00,20,0");
        assertThat(rows.get(7)).startsWith("6,1.490,250.37,");
        assertThat(rows.get(8)).startsWith("7,1.491,250.49,250.49,0.00,0.00,0.00,250.49,");
        assertThat(rows.get(11)).startsWith("10,2.000,336.00,");
    }

    @Test
    void sweepRunner_sameCsvWithOneOrThreeThreads() throws Exception {
        Sweep sweep = new SweepLoader(CATALOG).load(STUDY);
        EngineScenarioRunner engine = new EngineScenarioRunner(CATALOG, PRICES);

        String one = SweepCsv.write(sweep, new SweepRunner(engine, new ParallelRuns(1)).run(sweep, n -> { }));
        String three = SweepCsv.write(sweep, new SweepRunner(engine, new ParallelRuns(3)).run(sweep, n -> { }));

        assertThat(three).isEqualTo(one);
    }

    @Test
    void load_twoAxes_cartesianProductLastAxisFastest() throws Exception {
        Path sweep = write("""
                base: base.yaml
                axes:
                  "ec2.instances[0].count": [1, 2]
                  "pricing.savingsPlans[0].commitment": ["0.100", "0.200", "0.300"]
                """);

        Sweep s = new SweepLoader(CATALOG).load(sweep);

        assertThat(s.points()).hasSize(6);
        assertThat(s.points().get(0).values()).containsExactly("1", "0.100");
        assertThat(s.points().get(1).values()).containsExactly("1", "0.200");
        assertThat(s.points().get(3).values()).containsExactly("2", "0.100");
        assertThat(s.points().get(5).scenario().spec().ec2().instances().get(0).count()).isEqualTo(2);
        assertThat(s.points().get(5).scenario().spec().pricing().savingsPlans().get(0).commitment())
                .isEqualByComparingTo("0.300");
        assertThat(s.objective()).isEqualTo(Sweep.Objective.TOTAL);
    }

    @Test
    void load_nullValue_removesTheListItem() throws Exception {
        Path sweep = write("""
                base: base.yaml
                axes:
                  "pricing.savingsPlans[0].commitment": [null, "0.100"]
                objective: unblendedTotal
                """);

        Sweep s = new SweepLoader(CATALOG).load(sweep);

        assertThat(s.points().get(0).values()).containsExactly("none");
        assertThat(s.points().get(0).scenario().spec().pricing().savingsPlans()).isEmpty();
        assertThat(s.points().get(1).scenario().spec().pricing().savingsPlans()).hasSize(1);
        assertThat(s.objective()).isEqualTo(Sweep.Objective.UNBLENDED_TOTAL);
    }

    @Test
    void load_badKeysPathsAndValues_allReportedWithPaths() throws Exception {
        Path misspelt = write("""
                base: base.yaml
                axis: {}
                """);
        assertThat(issues(misspelt)).containsExactly(
                "axis: unknown key; did you mean axes? valid keys: base, axes, objective");

        Path badValues = write("""
                base: base.yaml
                axes:
                  "pricing.savingsPlans[0].commitment": ["0.100", "0", "0.0015"]
                  "ec2.instances[0].cuont": [1]
                objective: cheapest
                """);
        assertThat(issues(badValues)).containsExactly(
                "objective: unknown objective 'cheapest'; valid: total, unblendedTotal");

        Path badValuesOnly = write("""
                base: base.yaml
                axes:
                  "pricing.savingsPlans[0].commitment": ["0.100", "0", "0.0015"]
                  "ec2.instances[0].cuont": [1]
                """);
        assertThat(issues(badValuesOnly)).containsExactly(
                "axes[\"pricing.savingsPlans[0].commitment\"][1]: pricing.savingsPlans[0].commitment: must be at"
                        + " least 0.001 USD per hour, got 0",
                "axes[\"pricing.savingsPlans[0].commitment\"][2]: pricing.savingsPlans[0].commitment: 0.0015 is"
                        + " finer than $0.001; Savings Plan commitments are bought in steps of $0.001 per hour",
                "axes[\"ec2.instances[0].cuont\"][0]: ec2.instances[0].cuont: --set: ec2.instances[0] has no key"
                        + " 'cuont'; did you mean count? valid keys: name, type, count, os, tenancy, zone, market, runs,"
                        + " interruptionBehavior");
    }

    @Test
    void load_nullWithoutIndexOrAgainstAnotherAxisOfTheSameList_isRejected() throws Exception {
        Path noIndex = write("""
                base: base.yaml
                axes:
                  "seed": [null]
                """);
        assertThat(issues(noIndex)).containsExactly("axes[\"seed\"][0]: null removes a list item, but the path has"
                + " no [index]; use a path such as pricing.savingsPlans[0].commitment");

        Path conflict = write("""
                base: base.yaml
                axes:
                  "pricing.savingsPlans[0].commitment": [null, "0.100"]
                  "pricing.savingsPlans[0].term": ["1y", "3y"]
                """);
        assertThat(issues(conflict)).containsExactly("axes[\"pricing.savingsPlans[0].commitment\"]: null removes an"
                + " item of pricing.savingsPlans, which axis pricing.savingsPlans[0].term also changes; remove with"
                + " one axis only, or use a small value instead of null");
    }

    @Test
    void load_missingBaseAndAxes_areRequired() throws Exception {
        assertThat(issues(write("objective: total\n"))).containsExactly(
                "base: required; the scenario to sweep, relative to the sweep file",
                "axes: required; e.g. axes: {\"pricing.savingsPlans[0].commitment\": [\"1.00\", \"2.00\"]}");
        assertThat(issues(write("base: nowhere.yaml\naxes: {seed: [1]}\n"))).singleElement()
                .asString().startsWith("base: no such file: ");
    }

    private Path write(String sweep) throws IOException {
        Files.writeString(dir.resolve("base.yaml"), """
                name: base
                horizon: PT2H
                ec2:
                  instances:
                    - {name: app, type: m5.large, count: 1}
                pricing:
                  savingsPlans:
                    - {kind: compute, commitment: "0.050", term: 1y, payment: no-upfront}
                """);
        return Files.writeString(dir.resolve("sweep-" + sweep.hashCode() + ".yaml"), sweep);
    }

    private static List<String> issues(Path sweep) {
        try {
            new SweepLoader(CATALOG).load(sweep);
        } catch (InvalidScenarioException e) {
            return e.issues().stream().map(Issue::format).toList();
        }
        throw new AssertionError("expected problems in " + sweep);
    }
}
