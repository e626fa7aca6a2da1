package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.catalog.InstanceCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Test helpers: load YAML text or bytes and get the scenario, or the formatted issue lines. */
final class Loading {

    static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    private Loading() {
    }

    static Scenario load(Path dir, String yaml) throws InvalidScenarioException {
        return new ScenarioLoader(CATALOG).load(write(dir, "s.yaml", yaml));
    }

    static List<String> issues(Path dir, String yaml) {
        return issues(dir, yaml.getBytes(StandardCharsets.UTF_8), List.of());
    }

    static List<String> issues(Path dir, byte[] bytes, List<SetOverride> overrides) {
        Path file = dir.resolve("s.yaml");
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            new ScenarioLoader(CATALOG).load(file, overrides);
        } catch (InvalidScenarioException e) {
            return e.issues().stream().map(Issue::format).toList();
        }
        throw new AssertionError("expected the scenario to be invalid");
    }

    static Path write(Path dir, String name, String text) {
        try {
            return Files.writeString(dir.resolve(name), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void assertValid(Path dir, String yaml) {
        try {
            load(dir, yaml);
        } catch (InvalidScenarioException e) {
            throw new AssertionError("expected valid, got: " + e.issues());
        }
    }

    static void assertInvalid(Path dir, String yaml) {
        assertThatThrownBy(() -> load(dir, yaml)).isInstanceOf(InvalidScenarioException.class);
    }
}
