package dev.fleetsim.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void run_smallestSize_returnsAReport() throws Exception {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.size = 10_000;
        benchmark.setUp(SCENARIOS);
        assertThat(benchmark.run().report().scenario()).isEqualTo("peer-10k");
    }

    @Test
    void setUp_whenTheFileIsMissing_saysWhereItLooked() {
        EndToEndBenchmark benchmark = new EndToEndBenchmark();
        benchmark.size = 42;
        assertThatThrownBy(() -> benchmark.setUp(SCENARIOS))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("peer-42.yaml");
    }
}
