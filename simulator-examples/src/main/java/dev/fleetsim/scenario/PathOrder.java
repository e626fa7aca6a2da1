package dev.fleetsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The position of every YAML path in the document, so that issues found by different checks can be reported
 * in the order a reader meets them. A path that is not in the document (a missing key) sorts after everything
 * written inside its closest existing ancestor.
 */
final class PathOrder {

    /** Per path: its position, and the last position among it and its descendants. */
    private final Map<String, int[]> spans = new HashMap<>();
    private int next;

    void start(String path) {
        spans.putIfAbsent(path, new int[] {next, next});
        next++;
    }

    void end(String path) {
        int[] span = spans.get(path);
        if (span != null) {
            span[1] = Math.max(span[1], next - 1);
        }
    }

    /** Twice the position, plus one for a missing key placed after its ancestor's contents. */
    long key(String path) {
        int[] exact = spans.get(path);
        if (exact != null) {
            return 2L * exact[0];
        }
        String p = path;
        while (!p.isEmpty()) {
            p = parent(p);
            int[] span = spans.get(p);
            if (span != null) {
                return 2L * span[1] + 1;
            }
        }
        return Long.MAX_VALUE;
    }

    static String parent(String path) {
        int end = path.length();
        if (end > 1 && path.charAt(end - 1) == '"') {
            // A quoted key (Issues.child): its opening quote is the first one not escaped by a backslash.
            int open = end - 2;
            while (open >= 0 && !(path.charAt(open) == '"' && !escaped(path, open))) {
                open--;
            }
            return open <= 0 ? "" : path.substring(0, open - 1);
        }
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    private static boolean escaped(String path, int at) {
        int backslashes = 0;
        for (int i = at - 1; i >= 0 && path.charAt(i) == '\\'; i--) {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    /** A stable sort: issues at the same position keep the order in which they were found. */
    List<Issue> sort(List<Issue> issues) {
        List<Issue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparingLong(issue -> key(issue.path())));
        return sorted;
    }
}
