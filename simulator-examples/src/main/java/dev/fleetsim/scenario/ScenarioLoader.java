package dev.fleetsim.scenario;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Loads a scenario YAML file: reads it defensively ({@link YamlTree}), applies {@code --set} overrides, checks
 * its structure against the spec records ({@link SchemaChecker}), binds it with Jackson, then validates it
 * ({@link ScenarioValidator}). Every problem is reported at once, in file order, as an
 * {@link InvalidScenarioException}.
 *
 * <p>A loader is thread-safe and meant to be reused: it keeps the Jackson deserializers and the schema's
 * reflection, which cost more to build than a scenario costs to load.
 */
public final class ScenarioLoader {

    private final ObjectMapper mapper;
    private final SchemaChecker.Reflection reflection;
    private final InstanceCatalog catalog;
    private final ScenarioValidator validator;

    /** With the default {@link EntityLimits}. */
    public ScenarioLoader(InstanceCatalog catalog) {
        this(SpecMapper.create(), new SchemaChecker.Reflection(), Objects.requireNonNull(catalog, "catalog"),
                EntityLimits.defaults());
    }

    private ScenarioLoader(ObjectMapper mapper, SchemaChecker.Reflection reflection, InstanceCatalog catalog,
            EntityLimits limits) {
        this.mapper = mapper;
        this.reflection = reflection;
        this.catalog = catalog;
        this.validator = new ScenarioValidator(catalog, limits);
    }

    /** The same loader (sharing what it has built) with other limits on what a scenario may create. */
    public ScenarioLoader withLimits(EntityLimits limits) {
        return new ScenarioLoader(mapper, reflection, catalog, Objects.requireNonNull(limits, "limits"));
    }

    public Scenario load(Path file) throws InvalidScenarioException {
        return load(file, List.of());
    }

    public Scenario load(Path file, List<SetOverride> overrides) throws InvalidScenarioException {
        byte[] bytes;
        try {
            if (Files.isDirectory(file)) {
                throw single(file + " is a directory, not a scenario file");
            }
            long size = Files.size(file);
            if (size > YamlTree.MAX_BYTES) {
                throw single("the file is " + size + " bytes; scenarios are limited to " + YamlTree.MAX_BYTES
                        + " bytes");
            }
            // At most one byte past the limit: a device or pipe (/dev/zero) reports size 0 and never ends.
            try (InputStream in = Files.newInputStream(file)) {
                bytes = in.readNBytes(YamlTree.MAX_BYTES + 1);
            }
            if (bytes.length > YamlTree.MAX_BYTES) {
                throw single("the file is longer than " + YamlTree.MAX_BYTES + " bytes; scenarios are limited to "
                        + YamlTree.MAX_BYTES + " bytes");
            }
        } catch (NoSuchFileException e) {
            throw single("no such file: " + file);
        } catch (AccessDeniedException e) {
            throw single("cannot read " + file + ": permission denied");
        } catch (IOException e) {
            throw single("cannot read " + file + ": " + e.getMessage());
        }
        Path absolute = file.toAbsolutePath().normalize();
        return load(bytes, absolute, absolute.getParent(), overrides);
    }

    /** Loads YAML text; relative file names in it resolve against {@code baseDirectory}. */
    public Scenario parse(String yaml, Path baseDirectory, List<SetOverride> overrides)
            throws InvalidScenarioException {
        return load(yaml.getBytes(StandardCharsets.UTF_8), null, baseDirectory, overrides);
    }

    private Scenario load(byte[] bytes, Path file, Path baseDirectory, List<SetOverride> overrides)
            throws InvalidScenarioException {
        YamlTree.Result tree = YamlTree.read(bytes);
        Issues issues = new Issues();
        issues.addAll(tree.issues());
        ObjectNode root = (ObjectNode) tree.root();
        Overrides.apply(root, ScenarioSpec.class, overrides, issues);
        SchemaChecker schema = new SchemaChecker(issues, reflection);
        tree.dropped().forEach(schema::alreadyReported);
        schema.checkRoot(root, ScenarioSpec.class);
        // Bad values were pruned: bind and validate the rest, so that every problem is reported in one go.
        ScenarioSpec spec;
        try {
            spec = mapper.treeToValue(root, ScenarioSpec.class);
        } catch (JsonMappingException e) {
            issues.addAll(List.of(JacksonIssues.toIssue(e)));
            throw new InvalidScenarioException(tree.order().sort(issues.list()));
        } catch (JacksonException e) {
            issues.add("", e.getOriginalMessage(), "");
            throw new InvalidScenarioException(tree.order().sort(issues.list()));
        }
        for (Issue issue : validator.validate(spec, baseDirectory)) {
            if (!schema.covers(issue.path())) {
                issues.addAll(List.of(issue));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(tree.order().sort(issues.list()));
        }
        return new Scenario(spec, file, baseDirectory);
    }

    private static InvalidScenarioException single(String message) {
        return new InvalidScenarioException(List.of(new Issue("", message, "")));
    }
}
