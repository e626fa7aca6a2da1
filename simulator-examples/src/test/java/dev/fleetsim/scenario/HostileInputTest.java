package dev.fleetsim.scenario;

import static dev.fleetsim.scenario.Loading.issues;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression tests for robustness bugs found by ScenarioFuzzTest and by the hostile files it feeds the CLI
 * (docs/reliability.md). The timeouts are guards against hangs (each case takes milliseconds when it works),
 * not performance measurements.
 */
final class HostileInputTest {

    private static final String VALID = "name: t\nhorizon: PT1H\n";

    @TempDir
    Path dir;

    // ---- control characters (fuzzer: an ESC sequence in a zone, tabs, CR and NUL in values) ----

    @Test
    void issue_controlCharactersInValues_areEscapedSoEachProblemIsOneLine() {
        List<String> lines = issues(dir, VALID + "zones: [\"\\e[31mred\", \"\\t\", \"x\\r\\u0000\"]\n");

        assertThat(lines).containsExactly(
                "zones[0]: '\\u001B[31mred' is not a zone of region us-east-1; zones are the region's name and a"
                        + " letter, e.g. us-east-1a",
                "zones[1]: '\\t' is not a zone of region us-east-1; zones are the region's name and a letter, e.g."
                        + " us-east-1a",
                "zones[2]: 'x\\r\\u0000' is not a zone of region us-east-1; zones are the region's name and a letter,"
                        + " e.g. us-east-1a");
        assertThat(String.join("", lines).chars()).noneMatch(Character::isISOControl);
    }

    @Test
    void load_namesWithControlOrFormatCharacters_areRefused() {
        // Found by review: names reach reports and terminals; only the scenario name refused control characters.
        List<String> lines = issues(dir, """
                name: "x\\ty"
                horizon: PT1H
                demand: {"d\\u202E": {constant: 1}}
                ec2:
                  instances: [{name: "a\\eb", type: m5.large}]
                """);

        assertThat(lines).containsExactly(
                "name: must not contain control or format characters; found in 'x\\ty'",
                "demand.\"d\\u202E\": must not contain control or format characters; found in 'd\\u202E'",
                "ec2.instances[0].name: must not contain control or format characters; found in 'a\\u001Bb'");
    }

    @Test
    void issue_bidiOverrideInAName_isEscaped() {
        assertThat(new Issue("x", "'\u202Eevil'", "").format()).isEqualTo("x: '\\u202Eevil'");
    }

