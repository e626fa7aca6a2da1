package dev.fleetsim.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest valid word for a misspelt key or value (optimal string alignment distance). */
public final class DidYouMean {

    /**
     * Suggestions come from the first this many candidates: a hostile file may name 100,000 things and misspell
     * 100,000 references to them, and comparing every pair would take minutes.
     */
    static final int MAX_CANDIDATES = 1_000;

    private DidYouMean() {
    }

    /** The closest candidate, if exactly one is closest and it is close enough to be a plausible typo. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        List<String> best = closest(input, candidates, 2);
        return best.size() == 1 ? Optional.of(best.get(0)) : Optional.empty();
    }

    /**
     * The candidates at the smallest distance from {@code input}, at most {@code limit}, in the candidates'
     * order; empty when none is within a plausible typo (a quarter of the word, at least one edit).
     */
    public static List<String> closest(String input, Collection<String> candidates, int limit) {
        String needle = input.toLowerCase(Locale.ROOT);
        List<String> best = new ArrayList<>();
        int bestDistance = Integer.MAX_VALUE;
        int examined = 0;
        for (String candidate : candidates) {
            if (++examined > MAX_CANDIDATES) {
                break;
            }
            int allowed = Math.max(1, Math.min(needle.length(), candidate.length()) / 4);
            // The distance is at least the difference in length: skip the table (a 9 MB key costs nothing).
            if (Math.abs(needle.length() - candidate.length()) > allowed) {
                continue;
            }
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d > allowed || d > bestDistance) {
                continue;
            }
            if (d < bestDistance) {
                best.clear();
                bestDistance = d;
            }
            if (best.size() < limit) {
                best.add(candidate);
            }
        }
        return best;
    }

    /** Edits (insert, delete, substitute, swap two neighbours) needed to turn a into b. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        // Three rows of the table (this one, and the two before it for a swap) instead of n + 1.
        int[] twoBack = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] row = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            row[j] = j;
        }
        for (int i = 1; i <= n; i++) {
            int[] t = twoBack;
            twoBack = previous;
            previous = row;
            row = t;
            row[0] = i;
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(previous[j] + 1, row[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, twoBack[j - 2] + 1);
                }
                row[j] = v;
            }
        }
        return row[m];
    }

    /** "did you mean X? valid keys: a, b, c" or just the list when nothing is close. */
    static String hint(String input, Collection<String> candidates, String what) {
        String list = what + ": " + UserText.list(candidates);
        String suggestion = suggestion(input, candidates);
        return suggestion.isEmpty() ? list : suggestion + " " + list;
    }

    /** "did you mean a?", "did you mean a or b?", "did you mean a, b or c?", or "" when nothing is close. */
    public static String suggestion(String input, Collection<String> candidates) {
        List<String> best = closest(input, candidates, 3);
        if (best.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("did you mean ");
        for (int i = 0; i < best.size(); i++) {
            if (i > 0) {
                s.append(i == best.size() - 1 ? " or " : ", ");
            }
            s.append(best.get(i));
        }
        return s.append('?').toString();
    }
}
