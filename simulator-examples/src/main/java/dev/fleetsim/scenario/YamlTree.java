package dev.fleetsim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads YAML text into a Jackson tree, defensively. SnakeYAML composes the node graph under hard limits (size,
 * nesting depth, aliases to collections), so a hostile file (billion laughs) is refused in milliseconds; the
 * graph is then copied into a {@link JsonNode} tree with an expansion budget, duplicate keys reported, YAML 1.2
 * scalar rules (only {@code true}/{@code false} are booleans, no sexagesimal numbers, no implicit timestamps)
 * and merge keys ({@code <<: *base}) applied. Numbers with a fraction become exact {@link BigDecimal}s.
 */
final class YamlTree {

    static final int MAX_BYTES = 10 * 1024 * 1024;
    static final int MAX_ALIASES_FOR_COLLECTIONS = 50;
    static final int MAX_NESTING_DEPTH = 50;
    /**
     * Values produced by expanding aliases (the file's own values are bounded by its size). Anchors that share a
     * base among hundreds of entries stay far below this; a doubling bomb reaches it within milliseconds.
     */
    static final int MAX_ALIAS_EXPANSION = 50_000;
    /**
     * Longer numbers are refused before parsing: BigInteger and BigDecimal parse decimal text in quadratic time,
     * so a 9 MB number would take hours. No scenario value needs more than a few dozen digits.
     */
    static final int MAX_NUMBER_CHARS = 100;
    /**
     * SnakeYAML scans a long scalar or comment in time quadratic in its length (4 MB take seconds, 9 MB half a
     * minute), so longer lines are refused before it runs. A scenario line is rarely longer than a few hundred.
     */
    static final int MAX_LINE_CHARS = 100_000;

    /**
     * The tree, the document order of its paths, the problems found while reading (e.g. duplicate keys), and
     * the paths whose value was dropped because of such a problem (later checks need not report them again).
     */
    record Result(JsonNode root, PathOrder order, List<Issue> issues, List<String> dropped) {
    }

    private final JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
    private final PathOrder order = new PathOrder();
    private final Issues issues = new Issues();
    private final IdentityHashMap<Node, Boolean> onStack = new IdentityHashMap<>();
    private final IdentityHashMap<Node, Boolean> seen = new IdentityHashMap<>();
    private final List<String> dropped = new ArrayList<>();
    private int expanded;

    private YamlTree() {
    }

    /** Reads a whole scenario document. Problems that make the document unreadable are thrown. */
    static Result read(byte[] bytes) throws InvalidScenarioException {
        String text = decode(bytes);
        Node root = compose(text);
        if (root == null) {
            throw fatal("the file is empty", "a scenario needs at least name and horizon, e.g. 'name: demo'"
                    + " and 'horizon: P1D'");
        }
        if (root instanceof SequenceNode) {
            throw fatal("the top level is a list, not a mapping of scenario keys",
                    "a scenario starts with keys such as 'name:' and 'horizon:'");
        }
        if (root instanceof ScalarNode) {
            String value = ((ScalarNode) root).getValue();
            throw fatal("the top level is a single value (" + UserText.quote(abbreviate(value)) + "), not a"
                    + " mapping of scenario keys", "is this a fleetsim scenario YAML file?");
        }
        YamlTree tree = new YamlTree();
        JsonNode json = tree.convert(root, "");
        // A problem of the top-level mapping itself (a key that is a list, a tag) has no path: the file as a
        // whole is not a scenario, and what else was found about it would only confuse.
        for (Issue issue : tree.issues.list()) {
            if (issue.path().isEmpty()) {
                throw new InvalidScenarioException(List.of(issue));
            }
        }
        return new Result(json, tree.order, tree.issues.list(), List.copyOf(tree.dropped));
    }

    /** Reads one value given on the command line (--set path=VALUE) as a YAML flow value. */
    static JsonNode readValue(String text) throws InvalidScenarioException {
        Node node = compose(text);
        if (node == null) {
            return JsonNodeFactory.instance.nullNode();
        }
        YamlTree tree = new YamlTree();
        JsonNode json = tree.convert(node, "");
        if (!tree.issues.isEmpty()) {
            throw new InvalidScenarioException(tree.issues.list());
        }
        return json;
    }

