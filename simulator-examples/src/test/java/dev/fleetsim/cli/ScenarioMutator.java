package dev.fleetsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a valid scenario: structural ones on its YAML tree (deleted keys, wrong types, wrong
 * units, extreme numbers, deep nesting, anchors and aliases, plain-scalar tricks, unknown keys, repeated items)
 * and textual ones on the written bytes (duplicate keys, byte flips, truncation, invalid UTF-8, tabs, line
 * endings). The same seed always gives the same mutant.
 */
final class ScenarioMutator {

    /** The mutated file and a description of what was done, for the failure report. */
    record Mutant(String description, byte[] bytes) {
    }

    /** One place in the tree: a field of an object or an item of an array. Null parent: the root. */
    private record Slot(JsonNode parent, String key, int index, JsonNode node, String path) {
        void set(JsonNode value) {
            if (parent instanceof ObjectNode) {
                ((ObjectNode) parent).set(key, value);
            } else {
                ((ArrayNode) parent).set(index, value);
            }
        }

        void remove() {
            if (parent instanceof ObjectNode) {
                ((ObjectNode) parent).remove(key);
            } else {
                ((ArrayNode) parent).remove(index);
            }
        }
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

    static final String[] DURATIONS = {"1h", "60", "-PT5M", "PT-5M", "P1M", "P1Y", "PT0.0000001S",
        "P9999999999999D", "PT9223372036854775807S", "p1d", " PT1H ", "PT1H30", "1 hour", "", "PT", "P", "-P1D",
        "+PT1H", "P0D", "PT0S", "P106751991167300D", "-PT9223372036854775808S", "P2W", "P-1W", "PT1.5S", "P1DT",
        "PT1H1H", "\u0660PT1H", "ＰT1H", "P99999999999W", "P9999999W", "-P9999999W", "P36526D"};
    static final String[] RAW_NUMBERS = {"-1", "0", "-0", "9223372036854775807", "-9223372036854775808",
        "2147483648", "-2147483649", "1000000000000000000000000000000", "1e308", "-1e308", "1e400", "1E-400", "0.5",
        "-0.0", "2147483647", "-2147483648", ".inf", "-.inf", ".nan", "0x7fffffffffffffff", "0xFFFFFFFFFFFFFFFFFF",
        "0o777", "1_000", "+12", "012", "1.", ".5", "1e5", "1000000001", "99999999999999999999.5"};
    static final String[] RAW_SCALARS = {"yes", "no", "on", "off", "~", "''", "\"\"", "True", "NULL",
        "!!binary aGVsbG8=", "!!set {a}", "!!timestamp 2026-01-01", "!!int \"12\"", "!!float 1", "!!str 12",
        "!!map {}", "!!seq []", "!foo bar", "!<tag:yaml.org,2002:int> 3", "!!python/object/apply:os.system [ls]",
        "!!java.lang.Runtime {}", "*undefined", "&lonely", "[unclosed", "{a: 1", "a: b: c", "\"\\x00\"",
        "\"\\uD800\"", "\"\\e[31mred\"", "- - -", "? x", "12:30", "2026-01-01", "2026-01-01T00:00:00",
        "|\n  literal\n  text", ">-\n  folded", "@at", "`tick", "%percent", "\"unterminated", "'single ''quoted'''",
        "\"\\u001b]0;title\\u0007\"", "\"\\u0085\"", "\"\\u2028\"", "\"line\\nbreak\"", "\"\\r\\n\"", "a #comment"};
    static final String[] TEXTS = {"", " ", "\t", "x".repeat(100_000), "\u0000", "\u202e", "\uD83D\uDE00",
        "%s%n", "${jndi:ldap://example.invalid/a}", "../../../../etc/passwd", "/dev/zero", "/dev/stdin", "/", ".",
        "..", "traces", "名前", "a\nb", "a\rb", "\u001b[31mred\u001b[0m", "line1\u2028line2", "\ud800",
        "FARGATE", "FARGATE_SPOT", "m5.large", "1e-5", "1e999999999", "1Ei", "9".repeat(90) + "Ei", "-1Gi",
        "0.0001m", "1e-999999999", "us-east-1a", "api", "web", "0", "null", "-1", "big.bin"};
    private static final String[] KEYS = {"nmae", "horizn", "count ", "typ", "Name", "NAME", "zone", "zones",
        "instances", "groups", "group", "runs", "strategy", "arrivals", "duration", "x", "_", "名前", "naïve",
        "k".repeat(5000), "a\nb", "\u001b[2J", "<<", "~", "", "0", "true", "null", "a.b", "a[0]", "a: b"};

    private final SplittableRandom random;
    private final List<String> done = new ArrayList<>();
    private final Map<JsonNode, String> anchors = new IdentityHashMap<>();
    private int nextAnchor;

