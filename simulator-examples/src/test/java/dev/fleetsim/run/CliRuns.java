package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsim.cli.FleetsimCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Scenario runs through the CLI, as {@code ./fleetsim run FILE --format json} makes them, for the scenario tests. */
final class CliRuns {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What one CLI invocation printed. */
    record Output(int status, String out, String err) {

        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private CliRuns() {
    }

    static Output cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new FleetsimCli().execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Output(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The JSON report of {@code path}; the run must succeed. */
    static JsonNode report(String path) {
        Output o = cli("run", path, "--format", "json");
        assertThat(o.status()).as("exit status; stderr: %s", o.err()).isZero();
        return o.json();
    }

    /** The JSON report of {@code scenarios/regression/NAME.yaml}. */
    static JsonNode regression(String name) {
        return report("../scenarios/regression/" + name + ".yaml");
    }

    /** The report line of workload {@code name}. */
    static JsonNode workload(JsonNode report, String name) {
        for (JsonNode w : report.get("workloads")) {
            if (w.get("name").asText().equals(name)) {
                return w;
            }
        }
        throw new AssertionError("no workload " + name + " in " + report.get("workloads"));
    }
}
