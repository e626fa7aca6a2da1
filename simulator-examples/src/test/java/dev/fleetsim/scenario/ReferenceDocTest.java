package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every key the scenario schema accepts, and every enum value, is documented in docs/scenario-reference.md. */
final class ReferenceDocTest {

    @Test
    void reference_documentsEveryKeyAndValue() throws Exception {
        String doc = Files.readString(Path.of("../docs/scenario-reference.md"));
        Set<String> words = new HashSet<>();
        collect(ScenarioSpec.class, words, new HashSet<>());

        List<String> missing = new ArrayList<>();
        for (String w : words) {
            // Inside a code span, as a whole word: `key`, `group.key`, `key: ...`, `a` \| `b`.
            Pattern p = Pattern.compile("`[^`\\n]*(?<![\\w-])" + Pattern.quote(w) + "(?![\\w-])[^`\\n]*`");
            if (!p.matcher(doc).find()) {
                missing.add(w);
            }
        }
        assertThat(missing).as("keys and values missing from docs/scenario-reference.md").isEmpty();
    }

    private static void collect(Type type, Set<String> words, Set<Class<?>> seen) {
        Class<?> raw = SchemaChecker.rawClass(type);
        if (java.util.List.class.isAssignableFrom(raw)) {
            collect(SchemaChecker.elementType(type, 0), words, seen);
        } else if (Map.class.isAssignableFrom(raw)) {
            collect(SchemaChecker.elementType(type, 1), words, seen);
        } else if (raw.isEnum()) {
            words.addAll(EnumKeys.keys(raw));
        } else if (raw.isRecord() && seen.add(raw) && !ScalarTypes.isScalar(raw)) {
            for (Map.Entry<String, RecordComponent> e : SchemaChecker.components(raw).entrySet()) {
                words.add(e.getKey());
                collect(e.getValue().getGenericType(), words, seen);
            }
        }
    }
}
