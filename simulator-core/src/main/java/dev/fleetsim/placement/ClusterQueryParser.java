package dev.fleetsim.placement;

import dev.fleetsim.placement.ClusterQuery.Operator;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Recursive descent over the grammar in {@link ClusterQuery}; every error names its column. */
final class ClusterQueryParser {

    private static final String ATTRIBUTE = "attribute:";
    /** Subjects of the real language that depend on running state or registration, which we do not model. */
    private static final Set<String> UNSUPPORTED = Set.of("task:group", "runningTasksCount", "ec2InstanceId",
            "agentConnected", "agentVersion", "registeredAt");
    private static final String OPERATORS = "==, !=, in, !in, =~, !~, exists or !exists";

    private final String src;
    private int pos;

    ClusterQueryParser(String src) {
        this.src = Objects.requireNonNull(src, "expression");
    }

    ClusterQuery parse() {
        skipWs();
        if (pos == src.length()) {
            throw error(0, "empty expression; write e.g. attribute:ecs.instance-type =~ m5.*");
        }
        ClusterQuery q = parseOr();
        skipWs();
        if (pos < src.length()) {
            String what = src.charAt(pos) == ')' ? "')' without a matching '('" : "'" + word() + "'";
            throw error(pos, "unexpected " + what + "; expected 'and', 'or' or the end");
        }
        return q;
    }

    private ClusterQuery parseOr() {
        skipWs();
        int start = pos;
        ClusterQuery left = parseAnd();
        while (true) {
            skipWs();
            if (src.startsWith("||", pos)) {
                pos += 2;
            } else if (isKeyword("or")) {
                pos += 2;
            } else {
                return left;
            }
            ClusterQuery right = parseAnd();
            left = new ClusterQuery.Or(left, right, span(start));
        }
    }

    private ClusterQuery parseAnd() {
        skipWs();
        int start = pos;
        ClusterQuery left = parseFactor();
        while (true) {
            skipWs();
            if (src.startsWith("&&", pos)) {
                pos += 2;
            } else if (isKeyword("and")) {
                pos += 3;
            } else {
                return left;
            }
            ClusterQuery right = parseFactor();
            left = new ClusterQuery.And(left, right, span(start));
        }
    }

    private ClusterQuery parseFactor() {
        skipWs();
        int start = pos;
        if (pos == src.length()) {
            throw error(pos, "expression ended; expected attribute:NAME, 'not' or '('");
        }
        char c = src.charAt(pos);
        if (c == '(') {
            pos++;
            ClusterQuery inner = parseOr();
            skipWs();
            if (pos == src.length() || src.charAt(pos) != ')') {
                throw error(pos, "expected ')' to close the '(' at column " + (start + 1));
            }
            pos++;
            return inner;
        }
        if (c == '!' && !src.startsWith("!=", pos) && !src.startsWith("!~", pos)) {
            pos++;
            return new ClusterQuery.Not(parseFactor(), span(start));
        }
        if (isKeyword("not")) {
            pos += 3;
            return new ClusterQuery.Not(parseFactor(), span(start));
        }
        return parseComparison();
    }

    private ClusterQuery parseComparison() {
        int start = pos;
        String subject = word();
        if (subject.isEmpty()) {
            throw error(pos, "unexpected '" + src.charAt(pos) + "'; expected attribute:NAME, 'not' or '('");
        }
        if (!subject.startsWith(ATTRIBUTE)) {
            if (UNSUPPORTED.contains(subject)) {
                throw error(start, "subject '" + subject + "' is not supported: memberOf is evaluated on attributes"
                        + " fixed per container instance; use attribute:NAME");
            }
            throw error(start, "unknown subject '" + subject + "'; expected attribute:NAME, e.g."
                    + " attribute:ecs.instance-type");
        }
        String attribute = subject.substring(ATTRIBUTE.length());
        if (attribute.isEmpty()) {
            throw error(start, "'attribute:' needs a name, e.g. attribute:ecs.availability-zone");
        }
        pos += subject.length();
        skipWs();
        int opStart = pos;
        Operator op = operator();
        if (op == null) {
            throw error(opStart, pos == src.length() ? "expression ended; expected an operator (" + OPERATORS + ")"
                    : "expected an operator (" + OPERATORS + ") after '" + subject + "', found '" + word() + "'");
        }
        String opText = src.substring(opStart, pos);
        List<String> values = new ArrayList<>();
        Pattern pattern = null;
        switch (op) {
            case EXISTS:
            case NOT_EXISTS:
                break;
            case IN:
            case NOT_IN:
                parseList(opText, values);
                break;
            default:
                skipWs();
                int valueStart = pos;
                values.add(value(opText, false));
                if (op == Operator.MATCHES || op == Operator.NOT_MATCHES) {
                    try {
                        pattern = Pattern.compile(values.get(0));
                    } catch (PatternSyntaxException e) {
                        throw error(valueStart, "invalid regular expression '" + values.get(0) + "': "
                                + e.getDescription());
                    }
                }
                break;
        }
        return new ClusterQuery.Comparison(attribute, op, values, pattern, span(start));
    }

