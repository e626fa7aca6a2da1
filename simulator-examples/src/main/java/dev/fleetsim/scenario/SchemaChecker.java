package dev.fleetsim.scenario;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks a YAML tree against the spec record types and reports every structural problem at once: unknown keys
 * (with a did-you-mean computed from the record's components), values of the wrong shape (text where a list
 * is expected), and scalars that do not parse. Jackson stops at the first problem; this pass does not, and
 * when it finds nothing, binding cannot fail.
 */
final class SchemaChecker {

    private final Issues issues;

    SchemaChecker(Issues issues) {
        this.issues = issues;
    }

    void check(JsonNode node, Type type, String path) {
        if (node == null || node.isNull()) {
            return; // absent: defaults and required-key checks come later
        }
        Class<?> raw = rawClass(type);
        if (ScalarTypes.isScalar(raw)) {
            ScalarTypes.Problem p = ScalarTypes.check(raw, node);
            if (p != null) {
                issues.add(path, p.message(), p.hint());
            }
        } else if (List.class.isAssignableFrom(raw)) {
            checkList(node, elementType(type, 0), path);
        } else if (Map.class.isAssignableFrom(raw)) {
            checkMap(node, elementType(type, 1), path);
        } else if (raw.isRecord()) {
            checkRecord(node, raw, path);
        } else {
            throw new IllegalStateException("the scenario schema uses an unsupported type " + type);
        }
    }

    private void checkList(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            String hint = node.isValueNode() ? "write a list: [" + node.asText() + "]" : "write a list: [...]";
            issues.add(path, "expected a list, found " + ScalarTypes.describe(node), hint);
            return;
        }
        for (int i = 0; i < node.size(); i++) {
            JsonNode item = node.get(i);
            if (item.isNull()) {
                issues.add(Issues.index(path, i), "empty list item", "remove it or give it a value");
            } else {
                check(item, element, Issues.index(path, i));
            }
        }
    }

    private void checkMap(JsonNode node, Type value, String path) {
        if (!node.isObject()) {
            issues.add(path, "expected a mapping of names to values, found " + ScalarTypes.describe(node), "");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = Issues.child(path, e.getKey());
            if (e.getValue().isNull()) {
                issues.add(childPath, "no value", "give it a value or remove the key");
            } else {
                check(e.getValue(), value, childPath);
            }
        }
    }

    private void checkRecord(JsonNode node, Class<?> type, String path) {
        Method fromText = textCreator(type);
        if (node.isTextual() && fromText != null) {
            try {
                fromText.invoke(null, node.textValue());
            } catch (InvocationTargetException e) {
                issues.add(path, e.getCause().getMessage(), "");
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return;
        }
        Map<String, RecordComponent> components = components(type);
        if (!node.isObject()) {
            issues.add(path, "expected a mapping with keys " + String.join(", ", components.keySet()) + ", found "
                    + ScalarTypes.describe(node), "");
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = Issues.child(path, e.getKey());
            RecordComponent c = components.get(e.getKey());
            if (c == null) {
                issues.add(childPath, "unknown key", DidYouMean.hint(e.getKey(), components.keySet(), "valid keys"));
            } else {
                check(e.getValue(), c.getGenericType(), childPath);
            }
        }
    }

    /** Record components by YAML key, in declaration order. */
    static Map<String, RecordComponent> components(Class<?> recordType) {
        Map<String, RecordComponent> byKey = new LinkedHashMap<>();
        for (RecordComponent c : recordType.getRecordComponents()) {
            byKey.put(yamlKey(c), c);
        }
        return byKey;
    }

    static String yamlKey(RecordComponent c) {
        JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
        return p != null && !p.value().isEmpty() ? p.value() : c.getName();
    }

    /** A static factory marked as a delegating creator from text: the record may be written as one word. */
    static Method textCreator(Class<?> type) {
        for (Method m : type.getDeclaredMethods()) {
            JsonCreator creator = m.getAnnotation(JsonCreator.class);
            if (creator != null && Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 1
                    && m.getParameterTypes()[0] == String.class) {
                return m;
            }
        }
        return null;
    }

    static Class<?> rawClass(Type type) {
        if (type instanceof Class) {
            return (Class<?>) type;
        }
        if (type instanceof ParameterizedType) {
            return (Class<?>) ((ParameterizedType) type).getRawType();
        }
        throw new IllegalStateException("the scenario schema uses an unsupported type " + type);
    }

    static Type elementType(Type type, int index) {
        if (type instanceof ParameterizedType) {
            Type[] args = ((ParameterizedType) type).getActualTypeArguments();
            return args[Math.min(index, args.length - 1)];
        }
        throw new IllegalStateException("raw collection type in the scenario schema: " + type);
    }

    /** The YAML keys valid at the top of a record type, for hints elsewhere. */
    static List<String> keys(Class<?> recordType) {
        return new ArrayList<>(components(recordType).keySet());
    }
}