    // ---- unbounded echo of user text (fuzzer: out of memory on aliases of a large scalar) ----

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_aliasesOfAHugeScalar_giveShortMessages() {
        // 5,000 instances whose type is the same 90,000-character scalar: 5,000 problems, each quoting 80
        // characters of it instead of all 90,000 (before: 450 million characters of messages; with 40,000 aliases
        // of 200,000 characters the JVM ran out of memory).
        StringBuilder y = new StringBuilder(VALID).append("x: &z \"").append("u".repeat(90_000)).append("\"\n")
                .append("ec2:\n  instances:\n");
        for (int i = 0; i < 5_000; i++) {
            y.append("    - {name: i").append(i).append(", type: *z}\n");
        }
        List<String> lines = issues(dir, y.toString());

        assertThat(lines).hasSize(5_001);
        assertThat(lines.get(1)).isEqualTo("ec2.instances[0].type: unknown instance type '" + "u".repeat(80)
                + "... (90000 characters)'; fleetsim catalog lists the known types");
        assertThat(lines).allMatch(line -> line.length() < 300);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_hugeUnknownKey_isShortenedAndGetsNoSuggestion() {
        // An explicit key ("? KEY"): SnakeYAML refuses plain keys longer than 1024 characters.
        List<String> lines = issues(dir, VALID + "? " + "k".repeat(90_000) + "\n: 1\n");

        assertThat(lines).singleElement().asString()
                .startsWith("k".repeat(300) + "... (90000 characters): unknown key; valid keys: name, seed,");
    }

    @Test
    void issue_hintListingManyNames_showsTwentyAndCounts() {
        StringBuilder y = new StringBuilder(VALID).append("ec2:\n  instances:\n");
        for (int i = 0; i < 30; i++) {
            y.append("    - {name: n").append(i).append(", type: m5.large, market: spot}\n");
        }
        y.append("faults: [{kind: spot-interruption, target: zzzzzz, at: PT1M}]\n");

        assertThat(issues(dir, y.toString())).containsExactly("faults[0].target: nothing is named 'zzzzzz'; names: n0,"
                + " n1, n2, n3, n4, n5, n6, n7, n8, n9, n10, n11, n12, n13, n14, n15, n16, n17, n18, n19 and 10 more");
    }

    // ---- quadratic checks (fuzzer's large files: a 2 MB zones list, a 9 MB region) ----

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_hundredThousandZones_checksDuplicatesInLinearTime() {
        // 100,000 distinct zones: each compared with every earlier one took 5 billion comparisons.
        StringBuilder y = new StringBuilder(VALID).append("zones:\n");
        for (int i = 0; i < 100_000; i++) {
            y.append("  - z").append(i).append('\n');
        }
        List<String> lines = issues(dir, y.toString());

        assertThat(lines).hasSize(100_000);
        assertThat(lines.get(0)).isEqualTo("zones[0]: 'z0' is not a zone of region us-east-1; zones are the region's"
                + " name and a letter, e.g. us-east-1a");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_hugeRegion_isRefusedWithoutCompilingItIntoAPattern() {
        // The zone check compiled Pattern.quote(region) + "[a-z]": Boyer-Moore set-up is quadratic in its length.
        List<String> lines = issues(dir, VALID + "region: " + "r".repeat(99_000) + "\n");

        assertThat(lines).singleElement().asString().startsWith("region: 'rrrr").endsWith("... (99000 characters)' is"
                + " not an AWS region name; e.g. us-east-1, eu-west-1");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_lineOfFourMillionCharacters_isRefusedBeforeSnakeYamlScansIt() {
        // SnakeYAML's scan of one long scalar is quadratic: 4 MB took about 4 s, 9 MB half a minute.
        assertThat(issues(dir, VALID + "region: " + "r".repeat(4_000_000) + "\n")).containsExactly(
                "line 3 is 4000008 characters long; lines are limited to 100000; break long lists over several"
                        + " lines; put long data in a trace CSV");
    }

    @Test
    void didYouMean_distance_isTheOptimalStringAlignmentDistance() {
        // Known values: kitten -> sitting takes 3 edits; "lrage" is one swap from "large"; OSA gives 3 for
        // CA -> ABC where unrestricted Damerau-Levenshtein gives 2 (no edit of a swapped pair).
        assertThat(DidYouMean.distance("kitten", "sitting")).isEqualTo(3);
        assertThat(DidYouMean.distance("lrage", "large")).isEqualTo(1);
        assertThat(DidYouMean.distance("ca", "abc")).isEqualTo(3);
        assertThat(DidYouMean.distance("", "abc")).isEqualTo(3);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_endlessDevice_readsOneBytePastTheLimitAndStops() {
        // Found by review: /dev/zero reports size 0, so the size check passed and readAllBytes ran out of memory.
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isReadable(zero), "a Unix /dev/zero");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ScenarioLoader(Loading.CATALOG).load(zero))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("the file is longer than 10485760 bytes; scenarios are limited to 10485760 bytes");
    }

    // ---- problems without a path (fuzzer: a whole-file line among path lines) ----

    @Test
    void load_topLevelKeyThatIsAList_isOneWholeFileProblem() {
        assertThat(issues(dir, "? [a, b]\n: 1\nzones: 3\n")).containsExactly(
                "a key is a list or mapping (line 1, column 3); keys must be plain words");
    }

    @Test
    void load_topLevelMergeOfAScalar_namesTheMergeKey() {
        assertThat(issues(dir, VALID + "<<: 1\n")).containsExactly(
                "<<: '<<' must merge a mapping or a list of mappings; write '<<: *anchor'");
    }

    // ---- keys that are not plain words (fuzzer: "count " printed as "...nodePools[2].count : unknown key") ----

    @Test
    void load_keysWithSpacesDotsControlsOrNothing_areQuotedInPaths() {
        List<String> lines = issues(dir, VALID + """
                "a\\nb": 1
                ec2:
                  instances:
                    - {name: a, type: m5.large, "count ": 2, "": 1, "a.b": 3}
                """);

        assertThat(lines).containsExactly(
                "\"a\\nb\": unknown key; valid keys: name, seed, start, horizon, region, zones, demand, ec2, ecs, eks,"
                        + " pricing, faults, processors, lifecycle, capacity",
                "ec2.instances[0].\"count \": unknown key; did you mean count? valid keys: name, type, count, os,"
                        + " tenancy, zone, market, runs, interruptionBehavior",
                "ec2.instances[0].\"\": unknown key; valid keys: name, type, count, os, tenancy, zone, market, runs,"
                        + " interruptionBehavior",
                "ec2.instances[0].\"a.b\": unknown key; valid keys: name, type, count, os, tenancy, zone, market,"
                        + " runs, interruptionBehavior");
    }

    @Test
    void pathOrder_parentOfAQuotedKey_isTheEnclosingPath() {
        assertThat(PathOrder.parent("eks.clusters[0].workloads[1].nodeSelector.\"kubernetes.io/arch\""))
                .isEqualTo("eks.clusters[0].workloads[1].nodeSelector");
        assertThat(PathOrder.parent("\"a.b\"")).isEmpty();
        assertThat(PathOrder.parent("x.\"q\\\"uote.\"")).isEqualTo("x");
    }

    // ---- numbers (hostile files: a 9 MB number; review: exponents, huge quantities) ----

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_numberOfAMillionDigits_isRefusedBeforeParsing() {
        // BigInteger parses decimal text in quadratic time: a million digits took minutes (lines are now limited
        // to 100,000 characters). SnakeYAML reads a long plain number as text; the hint "remove the quotes" used
        // to parse it as a number.
        assertThat(issues(dir, VALID + "seed: " + "7".repeat(99_000) + "\n")).containsExactly(
                "seed: expected a whole number, found text '" + "7".repeat(80) + "... (99000 characters)'");
        assertThat(issues(dir, VALID + "seed: " + "7".repeat(150) + "\n")).containsExactly(
                "seed: a number of 150 characters is out of range; numbers in a scenario have at most 100"
                        + " characters");
    }

    @Test
    void load_quantityWithANegativeExponent_isACpuRequestNotACrash() throws Exception {
        // 1e-5 cores = 0.01 millicores, rounded up to 1m; before, TEN.pow(-5) threw ArithmeticException.
        Scenario s = Loading.load(dir, VALID + eks("{cpu: \"1e-5\", memory: 1Mi}"));

        assertThat(s.spec().eks().clusters().get(0).workloads().get(0).requests().cpu().millicores()).isEqualTo(1);
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_quantitiesOutOfRange_areProblemsNotCrashesOrHangs() {
        List<String> lines = issues(dir, VALID + eks("{cpu: \"1e999999999\", memory: 99999999999999999999999999}"));

        // The cpu text is refused at once; the memory number fits no node (millicores and MiB saturate instead of
        // throwing ArithmeticException from longValueExact).
        assertThat(lines).containsExactly(
                "eks.clusters[0].workloads[0].requests: no node pool has an instance type with 0m cpu and"
                        + " 9223372036854775807 MiB; lower the requests or add a larger instance type",
                "eks.clusters[0].workloads[0].requests.cpu: '1e999999999' is out of range");
    }

    @Test
    void load_decimalsAndDoublesOutOfRange_areRefused() {
        List<String> lines = issues(dir, VALID + """
                processors: {graviton3: 1e999}
                pricing:
                  savingsPlans: [{kind: compute, commitment: "1e999999999", term: 1y, payment: no-upfront}]
                """);

        // 1e999 is Infinity as a double; 1e999999999 as money would take forever to round.
        assertThat(lines).containsExactly(
                "processors.graviton3: the number 1E+999 is out of range",
                "pricing.savingsPlans[0].commitment: '1e999999999' is out of range; write a decimal such as"
                        + " \"0.0816\"");
    }

    // ---- durations and times (review: weeks overflow, durations that do not fit in milliseconds) ----

    @Test
    void load_durationsBeyondAHundredYears_areRefused() {
        List<String> lines = issues(dir, """
                name: t
                horizon: P9999999999999999W
                lifecycle: {instanceLaunch: PT9223372036854775807S}
                start: "+999999999-01-01T00:00:00Z"
                """);

        // Before: Duration.ofDays(7 * 10^16) threw ArithmeticException; PT9223372036854775807S was accepted
        // although it does not fit in milliseconds; the start year 999999999 has no epoch millisecond.
        assertThat(lines).containsExactly(
                "horizon: 'P9999999999999999W' is out of range; durations are at most 100 years (P36525D)",
                "lifecycle.instanceLaunch: 'PT9223372036854775807S' is out of range; durations are at most 100 years"
                        + " (P36525D)",
                "start: +999999999-01-01T00:00:00Z is out of range; from 1970-01-01T00:00:00Z to before"
                        + " 2200-01-01T00:00:00Z");
    }

    @Test
    void load_veryLongName_isRefused() {
        assertThat(issues(dir, "name: " + "n".repeat(201) + "\nhorizon: PT1H\n")).containsExactly(
                "name: is 201 characters long; at most 200");
    }

    // ---- trace files (review: a trace file had no size, line or row limit) ----

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_traceLargerThanTheLimit_isRefusedWithoutReadingIt() throws Exception {
        // A sparse file: 300 MB of zero bytes that take no disk space. Before, its first "line" of 300 million
        // characters was read into memory and echoed in full in the message.
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(dir.resolve("big.csv").toFile(), "rw")) {
            f.setLength(300L << 20);
        }

        assertThat(issues(dir, VALID + trace("big.csv"))).containsExactly("demand.d.trace.file: big.csv is 314572800"
                + " bytes; traces are limited to 268435456 bytes");
    }

    @Test
    void load_traceWithAVeryLongLineOrTimeCell_isRefused() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("long.csv"), "t,v\n0," + "1".repeat(20_000) + "\n");
        java.nio.file.Files.writeString(dir.resolve("digits.csv"), "t,v\n" + "1".repeat(5_000) + ",1\n");

        assertThat(issues(dir, VALID + trace("long.csv"))).containsExactly(
                "demand.d.trace.file: long.csv line 2: is longer than 10000 characters");
        assertThat(issues(dir, VALID + trace("digits.csv"))).containsExactly("demand.d.trace.file: digits.csv line 2: '"
                + "1".repeat(80) + "... (5000 characters)' is not a time (PT5M, 300 seconds, or 2026-01-01T00:05:00Z)");
    }

    @Test
    void traceCsv_anyLineEnding_readsTheSameRows() throws Exception {
        // Times in seconds from the start: 0 s and 60 s are 0 and 60,000 ms.
        for (String text : List.of("t,v\n0,1\n60,2\n", "t,v\r\n0,1\r\n\r\n60,2", "t,v\r0,1\r60,2\r")) {
            java.nio.file.Path f = java.nio.file.Files.writeString(dir.resolve("t.csv"), text);

            TraceCsv.Trace t = TraceCsv.read(f, "t", "v", java.time.Instant.parse("2026-01-01T00:00:00Z"));

            assertThat(t.timeMs()).as(text).containsExactly(0, 60_000);
            assertThat(t.values()).as(text).containsExactly(1.0, 2.0);
        }
    }

    private static String trace(String file) {
        return "demand: {d: {trace: {file: " + file + ", time: t, value: v}}}\n";
    }

    private static String eks(String requests) {
        return "eks:\n  clusters:\n    - name: c\n      nodePools: [{name: p, kind: managed, instanceTypes: [m5.large],"
                + " min: 1, max: 2}]\n      workloads: [{name: w, kind: Deployment, requests: " + requests + "}]\n";
    }
}
