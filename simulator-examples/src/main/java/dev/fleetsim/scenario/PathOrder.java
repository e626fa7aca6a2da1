package dev.fleetsim.scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The position of every YAML path in the document, so that issues found by different checks can be reported
 * in the order a reader meets them. A path that is not in the document (a missing key) sorts with its
 * closest existing ancestor.
 */
final class PathOrder {

    private final Map<String, Integer> ordinals = new HashMap<>();

    void record(String path) {
        ordinals.putIfAbsent(path, ordinals.size());
    }

    int ordinal(String path) {
        String p = path;
        while (true) {
            Integer found = ordinals.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return -1;
            }
            p = parent(p);
        }
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    /** A stable sort: issues at the same position keep the order in which they were found. */
    List<Issue> sort(List<Issue> issues) {
        List<Issue> sorted = new ArrayList<>(issues);
        sorted.sort(Comparator.comparingInt(issue -> ordinal(issue.path())));
        return sorted;
    }
}
