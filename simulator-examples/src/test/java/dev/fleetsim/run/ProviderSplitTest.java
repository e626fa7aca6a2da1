package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The capacity provider strategy split (ECS developer guide: base first, then weight); each case by hand. */
final class ProviderSplitTest {

    @Test
    void split_specExample_baseTwoThenOneToThree() {
        // SPEC section 5: desired 6, FARGATE base 2 weight 1, FARGATE_SPOT weight 3. Base 2; the other 4 by
        // least (n + 1) / w: SPOT (1/3), SPOT (2/3), FARGATE (1 = 3/3, tie to the first listed), SPOT -> 3 and 3.
        assertThat(ProviderSplit.split(6, new int[] {2, 0}, new int[] {1, 3})).containsExactly(3, 3);
    }

    @Test
    void split_desiredTen_baseTwoThenSixToSpot() {
        // Base 2; 8 more: S S F S S S F S -> FARGATE 2 + 2, FARGATE_SPOT 6.
        assertThat(ProviderSplit.split(10, new int[] {2, 0}, new int[] {1, 3})).containsExactly(4, 6);
    }

    @Test
    void split_fewerTasksThanTheBase_allOnTheBaseProvider() {
        assertThat(ProviderSplit.split(1, new int[] {2, 0}, new int[] {1, 3})).containsExactly(1, 0);
    }

    @Test
    void split_weightsOneAndFour_fourOnTheSecondForEveryOneOnTheFirst() {
        // ECS guide: weight 1 and 4 -> "for every one task on A, four on B". 5 tasks: B B B (1/4..3/4 < 1),
        // A (tie 1 = 4/4), B -> 1 and 4; a single task goes to B (1/4 < 1).
        assertThat(ProviderSplit.split(5, new int[] {0, 0}, new int[] {1, 4})).containsExactly(1, 4);
        assertThat(ProviderSplit.split(1, new int[] {0, 0}, new int[] {1, 4})).containsExactly(0, 1);
    }

    @Test
    void split_equalWeights_oddTaskToTheFirstListed() {
        // 3 tasks, 1:1: A (tie), B (1 < 2), A (tie 2 = 2) -> 2 and 1.
        assertThat(ProviderSplit.split(3, new int[] {0, 0}, new int[] {1, 1})).containsExactly(2, 1);
    }

    @Test
    void split_weightZeroProvider_getsOnlyItsBase() {
        // Base 3 on A (weight 0); the other 2 go to B, the only weighted provider.
        assertThat(ProviderSplit.split(5, new int[] {3, 0}, new int[] {0, 1})).containsExactly(3, 2);
    }

    @Test
    void split_tasksBeyondTheBaseWithNoWeight_isRefused() {
        assertThatThrownBy(() -> ProviderSplit.split(4, new int[] {3, 0}, new int[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
