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
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Walks a YAML tree against the spec record types and reports every structural problem at once: unknown keys
 * (with a did-you-mean computed from the record's components), values of the wrong shape (text where a list
 * is expected), and scalars that do not parse. Jackson stops at the first problem; this pass does not.
 *
 * <p>Each bad value is pruned from the tree (a bad list item becomes an empty one), so that the rest can still
 * be bound and validated: a file with a misspelt key and an unknown instance type reports both. Later issues
 * at or under a pruned path are redundant; {@link #covers(String)} tells which.
 */
final class SchemaChecker {

    private final Issues issues;
    private final Reflection reflection;
    /** Paths reported here, and paths a misspelt key was probably meant to be (so "required" is redundant). */
    private final Set<String> reported = new HashSet<>();

    SchemaChecker(Issues issues) {
        this(issues, new Reflection());
    }

    SchemaChecker(Issues issues, Reflection reflection) {
        this.issues = issues;
        this.reflection = reflection;
    }

    /**
     * The record components and text creators of the spec types, looked up once: reflection per node was the
     * largest cost of loading a scenario. Thread-safe, so one loader can be shared.
     */
    static final class Reflection {
        private final Map<Class<?>, Map<String, RecordComponent>> components = new ConcurrentHashMap<>();
        private final Map<Class<?>, Optional<Method>> textCreators = new ConcurrentHashMap<>();

        Map<String, RecordComponent> components(Class<?> recordType) {
            return components.computeIfAbsent(recordType, t -> Collections.unmodifiableMap(
                    SchemaChecker.components(t)));
        }

        Method textCreator(Class<?> type) {
            return textCreators.computeIfAbsent(type, t -> Optional.ofNullable(SchemaChecker.textCreator(t)))
                    .orElse(null);
        }
    }

    /** Checks the tree below {@code root}, pruning bad values. */
    void checkRoot(ObjectNode root, Type type) {
        checkRecord(root, rawClass(type), "");
    }

    /** Whether an issue at {@code path} repeats a problem already reported here. */
    boolean covers(String path) {
        String p = path;
        while (true) {
            if (reported.contains(p)) {
                return true;
            }
            if (p.isEmpty()) {
                return false;
            }
            p = PathOrder.parent(p);
        }
    }

    /** A problem at {@code path} was reported before this pass (e.g. while reading the YAML). */
    void alreadyReported(String path) {
        reported.add(path);
    }

    private void report(String path, String message, String hint) {
        issues.add(path, message, hint);
        reported.add(path);
    }

    /** Returns false when the value is bad and its parent should drop it. */
    private boolean check(JsonNode node, Type type, String path) {
        if (node == null || node.isNull()) {
            return true; // absent: defaults and required-key checks come later
        }
        Class<?> raw = rawClass(type);
        if (ScalarTypes.isScalar(raw)) {
            ScalarTypes.Problem p = ScalarTypes.check(raw, node);
            if (p != null) {
                report(path, p.message(), p.hint());
                return false;
            }
            return true;
        } else if (List.class.isAssignableFrom(raw)) {
            return checkList(node, elementType(type, 0), path);
        } else if (Map.class.isAssignableFrom(raw)) {
            return checkMap(node, elementType(type, 1), path);
        } else if (raw.isRecord()) {
            return checkRecord(node, raw, path);
        }
        throw new IllegalStateException("the scenario schema uses an unsupported type " + type);
    }

    private boolean checkList(JsonNode node, Type element, String path) {
        if (!node.isArray()) {
            String hint = node.isValueNode() ? "write a list: [" + node.asText() + "]" : "write a list: [...]";
            report(path, "expected a list, found " + ScalarTypes.describe(node), hint);
            return false;
        }
        ArrayNode array = (ArrayNode) node;
        for (int i = 0; i < array.size(); i++) {
            JsonNode item = array.get(i);
            if (item.isNull()) {
                report(Issues.index(path, i), "empty list item", "remove it or give it a value");
            } else if (!check(item, element, Issues.index(path, i))) {
                array.set(i, JsonNodeFactory.instance.nullNode());
            }
        }
        return true;
    }

    private boolean checkMap(JsonNode node, Type value, String path) {
        if (!node.isObject()) {
            report(path, "expected a mapping of names to values, found " + ScalarTypes.describe(node), "");
            return false;
        }
        List<String> drop = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = Issues.child(path, e.getKey());
            if (e.getValue().isNull()) {
                report(childPath, "no value", "give it a value or remove the key");
                drop.add(e.getKey());
            } else if (!check(e.getValue(), value, childPath)) {
                drop.add(e.getKey());
            }
        }
        ((ObjectNode) node).remove(drop);
        return true;
    }

    private boolean checkRecord(JsonNode node, Class<?> type, String path) {
        Method fromText = reflection.textCreator(type);
        if (node.isTextual() && fromText != null) {
            try {
                fromText.invoke(null, node.textValue());
                return true;
            } catch (InvocationTargetException e) {
                report(path, e.getCause().getMessage(), "");
                return false;
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }
        Map<String, RecordComponent> components = reflection.components(type);
        if (!node.isObject()) {
            report(path, "expected a mapping with keys " + String.join(", ", components.keySet()) + ", found "
                    + ScalarTypes.describe(node), "");
            return false;
        }
        List<String> drop = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String childPath = Issues.child(path, e.getKey());
            RecordComponent c = components.get(e.getKey());
            if (c == null) {
                report(childPath, "unknown key", DidYouMean.hint(e.getKey(), components.keySet(), "valid keys"));
                DidYouMean.closest(e.getKey(), components.keySet())
                        .filter(meant -> !node.has(meant))
                        .ifPresent(meant -> reported.add(Issues.child(path, meant)));
                drop.add(e.getKey());
            } else if (!check(e.getValue(), c.getGenericType(), childPath)) {
                drop.add(e.getKey());
            }
        }
        ((ObjectNode) node).remove(drop);
        return true;
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
