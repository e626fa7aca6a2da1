package dev.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.OnDemandPriceTable;
import dev.fleetsim.report.Bill;
import dev.fleetsim.report.CapacityReport;
import dev.fleetsim.report.EventCounts;
import dev.fleetsim.report.Report;
import dev.fleetsim.report.ReportJson;
import dev.fleetsim.billing.BillingEngine;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process, as a user runs it: arguments in, stdout, stderr and exit status out. */
final class FleetsimCliTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final OnDemandPriceTable PRICES = OnDemandPriceTable.loadDefault();
    /** Maven runs tests in the module directory. */
    private static final String QUICKSTART = "../scenarios/quickstart.yaml";

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
        List<String> errLines() {
            return err.isEmpty() ? List.of() : List.of(err.split("\n"));
        }
    }

    private static Result run(ScenarioRunner runner, boolean debug, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FleetsimCli(() -> CATALOG, () -> PRICES, runner, debug, false)
                .execute(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                        StandardCharsets.UTF_8), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Result run(String... args) {
        return run(null, false, args);
    }

    private Path file(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    /** A tiny report whose numbers are chosen by hand; the runner under test is the CLI, not billing. */
    private static Report fixedReport() {
        // 1 hour of one m7g.large at the us-east-1 On-Demand rate 0.0816 (ondemand_prices.csv) = 0.0816.
        BigDecimal total = new BigDecimal("0.0816");
        Bill bill = new Bill("USD", total, total, Map.of("ec2", total), Map.of("on-demand", total), List.of());
        return new Report("quickstart", 7, java.time.Duration.ofDays(1), bill, List.of(),
                new CapacityReport(Map.of("m7g.large", 1.0), 1, 0.0), new EventCounts(2, 0), null);
    }

    /** A canned runner result: the fixed report over a real, empty exact bill (no usage, no line items). */
    private static RunResult fixedResult() {
        UsageMeter meter = UsageMeter.startingAt(Instant.parse("2026-01-05T00:00:00Z"));
        dev.fleetsim.billing.Bill empty = BillingEngine.builder(PriceBook.loadDefault()).region("us-east-1")
                .start(Instant.parse("2026-01-05T00:00:00Z")).horizonMs(3_600_000L).build().bill(meter);
        return new RunResult(fixedReport(), empty, meter, java.util.Optional.empty(), List.of());
    }

    @Test
    void validate_quickstart_exitsZeroWithAOneLineSummary() {
        Result r = run("validate", QUICKSTART);

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        // quickstart: web 3 + api 2 + cache 1 + batch 1 = 7 instances.
        assertThat(r.out()).isEqualTo(QUICKSTART + ": OK: 'quickstart', horizon P1D, seed 7, us-east-1 (3 zones); 7"
                + " EC2 instances, 0 Auto Scaling groups, 1 Reserved Instance purchase, 1 Savings Plan, 0 faults\n");
    }

    @Test
    void validate_misspeltType_exitsTwoNamingThePathAndTheFix() throws IOException {
        Path f = file("bad.yaml", "name: t\nhorizon: PT1H\nec2:\n  instances:\n    - {name: api, type: m5.lrage}\n");

        Result r = run("validate", f.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.errLines()).containsExactly(
                "ec2.instances[0].type: unknown instance type 'm5.lrage'; did you mean m5.large?");
    }

    @Test
    void validate_threeProblems_printsThreeLines() throws IOException {
        Path f = file("bad.yaml", """
                name: t
                horizon: PT1H
                ec2:
                  instances:
                    - {name: api, type: m5.lrage, count: 0}
                    - {name: web, type: m7g.large, zones: us-east-1a}
                """);

        Result r = run("validate", f.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly(
                "ec2.instances[0].type: unknown instance type 'm5.lrage'; did you mean m5.large?",
                "ec2.instances[0].count: 0 is out of range; allowed: 1 to 1000000",
                "ec2.instances[1].zones: unknown key; did you mean zone? valid keys: name, type, count, os, tenancy,"
                        + " zone, market, runs, interruptionBehavior");
    }

    @Test
    void validate_emptyAndNonYamlFiles_getOneLineEach() throws IOException {
        Result empty = run("validate", file("empty.yaml", "").toString());
        Result array = run("validate", file("list.json", "[{\"name\": \"x\"}]").toString());

        assertThat(empty.status()).isEqualTo(2);
        assertThat(empty.errLines()).singleElement().asString().startsWith(dir.resolve("empty.yaml")
                + ": the file is empty;");
        assertThat(array.status()).isEqualTo(2);
        assertThat(array.errLines()).singleElement().asString().endsWith(
                "list.json: the top level is a list, not a mapping of scenario keys; a scenario starts with keys such"
                        + " as 'name:' and 'horizon:'");
    }

    @Test
    void validate_missingFile_exitsTwo() {
        Result r = run("validate", dir.resolve("nope.yaml").toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("no such file");
    }

    @Test
    void validate_billionLaughs_exitsTwo() throws IOException {
        StringBuilder y = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        for (char c = 'b'; c <= 'i'; c++) {
            char p = (char) (c - 1);
            y.append(c).append(": &").append(c).append(" [").append(("*" + p + ",").repeat(8)).append('*').append(p)
                    .append("]\n");
        }
        Result r = run("validate", file("lol.yaml", y.toString()).toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).singleElement().asString().contains("refused: more than 50 aliases");
    }

    // The timeout guards against a hang; a wall-clock assertion would be flaky on a loaded machine.
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void billionLaughs_validateAndRun_refuseNamingTheBomb() throws IOException {
        // The classic bomb: 9 levels of 9 aliases to the level below, 9^9 = 387 million "lol"s once expanded.
        StringBuilder y = new StringBuilder("name: lol\nhorizon: PT1H\nl0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol,"
                + " lol]\n");
        for (int level = 1; level <= 9; level++) {
            y.append('l').append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", java.util.Collections.nCopies(9, "*l" + (level - 1)))).append("]\n");
        }
        Path bomb = file("lol.yaml", y.toString());
        for (String verb : List.of("validate", "run")) {
            Result r = run((scenario, options) -> {
                throw new AssertionError("the runner must not be reached");
            }, false, verb, bomb.toString());

            assertThat(r.status()).as(verb).isEqualTo(2);
            assertThat(r.errLines()).as(verb).containsExactly(bomb + ": refused: more than 50 aliases to lists or"
                    + " mappings (a possible billion-laughs bomb); expand the repeated parts by hand");
        }
    }

    @Test
    void maxEntities_belowTheScenario_refusesItBeforeTheRunnerNamingTheLargestPart() {
        // quickstart runs 3 + 2 + 1 + 1 = 7 instances at once; the largest entry is web (3).
        String expected = "ec2.instances[0].count: 3 instances at once; with the rest of the scenario 7 hosts at"
                + " once, more than the limit of 6; lower it, or raise the limit with --max-entities N";
        ScenarioRunner never = (scenario, options) -> {
            throw new AssertionError("the runner must not be reached");
        };
        Result validate = run(never, false, "validate", QUICKSTART, "--max-entities", "6");
        Result runs = run(never, false, "run", QUICKSTART, "--max-entities", "6");
        Result enough = run("validate", QUICKSTART, "--max-entities", "7");

        assertThat(validate.status()).isEqualTo(2);
        assertThat(validate.errLines()).containsExactly(expected);
        assertThat(runs.status()).isEqualTo(2);
        assertThat(runs.errLines()).containsExactly(expected);
        assertThat(enough.status()).isZero();
    }

    @Test
    void maxEntities_notAPositiveNumber_isAUsageError() {
        Result zero = run("validate", QUICKSTART, "--max-entities", "0");
        Result word = run("run", QUICKSTART, "--max-entities", "lots");

        assertThat(zero.status()).isEqualTo(2);
        assertThat(zero.errLines()).containsExactly("fleetsim validate: --max-entities must be at least 1, got 0");
        assertThat(word.status()).isEqualTo(2);
        assertThat(word.err()).contains("--max-entities").contains("'lots' is not a long");
    }

    @Test
    void maxEntities_onAReusedCli_appliesToOneCommandLineOnly() {
        FleetsimCli cli = new FleetsimCli(() -> CATALOG, () -> PRICES, null, false, false);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);

        assertThat(cli.execute(print, print, "validate", QUICKSTART, "--max-entities", "6")).isEqualTo(2);
        assertThat(cli.execute(print, print, "validate", QUICKSTART)).isZero();
    }

    @Test
    void catalog_familyM7g_listsM7gLargeWithItsFacts() {
        Result r = run("catalog", "--family", "m7g");

        assertThat(r.status()).isZero();
        // m7g.large: 2 vCPU, 8 GiB, Graviton3, arm64 (instance_types.csv); $0.0816/h Linux in us-east-1
        // (ondemand_prices.csv, AWS price list via Karpenter's generated table).
        assertThat(r.out().lines()).anyMatch(l -> l.matches("m7g\\.large\\s+2\\s+8\\s+Graviton3\\s+arm64\\s+0\\.0816"));
        assertThat(r.out().lines()).allMatch(l -> l.startsWith("m7g.") || l.startsWith("type ")
                || l.startsWith("On-Demand"));
    }

    @Test
    void catalog_filtersCombine() {
        Result r = run("catalog", "--processor", "graviton", "--category", "compute", "--arch", "arm64");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("c7g.large").doesNotContain("m7g.large").doesNotContain("c7i.large");
    }

    @Test
    void catalog_processorByGeneration_matchesOnlyThatGeneration() {
        Result r = run("catalog", "--processor", "sapphire-rapids", "--family", "m7i");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("m7i.large").contains("Intel Sapphire Rapids");
    }

    @Test
    void catalog_unknownFamily_exitsTwoWithASuggestion() {
        Result r = run("catalog", "--family", "m7gg");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--family: unknown instance family 'm7gg'; did you mean m7g");
    }

    @Test
    void run_withoutAnEngine_saysWhatItDidNotSimulate() {
        Result r = run("run", QUICKSTART);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("is valid").contains("nothing was simulated: no bill, workloads, capacity or"
                + " events");
    }

    @Test
    void run_formatJson_printsOnlyTheReportJson() {
        Result r = run((scenario, options) -> fixedResult(), false, "run", QUICKSTART, "--format", "json");

        assertThat(r.status()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo(new ReportJson().write(fixedReport())).startsWith("{").contains(
                "\"total\": \"0.0816\"");
    }

    @Test
    void run_seedAndSet_reachTheRunner() {
        long[] seen = new long[2];
        ScenarioRunner runner = (scenario, options) -> {
            seen[0] = scenario.seed();
            seen[1] = scenario.spec().ec2().instances().get(0).count();
            return fixedResult();
        };
        Result r = run(runner, false, "run", QUICKSTART, "--seed", "99", "--set", "ec2.instances[0].count=5");

        assertThat(r.status()).isZero();
        assertThat(seen).containsExactly(99, 5);
    }

    @Test
    void execute_reusedInstance_startsEachCommandLineFromTheDefaults() {
        long[] seen = new long[2];
        ScenarioRunner runner = (scenario, options) -> {
            seen[0] = scenario.seed();
            seen[1] = scenario.spec().ec2().instances().get(0).count();
            return fixedResult();
        };
        FleetsimCli cli = new FleetsimCli(() -> CATALOG, () -> PRICES, runner, false, false);
        ByteArrayOutputStream sink = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(sink, true, StandardCharsets.UTF_8);

        int first = cli.execute(print, print, "run", QUICKSTART, "--seed", "99", "--set", "ec2.instances[0].count=5",
                "--format", "json");
        int second = cli.execute(print, print, "run", QUICKSTART);

        assertThat(first).isZero();
        assertThat(second).isZero();
        // quickstart.yaml: seed 7, and its first instance entry (web) has count 3.
        assertThat(seen).containsExactly(7, 3);
    }

    @Test
    void run_out_writesTheFourReportFiles() throws IOException {
        Path out = dir.resolve("out");

        Result r = run((scenario, options) -> fixedResult(), false, "run", QUICKSTART, "--out", out.toString());

        assertThat(r.status()).isZero();
        assertThat(Files.readString(out.resolve("report.json"))).isEqualTo(new ReportJson().write(fixedReport()));
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("report.json",
                    "line-items.csv", "timeseries.csv", "report.html");
        }
        assertThat(r.errLines()).hasSize(2);
        // The fixed report counts 2 events; the wall time varies, so only its form is checked.
        assertThat(r.errLines().get(0)).matches("fleetsim run: 2 events in \\d+\\.\\d\\d s of wall time \\(\\d+ events/s\\)");
        assertThat(r.errLines().get(1)).isEqualTo("fleetsim run: wrote report.json, line-items.csv, timeseries.csv and"
                + " report.html to " + out);
    }

    @Test
    void run_outIntoADirectoryWithOtherFiles_isRefusedBeforeTheRunner() throws IOException {
        Path out = Files.createDirectories(dir.resolve("mine"));
        Files.writeString(out.resolve("notes.txt"), "keep me");
        ScenarioRunner never = (scenario, options) -> {
            throw new AssertionError("the runner must not be reached");
        };

        Result r = run(never, false, "run", QUICKSTART, "--out", out.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("fleetsim run: --out: " + out + " holds files fleetsim does not write"
                + " (notes.txt), and the whole directory is replaced; give a new or empty directory");
        assertThat(Files.readString(out.resolve("notes.txt"))).isEqualTo("keep me");
    }

    @Test
    void run_badSetPath_exitsTwoNamingIt() {
        Result r = run((scenario, options) -> fixedResult(), false, "run", QUICKSTART, "--set",
                "pricing.savingsPlans[4].commitment=5");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("pricing.savingsPlans[4].commitment: --set: index 4 is out of range:"
                + " pricing.savingsPlans has 1 item; indexes run from 0 to 0");
    }

    @Test
    void run_setWithoutEquals_exitsTwo() {
        Result r = run("run", QUICKSTART, "--set", "seed");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--set seed: expected path=value");
    }

    @Test
    void run_malformedSetWithControlCharacters_isEchoedEscaped() {
        // Found by ScenarioFuzzTest: the argument was echoed raw, a carriage return or bidi override included.
        Result r = run("run", QUICKSTART, "--set", "a..b=x\r\u202Ey");

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.errLines()).containsExactly("fleetsim run: --set a..b=x\\r\\u202Ey: a key is missing at"
                + " character 3");
    }

    @Test
    void run_runnerFailure_isOneLineWithoutAStackTrace() {
        ScenarioRunner broken = (scenario, options) -> {
            throw new IllegalStateException("engine exploded\nsecond line");
        };
        Result r = run(broken, false, "run", QUICKSTART);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "fleetsim: internal error: engine exploded (set FLEETSIM_DEBUG=1 for details)");
    }

    @Test
    void run_runnerError_isOneLineWithoutAStackTrace() {
        ScenarioRunner broken = (scenario, options) -> {
            throw new StackOverflowError();
        };
        Result r = run(broken, false, "run", QUICKSTART);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.errLines()).containsExactly(
                "fleetsim: internal error: StackOverflowError (set FLEETSIM_DEBUG=1 for details)");
    }

    @Test
    void run_runnerFailureWithDebug_printsTheStackTrace() {
        ScenarioRunner broken = (scenario, options) -> {
            throw new IllegalStateException("engine exploded");
        };
        Result r = run(broken, true, "run", QUICKSTART);

        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("java.lang.IllegalStateException: engine exploded").contains("\tat ");
    }

    @Test
    void compareAndSweep_missingFiles_exitTwoNamingThem() {
        Result compare = run("compare", "a.yaml", "b.yaml");
        Result sweep = run("sweep", "s.yaml", "--out", "x");

        assertThat(compare.status()).isEqualTo(2);
        assertThat(compare.errLines()).containsExactly("a.yaml: no such file: a.yaml", "b.yaml: no such file: b.yaml");
        assertThat(sweep.status()).isEqualTo(2);
        assertThat(sweep.errLines()).containsExactly("s.yaml: no such file: s.yaml");
    }

    @Test
    void usageErrors_exitTwo() {
        assertThat(run("frobnicate").status()).isEqualTo(2);
        assertThat(run("run").status()).isEqualTo(2);
        assertThat(run("compare", "only-one.yaml").status()).isEqualTo(2);
        assertThat(run("run", QUICKSTART, "--format", "xml").status()).isEqualTo(2);
        assertThat(run("run", QUICKSTART, "--replications", "0").status()).isEqualTo(2);
        assertThat(run().status()).isEqualTo(2);
    }

    @Test
    void help_exitsZero() {
        Result r = run("--help");

        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("validate").contains("catalog");
    }
}
