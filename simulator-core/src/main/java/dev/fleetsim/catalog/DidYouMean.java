package dev.fleetsim.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Ranks known names by similarity to a mistyped one: optimal-string-alignment distance (Levenshtein
 * plus adjacent transpositions, so "lrage" is one edit from "large"), then same family first, then
 * longer shared prefix, then catalog order. Names further than about a third of the input away are
 * not suggested.
 */
final class DidYouMean {
    /** A candidate and its distance from the query. */
    record Match(String name, int distance) {
    }

    private DidYouMean() {
    }

    /** Best matches first, at most {@code limit}; {@code names} must be in catalog order. */
    static List<Match> rank(String query, List<String> names, int limit) {
        String q = query.trim().toLowerCase(Locale.ROOT);
        int maxDistance = Math.max(1, Math.min(3, q.length() / 3));
        String queryFamily = familyOf(q);
        List<Match> matches = new ArrayList<>();
        List<int[]> keys = new ArrayList<>();
        int[][] rows = new int[3][];
        for (int order = 0; order < names.size(); order++) {
            String name = names.get(order);
            if (Math.abs(name.length() - q.length()) > maxDistance) {
                continue;
            }
            int d = distance(q, name, rows);
            if (d > maxDistance) {
                continue;
            }
            int sameFamily = familyOf(name).equals(queryFamily) ? 0 : 1;
            int[] key = {d, sameFamily, -commonPrefix(q, name), order};
            int at = matches.size();
            while (at > 0 && compare(keys.get(at - 1), key) > 0) {
                at--;
            }
            matches.add(at, new Match(name, d));
            keys.add(at, key);
        }
        return matches.size() > limit ? new ArrayList<>(matches.subList(0, limit)) : matches;
    }

    private static int compare(int[] a, int[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != b[i]) {
                return Integer.compare(a[i], b[i]);
            }
        }
        return 0;
    }

    private static String familyOf(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static int commonPrefix(String a, String b) {
        int n = Math.min(a.length(), b.length());
        int i = 0;
        while (i < n && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i;
    }

    /** Optimal string alignment distance; {@code rows} is scratch space reused between calls. */
    static int distance(String a, String b, int[][] rows) {
        int m = b.length();
        if (rows[0] == null || rows[0].length < m + 1) {
            for (int r = 0; r < 3; r++) {
                rows[r] = new int[m + 1];
            }
        }
        int[] beforePrevious = rows[0];
        int[] previous = rows[1];
        int[] current = rows[2];
        for (int j = 0; j <= m; j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            char ca = a.charAt(i - 1);
            for (int j = 1; j <= m; j++) {
                char cb = b.charAt(j - 1);
                int cost = ca == cb ? 0 : 1;
                int best = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
                    best = Math.min(best, beforePrevious[j - 2] + 1);
                }
                current[j] = best;
            }
            int[] recycled = beforePrevious;
            beforePrevious = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }
}
