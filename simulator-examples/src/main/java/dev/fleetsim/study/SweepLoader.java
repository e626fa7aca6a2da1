package dev.fleetsim.study;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.scenario.DidYouMean;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import dev.fleetsim.scenario.SetOverride;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads a sweep file ({@link SweepSpec}) and checks everything before anything runs: the file's keys (strictly,
 * with did-you-mean), the base scenario, every axis path and every value (each applied alone to the base, as
 * {@code run --set} would), then every point of the cartesian product. All problems come at once, with paths.
 */
public final class SweepLoader {

    /** A guard against a typo that multiplies into millions of runs. */
    public static final int MAX_POINTS = 10_000;
    static final String NONE = "none";
    private static final List<String> KEYS = List.of("base", "axes", "objective");

    private final ScenarioLoader scenarios;
    private final ObjectMapper yaml = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                    DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    public SweepLoader(InstanceCatalog catalog) {
        this.scenarios = new ScenarioLoader(Objects.requireNonNull(catalog, "catalog"));
    }

    /** One axis value as applied: a --set override, or (set == null) the removal of item {@code index} of a list. */
    private record Value(String display, SetOverride set, String listPath, int index) {
    }

    public Sweep load(Path file) throws InvalidScenarioException {
        JsonNode root = readTree(file, "");
        if (!root.isObject()) {
            throw invalid(Issue.of("", "a sweep file is a mapping with keys " + String.join(", ", KEYS)));
        }
        List<Issue> issues = new ArrayList<>();
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String key = names.next();
            if (!KEYS.contains(key)) {
                String suggestion = DidYouMean.suggestion(key, KEYS);
                issues.add(new Issue(key, "unknown key", (suggestion.isEmpty() ? "" : suggestion + " ")
                        + "valid keys: " + String.join(", ", KEYS)));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
        SweepSpec spec;
        try {
            spec = yaml.treeToValue(root, SweepSpec.class);
        } catch (JsonMappingException e) {
            throw invalid(Issue.of(path(e), e.getOriginalMessage()));
        } catch (JacksonException e) {
            throw invalid(Issue.of("", e.getOriginalMessage()));
        }
        Sweep.Objective objective = objective(spec.objective(), issues);
        if (spec.base() == null || spec.base().isBlank()) {
            issues.add(new Issue("base", "required", "the scenario to sweep, relative to the sweep file"));
        }
        if (spec.axes() == null || spec.axes().isEmpty()) {
            issues.add(new Issue("axes", "required", "e.g. axes: {\"pricing.savingsPlans[0].commitment\":"
                    + " [\"1.00\", \"2.00\"]}"));
        }
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
        Path baseFile = file.toAbsolutePath().normalize().resolveSibling(spec.base());
        JsonNode baseTree = readTree(baseFile, "base");
        List<List<Value>> axes = new ArrayList<>();
        List<Sweep.Axis> views = new ArrayList<>();
        for (Map.Entry<String, List<JsonNode>> axis : spec.axes().entrySet()) {
            List<Value> values = axisValues(axis.getKey(), axis.getValue(), baseTree, issues);
            List<String> shown = new ArrayList<>();
            values.forEach(v -> shown.add(v.display()));
            axes.add(values);
            views.add(new Sweep.Axis(axis.getKey(), shown));
        }
        conflicts(axes, views, issues);
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
        // Each value alone on the base first: a bad value is named once, not once per point it appears in.
        for (int a = 0; a < axes.size(); a++) {
            for (int k = 0; k < axes.get(a).size(); k++) {
                load(baseFile, baseTree, List.of(axes.get(a).get(k)),
                        "axes[\"" + views.get(a).path() + "\"][" + k + "]", issues);
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
        long count = 1;
        for (List<Value> values : axes) {
            count *= values.size();
            if (count > MAX_POINTS) {
                throw invalid(new Issue("axes", "the axes make more than " + MAX_POINTS + " points",
                        "sweep fewer values, or split the study"));
            }
        }
        List<Sweep.Point> points = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            List<Value> chosen = new ArrayList<>();
            List<String> shown = new ArrayList<>();
            int rest = p;
            int[] pick = new int[axes.size()];
            for (int a = axes.size() - 1; a >= 0; a--) { // the last axis varies fastest
                pick[a] = rest % axes.get(a).size();
                rest /= axes.get(a).size();
            }
            for (int a = 0; a < axes.size(); a++) {
                chosen.add(axes.get(a).get(pick[a]));
                shown.add(axes.get(a).get(pick[a]).display());
            }
            Scenario s = load(baseFile, baseTree, chosen, "point " + p + " (" + Sweep.describe(views, shown) + ")",
                    issues);
            if (s != null) {
                points.add(new Sweep.Point(p, shown, s));
            }
        }
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
        return new Sweep(file, views, objective, points);
    }

    private Scenario load(Path baseFile, JsonNode baseTree, List<Value> values, String where, List<Issue> issues) {
        List<SetOverride> overrides = new ArrayList<>();
        for (Value v : values) {
            overrides.add(v.set() != null ? v.set() : removal(v, baseTree));
        }
        try {
            return scenarios.load(baseFile, overrides);
        } catch (InvalidScenarioException e) {
            for (Issue i : e.issues()) {
                issues.add(Issue.of(where, i.format()));
            }
            return null;
        }
    }

    private List<Value> axisValues(String path, List<JsonNode> nodes, JsonNode baseTree, List<Issue> issues) {
        String where = "axes[\"" + path + "\"]";
        List<Value> values = new ArrayList<>();
        try {
            SetOverride.parse(path + "=x");
        } catch (IllegalArgumentException e) {
            issues.add(Issue.of(where, e.getMessage().replace("--set " + path + "=x: ", "bad path: ")));
            return values;
        }
        if (nodes == null || nodes.isEmpty()) {
            issues.add(new Issue(where, "has no values", "list at least one, e.g. [\"1.00\", \"2.00\"]"));
            return values;
        }
        for (int k = 0; k < nodes.size(); k++) {
            JsonNode n = nodes.get(k);
            if (n == null || n.isNull()) {
                int bracket = path.lastIndexOf('[');
                if (bracket < 0) {
                    issues.add(new Issue(where + "[" + k + "]", "null removes a list item, but the path has no [index]",
                            "use a path such as pricing.savingsPlans[0].commitment"));
                    continue;
                }
                String listPath = path.substring(0, bracket);
                int index = Integer.parseInt(path.substring(bracket + 1, path.indexOf(']', bracket)));
                JsonNode list = at(baseTree, listPath);
                if (!(list instanceof ArrayNode) || index >= list.size()) {
                    issues.add(new Issue(where + "[" + k + "]", "null removes item " + index + " of " + listPath
                            + ", which the base scenario does not have", ""));
                    continue;
                }
                values.add(new Value(NONE, null, listPath, index));
            } else {
                String text = n.isTextual() ? n.textValue() : n.toString();
                // Strings keep their quotes so that "1.00" stays the text 1.00, as in a scenario file.
                values.add(new Value(text, new SetOverride(path, n.toString()), null, -1));
            }
        }
        return values;
    }

    /** A removal rewrites its whole list, so no other axis may touch that list. */
    private static void conflicts(List<List<Value>> axes, List<Sweep.Axis> views, List<Issue> issues) {
        for (int a = 0; a < axes.size(); a++) {
            for (Value v : axes.get(a)) {
                if (v.set() != null) {
                    continue;
                }
                for (int b = 0; b < axes.size(); b++) {
                    String other = views.get(b).path();
                    if (b != a && (other.startsWith(v.listPath() + "[") || other.startsWith(v.listPath() + "."))) {
                        issues.add(new Issue("axes[\"" + views.get(a).path() + "\"]", "null removes an item of "
                                + v.listPath() + ", which axis " + other + " also changes",
                                "remove with one axis only, or use a small value instead of null"));
                        return;
                    }
                }
                break;
            }
        }
    }

    /** The base list without the removed item, as a --set of the whole list (JSON is YAML flow). */
    private static SetOverride removal(Value v, JsonNode baseTree) {
        ArrayNode copy = ((ArrayNode) at(baseTree, v.listPath())).deepCopy();
        copy.remove(v.index());
        return new SetOverride(v.listPath(), copy.toString());
    }

    /** The node at a path such as {@code pricing.savingsPlans} or {@code ecs.clusters[0].services}; null if absent. */
    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            int bracket = part.indexOf('[');
            String key = bracket < 0 ? part : part.substring(0, bracket);
            node = node == null ? null : node.get(key);
            while (bracket >= 0 && node != null) {
                int close = part.indexOf(']', bracket);
                node = node.get(Integer.parseInt(part.substring(bracket + 1, close)));
                bracket = part.indexOf('[', close);
            }
        }
        return node;
    }