    private static String decode(byte[] bytes) throws InvalidScenarioException {
        if (bytes.length > MAX_BYTES) {
            throw fatal("the file is " + bytes.length + " bytes; scenarios are limited to " + MAX_BYTES
                    + " bytes", "put large traces in CSV files and refer to them with demand.<name>.trace");
        }
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
                || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
            throw fatal("the file is UTF-16 text", "save it as UTF-8");
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw fatal("the file contains binary data (a zero byte at offset " + i + "), not YAML text",
                        "is this the right file?");
            }
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB
                && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return decoder.decode(in).toString();
        } catch (MalformedInputException e) {
            int offset = in.position();
            throw fatal("the file is not UTF-8 text (invalid byte 0x"
                    + String.format("%02X", bytes[offset] & 0xFF) + " at offset " + offset + ")",
                    "save it as UTF-8");
        } catch (CharacterCodingException e) {
            throw fatal("the file is not UTF-8 text", "save it as UTF-8");
        }
    }

    private static Node compose(String text) throws InvalidScenarioException {
        checkLineLengths(text);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(MAX_ALIASES_FOR_COLLECTIONS);
        options.setNestingDepthLimit(MAX_NESTING_DEPTH);
        options.setCodePointLimit(MAX_BYTES);
        options.setAllowDuplicateKeys(false);
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        Yaml yaml = new Yaml(new SafeConstructor(options), new Representer(new DumperOptions()),
                new DumperOptions(), options, new Yaml12Resolver());
        try {
            Node first = null;
            int documents = 0;
            for (Node doc : yaml.composeAll(new java.io.StringReader(text))) {
                if (++documents > 1) {
                    throw fatal("the file holds more than one YAML document ('---')",
                            "put one scenario in each file");
                }
                first = doc;
            }
            return first;
        } catch (MarkedYAMLException e) {
            throw fatal("not valid YAML: " + problem(e) + where(e.getProblemMark()), "");
        } catch (YAMLException e) {
            String message = firstLine(e.getMessage());
            if (message.startsWith("Number of aliases")) {
                throw fatal("refused: more than " + MAX_ALIASES_FOR_COLLECTIONS + " aliases to lists or"
                        + " mappings (a possible billion-laughs bomb)", "expand the repeated parts by hand");
            }
            if (message.startsWith("Nesting Depth")) {
                throw fatal("refused: nesting deeper than " + MAX_NESTING_DEPTH + " levels", "");
            }
            if (message.contains("exceeds the limit")) {
                throw fatal("refused: the document exceeds " + MAX_BYTES + " characters", "");
            }
            throw fatal("not valid YAML: " + message, "");
        }
    }

    private static void checkLineLengths(String text) throws InvalidScenarioException {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            if (c == '\n' || c == '\r') {
                if (i - lineStart > MAX_LINE_CHARS) {
                    throw fatal("line " + line + " is " + (i - lineStart) + " characters long; lines are limited to "
                            + MAX_LINE_CHARS, "break long lists over several lines; put long data in a trace CSV");
                }
                line++;
                lineStart = i + 1;
            }
        }
    }

    private JsonNode convert(Node node, String path) throws InvalidScenarioException {
        return convert(node, path, false);
    }

    /** @param viaAlias whether this value is a copy made by expanding an alias (or a merge key) */
    private JsonNode convert(Node node, String path, boolean viaAlias) throws InvalidScenarioException {
        // Only a node with an anchor can be reached twice or contain itself: track just those.
        boolean anchored = node.getAnchor() != null;
        boolean copy = viaAlias || anchored && seen.put(node, Boolean.TRUE) != null;
        if (copy && ++expanded > MAX_ALIAS_EXPANSION) {
            throw fatal("refused: aliases expand to more than " + MAX_ALIAS_EXPANSION + " values (a possible"
                    + " billion-laughs bomb)", "expand the repeated parts by hand");
        }
        order.start(path);
        try {
            return convertNode(node, path, copy);
        } finally {
            order.end(path);
        }
    }

    private JsonNode convertNode(Node node, String path, boolean copy) throws InvalidScenarioException {
        boolean anchored = node.getAnchor() != null;
        if (anchored && onStack.containsKey(node)) {
            issues.add(path, "an alias refers to a value that contains it (a cycle)", "remove the alias");
            dropped.add(path);
            return nodes.nullNode();
        }
        if (node instanceof ScalarNode) {
            return scalar((ScalarNode) node, path);
        }
        if (anchored) {
            onStack.put(node, Boolean.TRUE);
        }
        try {
            if (node instanceof SequenceNode) {
                if (!node.getTag().equals(Tag.SEQ)) {
                    issues.add(path, "the YAML tag " + node.getTag() + " is not supported", "remove the tag");
                }
                ArrayNode array = nodes.arrayNode();
                List<Node> items = ((SequenceNode) node).getValue();
                for (int i = 0; i < items.size(); i++) {
                    array.add(convert(items.get(i), Issues.index(path, i), copy));
                }
                return array;
            }
            MappingNode mapping = (MappingNode) node;
            if (!mapping.getTag().equals(Tag.MAP)) {
                issues.add(path, "the YAML tag " + mapping.getTag() + " is not supported", "remove the tag");
            }
            ObjectNode object = nodes.objectNode();
            Map<String, Integer> lines = new java.util.HashMap<>();
            List<MappingNode> merged = new ArrayList<>();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (keyNode instanceof ScalarNode && keyNode.getTag().equals(Tag.MERGE)) {
                    collectMerge(tuple.getValueNode(), path, merged);
                    continue;
                }
                if (!(keyNode instanceof ScalarNode)) {
                    issues.add(path, "a key is a list or mapping" + where(keyNode.getStartMark()),
                            "keys must be plain words");
                    continue;
                }
                String key = ((ScalarNode) keyNode).getValue();
                int line = keyNode.getStartMark().getLine() + 1;
                String childPath = Issues.child(path, key);
                Integer first = lines.putIfAbsent(key, line);
                if (first != null) {
                    issues.add(childPath, "duplicate key (lines " + first + " and " + line + ")",
                            "a later value would silently replace the earlier one; keep one");
                    continue;
                }
                object.set(key, convert(tuple.getValueNode(), childPath, copy));
            }
            // Explicit keys win over merged ones; earlier merge sources win over later ones (YAML merge spec).
            for (MappingNode source : merged) {
                for (NodeTuple tuple : source.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode) {
                        String key = ((ScalarNode) tuple.getKeyNode()).getValue();
                        if (!object.has(key)) {
                            object.set(key, convert(tuple.getValueNode(), Issues.child(path, key), true));
                        }
                    }
                }
            }
            return object;
        } finally {
            if (anchored) {
                onStack.remove(node);
            }
        }
    }

    private void collectMerge(Node value, String path, List<MappingNode> merged) {
        if (value instanceof MappingNode) {
            merged.add((MappingNode) value);
        } else if (value instanceof SequenceNode) {
            for (Node item : ((SequenceNode) value).getValue()) {
                collectMerge(item, path, merged);
            }
        } else {
            issues.add(Issues.child(path, "<<"), "'<<' must merge a mapping or a list of mappings",
                    "write '<<: *anchor'");
        }
    }

    private JsonNode scalar(ScalarNode node, String path) {
        String text = node.getValue();
        Tag tag = node.getTag();
        if (tag.equals(Tag.STR)) {
            return nodes.textNode(text);
        }
        if (tag.equals(Tag.NULL)) {
            return nodes.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return nodes.booleanNode(text.equalsIgnoreCase("true"));
        }
        if ((tag.equals(Tag.INT) || tag.equals(Tag.FLOAT)) && text.length() > MAX_NUMBER_CHARS) {
            issues.add(path, "a number of " + text.length() + " characters is out of range",
                    "numbers in a scenario have at most " + MAX_NUMBER_CHARS + " characters");
            dropped.add(path);
            return nodes.nullNode();
        }
        if (tag.equals(Tag.INT)) {
            BigInteger value = integer(text);
            if (value != null) {
                return value.bitLength() < 32 ? nodes.numberNode(value.intValue())
                        : value.bitLength() < 64 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
            }
            return nodes.textNode(text);
        }
        if (tag.equals(Tag.FLOAT)) {
            try {
                return nodes.numberNode(new BigDecimal(text));
            } catch (NumberFormatException e) {
                return nodes.textNode(text); // .inf and .nan: no scenario number may be infinite or NaN
            }
        }
        issues.add(path, "the YAML tag " + tag + " is not supported", "remove the tag");
        return nodes.textNode(text);
    }

    private static BigInteger integer(String text) {
        try {
            if (text.startsWith("0x")) {
                return new BigInteger(text.substring(2), 16);
            }
            if (text.startsWith("0o")) {
                return new BigInteger(text.substring(2), 8);
            }
            return new BigInteger(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static InvalidScenarioException fatal(String message, String hint) {
        return new InvalidScenarioException(List.of(new Issue("", message, hint)));
    }

    private static String problem(MarkedYAMLException e) {
        String p = e.getProblem();
        return p == null ? firstLine(e.getMessage()) : firstLine(p);
    }

    private static String where(Mark mark) {
        return mark == null ? "" : " (line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ")";
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unknown error";
        }
        int nl = s.indexOf('\n');
        return (nl < 0 ? s : s.substring(0, nl)).strip();
    }

    private static String abbreviate(String s) {
        String one = (s.length() > 200 ? s.substring(0, 200) : s).replaceAll("\\s+", " ").strip();
        return one.length() <= 40 ? one : one.substring(0, 40) + "...";
    }

    /** The YAML 1.2 core schema: fewer surprises than YAML 1.1 ('no' and 'on' stay words, 1:30 stays text). */
    private static final class Yaml12Resolver extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$"),
                    "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                            + "|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"), "-+0123456789.");
            addImplicitResolver(Tag.MERGE, Pattern.compile("^(?:<<)$"), "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL| *)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, Pattern.compile("^$"), null);
        }
    }
}
