package dev.fleetsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * Applies {@code --set} overrides to the YAML tree, walking the spec types alongside so that a misspelt key
 * or an index past the end is named at once (with a did-you-mean), before the value is checked like any
 * other value in the file.
 */
final class Overrides {

    private Overrides() {
    }

    static void apply(ObjectNode root, Type rootType, List<SetOverride> overrides, Issues issues) {
        for (SetOverride o : overrides) {
            apply(root, rootType, o, issues);
        }
    }

    private static void apply(ObjectNode root, Type rootType, SetOverride o, Issues issues) {
        List<SetOverride.Step> steps;
        JsonNode value;
        try {
            steps = o.steps();
            value = YamlTree.readValue(o.value());
        } catch (IllegalArgumentException e) {
            issues.add(o.path(), e.getMessage(), "");
            return;
        } catch (InvalidScenarioException e) {
            issues.add(o.path(), "--set: the value " + UserText.quote(o.value()) + " is not valid YAML: "
                    + e.issues().get(0).message(), "quote text that contains ':' or '#'");
            return;
        }
        JsonNode node = root;
        Type type = rootType;
        String where = "";
        for (int s = 0; s < steps.size(); s++) {
            SetOverride.Step step = steps.get(s);
            boolean last = s == steps.size() - 1;
            Class<?> raw = SchemaChecker.rawClass(type);
            String at = where.isEmpty() ? "the top level" : where;
            if (step.isIndex()) {
                if (!List.class.isAssignableFrom(raw)) {
                    issues.add(o.path(), "--set: " + at + " is not a list", "remove [" + step.index() + "]");
                    return;
                }
                int size = node instanceof ArrayNode ? node.size() : 0;
                if (step.index() >= size) {
                    issues.add(o.path(), "--set: index " + step.index() + " is out of range: " + at + " has "
                            + size + (size == 1 ? " item" : " items"), size == 0 ? "add the list to the file first"
                            : "indexes run from 0 to " + (size - 1));
                    return;
                }
                type = SchemaChecker.elementType(type, 0);
                where = Issues.index(where, step.index());
                if (last) {
                    ((ArrayNode) node).set(step.index(), value);
                    return;
                }
                node = node.get(step.index());
                continue;
            }
            String key = step.key();
            Type next;
            if (raw.isRecord()) {
                Map<String, RecordComponent> components = SchemaChecker.components(raw);
                RecordComponent c = components.get(key);
                if (c == null) {
                    issues.add(o.path(), "--set: " + at + " has no key " + UserText.quote(key),
                            DidYouMean.hint(key, components.keySet(), "valid keys"));
                    return;
                }
                next = c.getGenericType();
            } else if (Map.class.isAssignableFrom(raw)) {
                next = SchemaChecker.elementType(type, 1);
            } else if (List.class.isAssignableFrom(raw)) {
                issues.add(o.path(), "--set: " + at + " is a list", "pick an item: " + at + "[0]." + key);
                return;
            } else {
                issues.add(o.path(), "--set: " + at + " is a single value, it has no key " + UserText.quote(key), "");
                return;
            }
            if (!(node instanceof ObjectNode)) {
                issues.add(o.path(), "--set: " + at + " is not a mapping in the file", "");
                return;
            }
            ObjectNode object = (ObjectNode) node;
            where = Issues.child(where, key);
            if (last) {
                object.set(key, value);
                return;
            }
            JsonNode child = object.get(key);
            if (child == null || child.isNull()) {
                Class<?> nextRaw = SchemaChecker.rawClass(next);
                if (ScalarTypes.isScalar(nextRaw)) {
                    issues.add(o.path(), "--set: " + where + " is a single value; the path cannot go deeper", "");
                    return;
                }
                if (List.class.isAssignableFrom(nextRaw)) {
                    issues.add(o.path(), "--set: " + where + " has no items", "add the list to the file first");
                    return;
                }
                child = JsonNodeFactory.instance.objectNode();
                object.set(key, child);
            }
            node = child;
            type = next;
        }
    }
}