    private static Sweep.Objective objective(String key, List<Issue> issues) {
        if (key == null) {
            return Sweep.Objective.TOTAL;
        }
        List<String> keys = new ArrayList<>();
        for (Sweep.Objective o : Sweep.Objective.values()) {
            if (o.key().equals(key)) {
                return o;
            }
            keys.add(o.key());
        }
        String suggestion = DidYouMean.suggestion(key, keys);
        issues.add(new Issue("objective", "unknown objective '" + key + "'", (suggestion.isEmpty() ? ""
                : suggestion + " ") + "valid: " + String.join(", ", keys)));
        return Sweep.Objective.TOTAL;
    }

    private JsonNode readTree(Path file, String what) throws InvalidScenarioException {
        try {
            if (Files.isDirectory(file)) {
                throw invalid(Issue.of(what, file + " is a directory, not a file"));
            }
            JsonNode node = yaml.readTree(Files.readAllBytes(file));
            return node == null || node.isMissingNode() ? yaml.createObjectNode() : node;
        } catch (NoSuchFileException e) {
            throw invalid(Issue.of(what, "no such file: " + file));
        } catch (JacksonException e) {
            throw invalid(Issue.of(what, file + " is not valid YAML: " + e.getOriginalMessage()));
        } catch (IOException e) {
            throw invalid(Issue.of(what, "cannot read " + file + ": " + e.getMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        StringBuilder s = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                s.append(s.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                s.append('[').append(r.getIndex()).append(']');
            }
        }
        return s.toString();
    }

    private static InvalidScenarioException invalid(Issue issue) {
        return new InvalidScenarioException(List.of(issue));
    }
}
