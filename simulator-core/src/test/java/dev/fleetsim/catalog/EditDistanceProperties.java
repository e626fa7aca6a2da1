package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

final class EditDistanceProperties {
    private static int distance(String a, String b) {
        return DidYouMean.distance(a, b, new int[3][]);
    }

    @Property
    void distanceToItself_isZero(@ForAll @StringLength(max = 20) String s) {
        assertThat(distance(s, s)).isZero();
    }

    @Property
    void distance_isSymmetric(@ForAll @AlphaChars @StringLength(max = 12) String a,
            @ForAll @AlphaChars @StringLength(max = 12) String b) {
        assertThat(distance(a, b)).isEqualTo(distance(b, a));
    }

    @Property
    void distance_isBetweenLengthDifferenceAndLongerLength(@ForAll @AlphaChars @StringLength(max = 12) String a,
            @ForAll @AlphaChars @StringLength(max = 12) String b) {
        int d = distance(a, b);
        assertThat(d).isBetween(Math.abs(a.length() - b.length()), Math.max(a.length(), b.length()));
    }

    @Property
    void swappingTwoAdjacentDifferentLetters_costsOne(@ForAll @AlphaChars @StringLength(min = 2, max = 12) String s,
            @ForAll @IntRange(min = 0, max = 10) int at) {
        int i = at % (s.length() - 1);
        if (s.charAt(i) == s.charAt(i + 1)) {
            return;
        }
        String swapped = s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2);
        assertThat(distance(s, swapped)).isEqualTo(1);
    }

    @Property
    void reusingScratchRows_givesTheSameAnswer(@ForAll @AlphaChars @StringLength(max = 12) String a,
            @ForAll @AlphaChars @StringLength(max = 12) String b) {
        int[][] rows = new int[3][];
        DidYouMean.distance("some.longer.warmup", "another-string", rows);
        assertThat(DidYouMean.distance(a, b, rows)).isEqualTo(distance(a, b));
    }
}
