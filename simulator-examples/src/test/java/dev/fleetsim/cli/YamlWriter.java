package dev.fleetsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.POJONode;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes a Jackson tree as block-style YAML for the fuzzer. Strings are always double-quoted (so a mutation
 * decides when a plain scalar is used), {@link Raw} values are written verbatim (plain scalars, tags, aliases,
 * broken syntax), and nodes with an anchor are written in flow style after {@code &name}.
 */
final class YamlWriter {

    /** YAML text written as is, e.g. {@code *a}, {@code .nan}, {@code !!binary aGk=}. */
    record Raw(String text) {
    }

    private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*|<<");
    private static final Set<String> RESERVED = Set.of("true", "false", "null", "yes", "no", "on", "off", "y", "n");

    private final StringBuilder out = new StringBuilder();
    private final Map<JsonNode, String> anchors;

    private YamlWriter(Map<JsonNode, String> anchors) {
        this.anchors = anchors;
    }

    static String write(JsonNode root) {
        return write(root, new IdentityHashMap<>());
    }

    /** @param anchors nodes (by identity) to mark with an anchor of the given name */
    static String write(JsonNode root, Map<JsonNode, String> anchors) {
        YamlWriter w = new YamlWriter(anchors);
        if (root.isObject() && root.size() > 0 && !anchors.containsKey(root)) {
            w.mapping(root, 0);
        } else {
            w.out.append(w.flow(root)).append('\n');
        }
        return w.out.toString();
    }

    static JsonNode raw(String text) {
        return new POJONode(new Raw(text));
    }

    private void mapping(JsonNode node, int indent) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.append(" ".repeat(indent)).append(key(e.getKey())).append(':');
            value(e.getValue(), indent);
        }
    }

    private void sequence(JsonNode node, int indent) {
        for (JsonNode item : node) {
            out.append(" ".repeat(indent)).append('-');
            value(item, indent);
        }
    }

    /** After "key:" or "-": the value on the same line, or a nested block on the next lines. */
    private void value(JsonNode v, int indent) {
        if (block(v)) {
            out.append('\n');
            if (v.isObject()) {
                mapping(v, indent + 2);
            } else {
                sequence(v, indent + 2);
            }
        } else {
            out.append(' ').append(flow(v)).append('\n');
        }
    }

    private boolean block(JsonNode v) {
        return (v.isObject() || v.isArray()) && v.size() > 0 && !anchors.containsKey(v);
    }

    private String flow(JsonNode v) {
        String anchor = anchors.get(v);
        String prefix = anchor == null ? "" : "&" + anchor + " ";
        if (v.isPojo()) {
            return prefix + ((Raw) ((POJONode) v).getPojo()).text();
        }
        if (v.isObject()) {
            StringBuilder b = new StringBuilder(prefix).append('{');
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                b.append(key(e.getKey())).append(": ").append(flow(e.getValue()));
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            return b.append('}').toString();
        }
        if (v.isArray()) {
            StringBuilder b = new StringBuilder(prefix).append('[');
            for (int i = 0; i < v.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(flow(v.get(i)));
            }
            return b.append(']').toString();
        }
        if (v.isTextual()) {
            return prefix + quote(v.textValue());
        }
        if (v.isNull()) {
            return prefix + "null";
        }
        return prefix + v.asText(); // numbers and booleans
    }

    private static String key(String k) {
        return PLAIN_KEY.matcher(k).matches() && !RESERVED.contains(k.toLowerCase(Locale.ROOT)) ? k : quote(k);
    }

    /** A YAML double-quoted scalar; control characters are escaped so the text stays one line. */
    static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c == '\n') {
                b.append("\\n");
            } else if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) && !validPair(s, i)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"').toString();
    }

    private static boolean validPair(String s, int i) {
        char c = s.charAt(i);
        return Character.isHighSurrogate(c) ? i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))
                : i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
