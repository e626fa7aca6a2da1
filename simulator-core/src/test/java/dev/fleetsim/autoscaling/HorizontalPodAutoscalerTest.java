package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** aws-rules.md item 8 (HPA): every expected count derived by hand in the comments. */
final class HorizontalPodAutoscalerTest {

    private static final long SYNC = HorizontalPodAutoscaler.SYNC_PERIOD_MS;

    @Test
    void recommend_aws_rules_item8_demandStep100To1000_scalesUpAtMostMax100PercentOr4PodsPerSync() {
        // perPod 100, target 0.5, replicas 2, min 1, max 50.
        // t=0: demand 100: utilization 100 / (2 x 100) = 0.5, ratio 1.0, within tolerance -> 2.
        // t=15 s: demand 1000: utilization 1000 / 200 = 5, ratio 10 -> raw ceil(2 x 10) = 20;
        //   scale-up limit max(2 x 2, 2 + 4) = 6 -> 6.
        // t=30 s: utilization 1000 / 600 = 1.667, ratio 3.333 -> raw ceil(6 x 3.333) = 20; limit max(12, 10) = 12.
        // t=45 s: utilization 1000 / 1200 = 0.833, ratio 1.667 -> raw 20; limit max(24, 16) = 24 -> 20.
        // t=60 s: utilization 1000 / 2000 = 0.5, ratio 1 -> 20 (steady).
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(100, 0.5, 1, 50);
        double[] demand = {100, 1000, 1000, 1000, 1000};
        List<Integer> replicas = new ArrayList<>();
        int current = 2;
        for (int i = 0; i < demand.length; i++) {
            current = hpa.recommend(i * SYNC, current, demand[i]);
            replicas.add(current);
        }
        assertThat(replicas).containsExactly(2, 6, 12, 20, 20);
    }

    @Test
    void recommend_aws_rules_item8_withinTolerance_keepsReplicas() {
        // 10 pods x 100 at target 0.5: demand 540 -> utilization 0.54, ratio 1.08 (<= 1.1): stays 10;
        // demand 560 -> ratio 1.12: ceil(10 x 1.12) = ceil(11.2) = 12.
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(100, 0.5, 1, 50);
        assertThat(hpa.recommend(0, 10, 540)).isEqualTo(10);
        assertThat(hpa.recommend(SYNC, 10, 560)).isEqualTo(12);
    }

    @Test
    void recommend_aws_rules_item8_scaleDown_waitsForThe300sStabilizationWindow() {
        // perPod 100, target 0.5: demand 1000 needs 20 pods. At t=0 the raw recommendation is 20 (20 current: ratio 1).
        // From t=15 s demand drops to 200: raw ceil(20 x (200 / 2000) / 0.5) = 4. Stabilization keeps the highest
        // raw recommendation of the last 300 s: the 20 of t=0 until it leaves the window. k8s keeps records whose
        // time is after now - 300 s, so at t=300 s the t=0 record (not after 0) is gone: 20 -> 4 at t=300 s.
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(100, 0.5, 1, 50);
        int current = hpa.recommend(0, 20, 1000);
        assertThat(current).isEqualTo(20);
        for (long t = SYNC; t < 300_000; t += SYNC) {
            current = hpa.recommend(t, current, 200);
            assertThat(current).as("at %d ms", t).isEqualTo(20);
        }
        assertThat(hpa.recommend(300_000, current, 200)).isEqualTo(4);
    }

    @Test
    void recommend_aws_rules_item8_scaleDownWithinWindow_goesToTheHighestRecentRecommendation() {
        // t=0 demand 1000 with 20 pods: raw 20. t=15 s demand 600: raw ceil(20 x 0.3 / 0.5) = 12 -> highest(20, 12)
        // = 20 stays. ... at t=300 s the window (15 s..300 s] holds 12 and later 12s: 12. At t=315 s demand 200 with
        // 12 pods: raw ceil(12 x (200/1200) / 0.5) = 4; window (15 s, 315 s] holds 12 (t=30 s..300 s) -> 12.
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(100, 0.5, 1, 50);
        int current = hpa.recommend(0, 20, 1000);
        for (long t = SYNC; t < 300_000; t += SYNC) {
            current = hpa.recommend(t, current, 600);
        }
        assertThat(current).isEqualTo(20);
        current = hpa.recommend(300_000, current, 600);
        assertThat(current).isEqualTo(12);
        assertThat(hpa.recommend(315_000, current, 200)).isEqualTo(12);
    }

    @Test
    void recommend_clampsToMinAndMax() {
        // demand 0 with 5 pods: raw 0; the window is empty at the first sync (as when k8s creates the HPA), so the
        // scale-down goes to 0 -> min 2. demand 10,000 with 40 pods: raw 200, limit max(80, 44) = 80 -> max 50.
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(100, 0.5, 2, 50);
        assertThat(hpa.recommend(0, 5, 0)).isEqualTo(2);
        assertThat(new HorizontalPodAutoscaler(100, 0.5, 2, 50).recommend(0, 40, 10_000)).isEqualTo(50);
        assertThat(hpa.recommend(0, 0, 500)).isEqualTo(2);
    }

    @Test
    void constructor_rejectsBadInputs() {
        assertThatThrownBy(() -> new HorizontalPodAutoscaler(0, 0.5, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HorizontalPodAutoscaler(1, 1.5, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HorizontalPodAutoscaler(1, 0.5, 3, 2)).isInstanceOf(IllegalArgumentException.class);
    }
}
