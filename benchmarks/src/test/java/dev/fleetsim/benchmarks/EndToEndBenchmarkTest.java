package dev.fleetsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.spec.ProviderGroupSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class EndToEndBenchmarkTest {

    /** Tests run in the module directory; the scenarios live at the repository root. */
    private static final Path SCENARIOS = Path.of("../scenarios/bench");

    @Test
    void label_namesTheScenarioFiles() {
        assertThat(EndToEndBenchmark.label(10_000)).isEqualTo("10k");
        assertThat(EndToEndBenchmark.label(100_000)).isEqualTo("100k");
        assertThat(EndToEndBenchmark.label(1_000_000)).isEqualTo("1m");
        assertThat(EndToEndBenchmark.label(1_500)).isEqualTo("1500");
    }

    @ParameterizedTest
    @ValueSource(ints = {10_000, 100_000, 1_000_000})
    void setUp_loadsAValidScenarioWithSizeTasks(int size) throws Exception {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.size = size;
        benchmark.setUp(SCENARIOS);
    }

    @Test
    void run_smallestSize_runsEveryTask() throws Exception {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.size = 10_000;
        benchmark.setUp(SCENARIOS);
        RunResult result = benchmark.run();

        assertThat(result.report().scenario()).isEqualTo("peer-10k");
        // 10,000 tasks x 1 h / 24 h = 417 at once on average against 100 x 16 = 1,600 slots: none waits, and the
        // last arrivals (end of day 1) finish within the 48 h left unless a duration exceeds 48 mean lengths
        // (probability e^-48 each), so every task completes by the horizon.
        WorkloadReport job = result.report().workloads().get(0);
        assertThat(job.launched()).isEqualTo(10_000);
        assertThat(job.completed()).isEqualTo(10_000);
        assertThat(job.pending()).isZero();
        assertThat(benchmark.describe(result, 0)).startsWith("# end-to-end size=10000 hosts=100: ")
                .contains("job launched 10000, completed 10000, running 0, pending 0");
    }

    @Test
    void setUp_withHosts_sizesTheCapacityProvidersGroup() throws Exception {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.size = 10_000;
        benchmark.hosts = 1_000;
        benchmark.setUp(SCENARIOS);

        ProviderGroupSpec group = benchmark.scenario().spec().ecs().clusters().get(0).capacityProviders().get(0).group();
        assertThat(group.min()).isEqualTo(1_000);
        assertThat(group.max()).isEqualTo(1_000);
        assertThat(group.desired()).isEqualTo(1_000);
    }

    @Test
    void hostOverrides_whenNoHosts_throws() {
        assertThatThrownBy(() -> EndToEndBenchmark.hostOverrides(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setUp_whenTheFileIsMissing_saysWhereItLooked() {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.size = 42;
        assertThatThrownBy(() -> benchmark.setUp(SCENARIOS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("peer-42.yaml");
    }
}
