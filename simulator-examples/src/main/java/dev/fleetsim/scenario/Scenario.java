package dev.fleetsim.scenario;

import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.ThroughputFactors;
import dev.fleetsim.scenario.spec.DemandSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A scenario that passed validation: only {@link ScenarioLoader} and {@link ScenarioValidator#requireValid}
 * make one, so a runner may rely on every rule in docs/scenario-reference.md holding.
 */
public final class Scenario {

    private final ScenarioSpec spec;
    private final Path file;
    private final Path baseDirectory;

    Scenario(ScenarioSpec spec, Path file, Path baseDirectory) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.file = file;
        this.baseDirectory = Objects.requireNonNull(baseDirectory, "baseDirectory");
    }

    public ScenarioSpec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public long seed() {
        return spec.seed();
    }

    public long horizonMs() {
        return spec.horizon().toMillis();
    }

    /** The file it was loaded from; empty when parsed from text or built in code. */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Where relative file names in the scenario (traces) resolve. */
    public Path baseDirectory() {
        return baseDirectory;
    }

    public Path resolve(String relativeFile) {
        return baseDirectory.resolve(relativeFile).normalize();
    }

    /** The processor throughput defaults with the scenario's {@code processors:} overrides applied. */
    public ThroughputFactors throughputFactors() {
        return throughputFactors(spec);
    }

    /** The default per-vCPU factors with the scenario's {@code processors} overrides. */
    public static ThroughputFactors throughputFactors(ScenarioSpec spec) {
        ThroughputFactors f = ThroughputFactors.defaults();
        for (Map.Entry<String, Double> e : spec.processors().entrySet()) {
            f = f.withOverride(Microarchitecture.fromKey(e.getKey()).orElseThrow(), e.getValue());
        }
        return f;
    }

    /** The points of a trace demand signal, read from its CSV file (validated when the scenario loaded). */
    public TraceCsv.Trace demandTrace(String signal) {
        DemandSpec d = spec.demand().get(signal);
        if (d == null || d.kind() != DemandSpec.Kind.TRACE) {
            throw new IllegalArgumentException("no trace signal named '" + signal + "'");
        }
        return TraceCsv.read(resolve(d.trace().file()), d.trace().time(), d.trace().value(), spec.start());
    }
}
