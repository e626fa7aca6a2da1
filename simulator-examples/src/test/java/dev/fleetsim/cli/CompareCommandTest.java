package dev.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fleetsim compare} on the two aws-rules.md E1 regression scenarios, whose bills are derived in their
 * headers: four concurrent m4.xlarge for an hour with one RI = 3 h x $0.20 + $0.12 RI fee = $0.72; four running a
 * quarter hour each = the RI fee $0.12 only.
 */
final class CompareCommandTest {

    private static final String A = "../scenarios/regression/e1-ri-four-concurrent.yaml";
    private static final String B = "../scenarios/regression/e1-ri-four-quarter-hours.yaml";

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {
    }

    private static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FleetsimCli().execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void compare_table_showsEachMeasureWithItsDifference() {
        Result r = run("compare", A, B);

        assertThat(r.status()).as(r.err()).isZero();
        List<String> lines = List.of(r.out().split("\n"));
        assertThat(lines.get(0)).matches("measure +e1-ri-four-concurrent +e1-ri-four-quarter-hours +diff +diff %");
        // 0.12 - 0.72 = -0.60, -0.60 / 0.72 = -83.3 %; On-Demand 0.60 -> 0: -100 %; the RI fee stays.
        assertThat(lines.get(1)).matches("total +0\\.72 +0\\.12 +-0\\.60 +-83\\.3%");
        assertThat(lines.get(3)).matches(" +on-demand +0\\.60 +0\\.00 +-0\\.60 +-100\\.0%");
        assertThat(lines.get(5)).matches(" +reserved +0\\.12 +0\\.12 +0\\.00 +0\\.0%");
        // Both run four instances at once.
        assertThat(lines.get(7)).matches("peak instances +4 +4 +0 +0\\.0%");
        assertThat(lines.get(8)).matches("unserved demand % +n/a +n/a +n/a +n/a");
    }

    @Test
    void compare_json_carriesValuesAndDifferences() throws IOException {
        Result r = run("compare", A, B, "--format", "json");

        assertThat(r.status()).isZero();
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertThat(root.get("baseline").asText()).isEqualTo("e1-ri-four-concurrent");
        JsonNode second = root.get("scenarios").get(1);
        assertThat(second.get("values").get("total").asText()).isEqualTo("0.12");
        assertThat(second.get("difference").get("total").get("absolute").asText()).isEqualTo("-0.60");
        assertThat(second.get("difference").get("total").get("percent").decimalValue()).isEqualByComparingTo("-83.3");
        assertThat(second.get("values").get("unservedDemand").isNull()).isTrue();
        assertThat(root.get("scenarios").get(0).get("difference").isNull()).isTrue();
    }

    @Test
    void compare_invalidFiles_printsEveryProblemOfEveryFileAndRunsNothing() throws IOException {
        Path bad1 = Files.writeString(dir.resolve("bad1.yaml"), "name: x\nhorizon: PT1H\nec2:\n  instances:\n"
                + "    - {name: a, type: m5.lrage}\n");
        Path bad2 = Files.writeString(dir.resolve("bad2.yaml"), "name: y\n");

        Result r = run("compare", A, bad1.toString(), bad2.toString());

        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().split("\n")).containsExactly(
                bad1 + ": ec2.instances[0].type: unknown instance type 'm5.lrage'; did you mean m5.large?",
                bad2 + ": horizon: required; how long to simulate, e.g. horizon: P1D");
    }
}