    ScenarioMutator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** 1 to 3 tree mutations, sometimes followed by textual ones. */
    Mutant mutateTree(JsonNode base) {
        JsonNode root = base.deepCopy();
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            root = treeMutation(root);
        }
        byte[] bytes = YamlWriter.write(root, anchors).getBytes(StandardCharsets.UTF_8);
        if (random.nextInt(6) == 0) {
            bytes = duplicateLine(bytes);
        }
        if (random.nextInt(5) == 0) {
            bytes = byteMutation(bytes);
        }
        return new Mutant(String.join("; ", done), bytes);
    }

    /** 1 to 3 byte-level mutations of the file as written. */
    Mutant mutateBytes(byte[] original) {
        byte[] bytes = original;
        int n = 1 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            bytes = byteMutation(bytes);
        }
        return new Mutant(String.join("; ", done), bytes);
    }

    private JsonNode treeMutation(JsonNode root) {
        List<Slot> slots = new ArrayList<>();
        collect(root, slots, "");
        if (slots.isEmpty()) {
            done.add("root replaced");
            return pick(new JsonNode[] {NODES.arrayNode().add(root), NODES.textNode("x"), NODES.nullNode()});
        }
        Slot s = slots.get(random.nextInt(slots.size()));
        int kind = random.nextInt(14);
        switch (kind) {
            case 0, 1 -> {
                s.remove();
                done.add("delete " + s.path());
            }
            case 2, 3 -> {
                s.set(retype(s.node()));
                done.add("retype " + s.path());
            }
            case 4 -> {
                Slot d = durationSlot(slots, s);
                String value = pick(DURATIONS);
                d.set(random.nextBoolean() ? NODES.textNode(value) : YamlWriter.raw(value.isEmpty() ? "''" : value));
                done.add("unit " + d.path() + "=" + value);
            }
            case 5 -> {
                Slot d = numberSlot(slots, s);
                String value = pick(RAW_NUMBERS);
                d.set(YamlWriter.raw(value));
                done.add("number " + d.path() + "=" + value);
            }
            case 6 -> {
                int depth = 20 + random.nextInt(120);
                JsonNode v = s.node();
                boolean lists = random.nextBoolean();
                for (int i = 0; i < depth; i++) {
                    v = lists ? NODES.arrayNode().add(v) : NODES.objectNode().set("a", v);
                }
                s.set(v);
                done.add("nest " + s.path() + " " + depth + (lists ? " lists" : " maps"));
            }
            case 7 -> alias(slots);
            case 8 -> {
                String value = pick(RAW_SCALARS);
                s.set(YamlWriter.raw(value));
                done.add("raw " + s.path() + "=" + value.replace("\n", "\\n"));
            }
            case 9 -> addKey(slots);
            case 10 -> repeat(slots);
            case 11 -> {
                JsonNode v = pick(new JsonNode[] {NODES.nullNode(), NODES.textNode(""), NODES.objectNode(),
                    NODES.arrayNode()});
                s.set(v);
                done.add("empty " + s.path() + "=" + v);
            }
            case 12 -> {
                String value = pick(TEXTS);
                s.set(NODES.textNode(value));
                done.add("text " + s.path() + "=" + abbreviate(value));
            }
            default -> {
                Slot other = slots.get(random.nextInt(slots.size()));
                if (!contains(s.node(), other.node()) && !contains(other.node(), s.node())) {
                    JsonNode a = s.node();
                    s.set(other.node().deepCopy());
                    other.set(a.deepCopy());
                    done.add("swap " + s.path() + " <-> " + other.path());
                } else {
                    s.set(other.node().deepCopy());
                    done.add("copy " + other.path() + " -> " + s.path());
                }
            }
        }
        return root;
    }

    private void collect(JsonNode node, List<Slot> slots, String path) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                slots.add(new Slot(node, e.getKey(), -1, e.getValue(), p));
                collect(e.getValue(), slots, p);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String p = path + "[" + i + "]";
                slots.add(new Slot(node, null, i, node.get(i), p));
                collect(node.get(i), slots, p);
            }
        }
    }

    private JsonNode retype(JsonNode v) {
        if (v.isObject()) {
            ArrayNode a = NODES.arrayNode();
            v.forEach(a::add);
            return pick(new JsonNode[] {a, NODES.textNode(v.toString()), NODES.numberNode(3)});
        }
        if (v.isArray()) {
            ObjectNode o = NODES.objectNode();
            for (int i = 0; i < v.size(); i++) {
                o.set("i" + i, v.get(i));
            }
            return pick(new JsonNode[] {o, v.size() > 0 ? v.get(0) : NODES.textNode("x"), NODES.booleanNode(true)});
        }
        return pick(new JsonNode[] {NODES.arrayNode().add(v), NODES.objectNode().set(v.asText("k"), v),
            NODES.objectNode(), v.isTextual() ? NODES.numberNode(7) : NODES.textNode(v.asText()),
            NODES.booleanNode(false)});
    }

    private Slot durationSlot(List<Slot> slots, Slot fallback) {
        List<Slot> found = new ArrayList<>();
        for (Slot s : slots) {
            if (s.node().isTextual() && s.node().textValue().matches("-?[Pp].*")) {
                found.add(s);
            }
        }
        return found.isEmpty() ? fallback : found.get(random.nextInt(found.size()));
    }

    private Slot numberSlot(List<Slot> slots, Slot fallback) {
        List<Slot> found = new ArrayList<>();
        for (Slot s : slots) {
            if (s.node().isNumber() || s.node().isTextual() && s.node().textValue().matches("[0-9.]+")) {
                found.add(s);
            }
        }
        return found.isEmpty() ? fallback : found.get(random.nextInt(found.size()));
    }

    /** An anchor on one node and an alias to it elsewhere; also merge keys, cycles and undefined aliases. */
    private void alias(List<Slot> slots) {
        int i = random.nextInt(slots.size());
        int j = random.nextInt(slots.size());
        Slot a = slots.get(Math.min(i, j));
        Slot b = slots.get(Math.max(i, j));
        String name = "a" + nextAnchor++;
        int form = random.nextInt(4);
        if (form == 0 && a.node().isObject() && b.node().isObject() && !contains(a.node(), b.node())) {
            anchors.put(a.node(), name);
            ((ObjectNode) b.node()).set("<<", YamlWriter.raw("*" + name));
            done.add("merge " + a.path() + " into " + b.path());
        } else if (form == 1) {
            b.set(YamlWriter.raw("*undefined" + name));
            done.add("undefined alias at " + b.path());
        } else if (a == b || contains(a.node(), b.node())) {
            // The alias sits inside its own anchor: a cycle.
            anchors.put(a.node(), name);
            if (a != b) {
                b.set(YamlWriter.raw("*" + name));
            } else if (a.node().isArray()) {
                ((ArrayNode) a.node()).add(YamlWriter.raw("*" + name));
            } else if (a.node().isObject()) {
                ((ObjectNode) a.node()).set("self", YamlWriter.raw("*" + name));
            }
            done.add("cyclic alias " + a.path() + " / " + b.path());
        } else {
            anchors.put(a.node(), name);
            b.set(YamlWriter.raw("*" + name));
            done.add("alias " + a.path() + " -> " + b.path());
        }
    }

    private void addKey(List<Slot> slots) {
        List<Slot> objects = new ArrayList<>();
        for (Slot s : slots) {
            if (s.node().isObject()) {
                objects.add(s);
            }
        }
        if (objects.isEmpty()) {
            done.add("no mapping for a new key");
            return;
        }
        Slot s = objects.get(random.nextInt(objects.size()));
        String key;
        if (s.node().size() > 0 && random.nextBoolean()) {
            List<String> names = new ArrayList<>();
            s.node().fieldNames().forEachRemaining(names::add);
            key = typo(names.get(random.nextInt(names.size())));
        } else {
            key = pick(KEYS);
        }
        JsonNode value = random.nextBoolean() ? NODES.numberNode(1) : s.node().deepCopy();
        ((ObjectNode) s.node()).set(key, value);
        done.add("key " + s.path() + "." + abbreviate(key));
    }

    private void repeat(List<Slot> slots) {
        List<Slot> items = new ArrayList<>();
        for (Slot s : slots) {
            if (s.index() >= 0) {
                items.add(s);
            }
        }
        if (items.isEmpty()) {
            done.add("no list to repeat");
            return;
        }
        Slot s = items.get(random.nextInt(items.size()));
        int copies = random.nextInt(4) == 0 ? 1 + random.nextInt(300) : 1 + random.nextInt(5);
        ArrayNode list = (ArrayNode) s.parent();
        for (int i = 0; i < copies; i++) {
            list.add(s.node().deepCopy());
        }
        done.add("repeat " + s.path() + " x" + copies);
    }

    private String typo(String word) {
        if (word.length() < 2) {
            return word + "x";
        }
        char[] c = word.toCharArray();
        int i = random.nextInt(c.length - 1);
        return switch (random.nextInt(3)) {
            case 0 -> {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
                yield new String(c);
            }
            case 1 -> word.substring(0, i) + word.substring(i + 1);
            default -> word.toUpperCase(java.util.Locale.ROOT);
        };
    }

    // ---- textual mutations ----

    private byte[] duplicateLine(byte[] bytes) {
        List<String> lines = new ArrayList<>(List.of(new String(bytes, StandardCharsets.UTF_8).split("\n", -1)));
        List<Integer> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(":") && !lines.get(i).stripLeading().startsWith("-")) {
                entries.add(i);
            }
        }
        if (entries.isEmpty()) {
            return bytes;
        }
        int i = entries.get(random.nextInt(entries.size()));
        lines.add(i + 1, lines.get(i));
        done.add("duplicate line " + (i + 1));
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private byte[] byteMutation(byte[] in) {
        if (in.length == 0) {
            done.add("bytes: empty stays empty");
            return in;
        }
        int at = random.nextInt(in.length);
        switch (random.nextInt(10)) {
            case 0, 1 -> {
                byte[] out = in.clone();
                int flips = 1 + random.nextInt(8);
                for (int k = 0; k < flips; k++) {
                    out[random.nextInt(out.length)] = (byte) random.nextInt(256);
                }
                done.add("flip " + flips + " bytes");
                return out;
            }
            case 2 -> {
                done.add("truncate at " + at);
                return java.util.Arrays.copyOf(in, at);
            }
            case 3 -> {
                byte[][] bad = {{(byte) 0xC3, 0x28}, {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC0, (byte) 0xAF},
                    {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                    {(byte) 0xE2, (byte) 0x82}, {0}, {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}};
                byte[] b = bad[random.nextInt(bad.length)];
                done.add("insert bytes " + hex(b) + " at " + at);
                return insert(in, at, b);
            }
            case 4 -> {
                int line = lineStart(in, at);
                done.add("tab at offset " + line);
                return insert(in, line, new byte[] {'\t'});
            }
            case 5 -> {
                String text = new String(in, StandardCharsets.ISO_8859_1);
                boolean crlf = random.nextBoolean();
                done.add(crlf ? "CRLF line endings" : "CR line endings");
                return text.replace("\n", crlf ? "\r\n" : "\r").getBytes(StandardCharsets.ISO_8859_1);
            }
            case 6 -> {
                int len = Math.min(in.length - at, 1 + random.nextInt(200));
                done.add("delete " + len + " bytes at " + at);
                byte[] out = new byte[in.length - len];
                System.arraycopy(in, 0, out, 0, at);
                System.arraycopy(in, at + len, out, at, in.length - at - len);
                return out;
            }
            case 7 -> {
                int len = 1 + random.nextInt(Math.max(1, Math.min(400, in.length - at)));
                byte[] part = java.util.Arrays.copyOfRange(in, at, Math.min(in.length, at + len));
                int to = random.nextInt(in.length + 1);
                done.add("copy " + part.length + " bytes from " + at + " to " + to);
                return insert(in, to, part);
            }
            case 8 -> {
                List<String> lines = new ArrayList<>(List.of(new String(in, StandardCharsets.ISO_8859_1)
                        .split("\n", -1)));
                int a = random.nextInt(lines.size());
                int b = random.nextInt(lines.size());
                String t = lines.get(a);
                lines.set(a, lines.get(b));
                lines.set(b, t);
                done.add("swap lines " + (a + 1) + " and " + (b + 1));
                return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
            }
            default -> {
                String[] inserts = {"&x ", "*x ", "<<: ", "? ", "- ", ": ", "{", "}", "[", "]", ",", "#", "'", "\"",
                    "|", ">", "!", "%", "@", "`", "---\n", "...\n", "\\", "\n  ", "\u00a0", "\u2028"};
                String s = inserts[random.nextInt(inserts.length)];
                done.add("insert '" + s.replace("\n", "\\n") + "' at " + at);
                return insert(in, at, s.getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static int lineStart(byte[] in, int at) {
        int i = at;
        while (i > 0 && in[i - 1] != '\n') {
            i--;
        }
        return i;
    }

    private static byte[] insert(byte[] in, int at, byte[] what) {
        byte[] out = new byte[in.length + what.length];
        System.arraycopy(in, 0, out, 0, at);
        System.arraycopy(what, 0, out, at, what.length);
        System.arraycopy(in, at, out, at + what.length, in.length - at);
        return out;
    }

    private static boolean contains(JsonNode outer, JsonNode inner) {
        if (outer == inner) {
            return true;
        }
        for (JsonNode child : outer) {
            if (contains(child, inner)) {
                return true;
            }
        }
        return false;
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }

    static String abbreviate(String s) {
        String one = s.length() > 40 ? s.substring(0, 40) + "...(" + s.length() + " chars)" : s;
        StringBuilder b = new StringBuilder();
        for (char c : one.toCharArray()) {
            b.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return b.toString();
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02X", x & 0xFF));
        }
        return s.toString();
    }
}
