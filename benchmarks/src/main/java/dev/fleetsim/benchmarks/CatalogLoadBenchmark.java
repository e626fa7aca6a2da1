package dev.fleetsim.benchmarks;

import dev.fleetsim.catalog.InstanceCatalog;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to parse the shipped instance catalog (1435 types) with {@link InstanceCatalog#loadDefault()}.
 * Single-shot with no warm-up: each fork's first iteration is the cold start a CLI run pays (class
 * loading, interpreter), later iterations show the parse once the JIT has caught up. The target is
 * well under 200 ms cold.
 *
 * <p>Build and run:
 * <pre>
 * mvn -B -q -o -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar CatalogLoadBenchmark -f 1 -i 5
 * </pre>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 10)
@Fork(3)
public class CatalogLoadBenchmark {
    @Benchmark
    public InstanceCatalog loadDefault() {
        return InstanceCatalog.loadDefault();
    }
}
