package dev.fleetsim.scenario;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** Suggests the closest valid word for a misspelt key or value (optimal string alignment distance). */
public final class DidYouMean {

    private DidYouMean() {
    }

    /** The closest candidate, if any is close enough to be a plausible typo; ties go to the first listed. */
    public static Optional<String> closest(String input, Collection<String> candidates) {
        String needle = input.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        int allowed = Math.max(1, Math.min(needle.length(), best.length()) / 3);
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Edits (insert, delete, substitute, swap two neighbours) needed to turn a into b. */
    static int distance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int v = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    v = Math.min(v, d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        return d[n][m];
    }

    /** "did you mean X? valid keys: a, b, c" or just the list when nothing is close. */
    static String hint(String input, Collection<String> candidates, String what) {
        String list = what + ": " + String.join(", ", candidates);
        return closest(input, candidates).map(c -> "did you mean " + c + "? " + list).orElse(list);
    }
}