    private void parseList(String opText, List<String> values) {
        skipWs();
        if (pos == src.length() || src.charAt(pos) != '[') {
            throw error(pos, "expected '[' to open the list of values after '" + opText + "', e.g."
                    + " [us-east-1a, us-east-1b]");
        }
        int open = pos++;
        while (true) {
            skipWs();
            values.add(value(opText, true));
            skipWs();
            if (pos == src.length()) {
                throw error(pos, "expression ended; expected ',' or ']' to close the list opened at column "
                        + (open + 1));
            }
            char c = src.charAt(pos);
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return;
            } else {
                throw error(pos, "expected ',' or ']' in the list opened at column " + (open + 1));
            }
        }
    }

    /**
     * A quoted or bare value. In a list a bare value stops at blank, ',' and ']'; elsewhere at blank or at a
     * ')' that closes nothing opened inside the value, so a regex may group: {@code =~ (m5|c5)\..*}.
     */
    private String value(String opText, boolean inList) {
        if (pos == src.length()) {
            throw error(pos, "expression ended; expected a value after '" + opText + "'");
        }
        char q = src.charAt(pos);
        if (q == '\'' || q == '"') {
            int close = src.indexOf(q, pos + 1);
            if (close < 0) {
                throw error(pos, "unterminated quote");
            }
            String v = src.substring(pos + 1, close);
            pos = close + 1;
            return v;
        }
        int start = pos;
        int depth = 0;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (Character.isWhitespace(c) || inList && (c == ',' || c == ']') || c == ')' && depth == 0) {
                break;
            }
            if (!inList && c == '(') {
                depth++;
            } else if (!inList && c == ')') {
                depth--;
            }
            pos++;
        }
        if (pos == start) {
            throw error(pos, "expected a value after '" + opText + "'");
        }
        return src.substring(start, pos);
    }

    private Operator operator() {
        if (src.startsWith("==", pos)) {
            pos += 2;
            return Operator.EQUALS;
        }
        if (src.startsWith("!=", pos)) {
            pos += 2;
            return Operator.NOT_EQUALS;
        }
        if (src.startsWith("=~", pos)) {
            pos += 2;
            return Operator.MATCHES;
        }
        if (src.startsWith("!~", pos)) {
            pos += 2;
            return Operator.NOT_MATCHES;
        }
        if (src.startsWith("!", pos)) {
            pos++;
            String w = word();
            if (w.equals("in")) {
                pos += 2;
                return Operator.NOT_IN;
            }
            if (w.equals("exists")) {
                pos += 6;
                return Operator.NOT_EXISTS;
            }
            pos--;
            return null;
        }
        String w = word();
        Operator op;
        switch (w) {
            case "equals": op = Operator.EQUALS; break;
            case "not_equals": op = Operator.NOT_EQUALS; break;
            case "in": op = Operator.IN; break;
            case "not_in": op = Operator.NOT_IN; break;
            case "matches": op = Operator.MATCHES; break;
            case "not_matches": op = Operator.NOT_MATCHES; break;
            case "exists": op = Operator.EXISTS; break;
            case "not_exists": op = Operator.NOT_EXISTS; break;
            default: return null;
        }
        pos += w.length();
        return op;
    }

    /** The word at pos (not consumed): up to blank, a bracket, a comma, a quote or an operator symbol. */
    private String word() {
        int end = pos;
        while (end < src.length()) {
            char c = src.charAt(end);
            if (Character.isWhitespace(c) || "()[],'\"=!~&|".indexOf(c) >= 0) {
                break;
            }
            end++;
        }
        return src.substring(pos, end);
    }

    private boolean isKeyword(String keyword) {
        return word().equals(keyword);
    }

    private String span(int start) {
        return src.substring(start, pos).strip();
    }

    private void skipWs() {
        while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) {
            pos++;
        }
    }

    private ClusterQuerySyntaxException error(int offset, String problem) {
        return new ClusterQuerySyntaxException(src, offset, problem);
    }
}
