package dev.fleetsim.spot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.autoscaling.InterruptionPlan;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.pricing.SpotAdvisorTable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class SpotInterruptionsTest {

    private static final long H = 3_600_000L;
    private static final long MONTH_MS = 730 * H;

    private static SpotAdvisorTable advisor;

    @BeforeAll
    static void load() {
        advisor = SpotAdvisorTable.loadDefault();
    }

    private static SpotInterruptions hazard(long seed) {
        return new SpotInterruptions(advisor, new RandomStreams(seed), InterruptionAssumptions.DEFAULT);
    }

    @Test
    void hazardPerHour_bucketMidpointAsAMonthlyProbability() {
        InterruptionAssumptions a = InterruptionAssumptions.DEFAULT;
        // -ln(1 - p) / 730: p = 0.025 -> 0.0253178 / 730; p = 0.125 -> 0.1335314 / 730; p = 0.25 -> 0.2876821 / 730
        assertThat(a.hazardPerHour(0)).isCloseTo(0.0253178 / 730, within(1e-10));
        assertThat(a.hazardPerHour(2)).isCloseTo(0.1335314 / 730, within(1e-10));
        assertThat(a.hazardPerHour(4)).isCloseTo(0.2876821 / 730, within(1e-10));
        // m7g.large in us-east-1 sits in bucket 2 (10-15%) in the shipped advisor feed.
        assertThat(hazard(1).bucket("m7g.large", "us-east-1a", OperatingSystem.LINUX)).contains(2);
    }

    @Test
    void plan_interruptsTheBucketsMonthlyFractionOfInstances() {
        // m7g.large: p = 12.5% a month. 20,000 instances: binomial standard error sqrt(0.125 x 0.875 / 20,000)
        // = 0.00234; tolerance 4 of them.
        SpotInterruptions s = hazard(7);
        int n = 20_000;
        int within = 0;
        for (int key = 0; key < n; key++) {
            long start = (key % 100) * H;
            if (s.plan(key, "m7g.large", "us-east-1a", OperatingSystem.LINUX, start).noticeAtMs() <= start + MONTH_MS) {
                within++;
            }
        }
        assertThat(within / (double) n).isCloseTo(0.125, within(4 * 0.00234));
    }

    @Test
    void plan_lowBucketInterruptsLess() {
        // m7a.large sits in bucket 1 (7.5%): SE sqrt(0.075 x 0.925 / 20,000) = 0.00186.
        SpotInterruptions s = hazard(8);
        int within = 0;
        for (int key = 0; key < 20_000; key++) {
            if (s.plan(key, "m7a.large", "us-east-1b", OperatingSystem.LINUX, 0).noticeAtMs() <= MONTH_MS) {
                within++;
            }
        }
        assertThat(within / 20_000.0).isCloseTo(0.075, within(4 * 0.00186));
    }

    @Test
    void plan_rebalanceRecommendationComesEarlyForTheAssumedShare() {
        // Share 0.5: SE sqrt(0.25 / 20,000) = 0.0035. Early ones come exactly 10 minutes before the notice (when the
        // instance has run that long); the others with the notice.
        SpotInterruptions s = hazard(9);
        int early = 0;
        for (int key = 0; key < 20_000; key++) {
            InterruptionPlan p = s.plan(key, "m5.large", "us-east-1c", OperatingSystem.LINUX, 0);
            assertThat(p.rebalanceAtMs()).isPositive();
            assertThat(p.reclaimAtMs()).isEqualTo(p.noticeAtMs() + 120_000L);
            if (p.earlyRebalance()) {
                early++;
                assertThat(p.rebalanceAtMs()).isEqualTo(Math.max(1, p.noticeAtMs() - 600_000L));
            } else {
                assertThat(p.rebalanceAtMs()).isEqualTo(p.noticeAtMs());
            }
        }
        assertThat(early / 20_000.0).isCloseTo(0.5, within(4 * 0.0035));
    }

    @Test
    void plan_isAPureFunctionOfSeedKeyPoolAndStart() {
        SpotInterruptions a = hazard(3);
        SpotInterruptions b = hazard(3);
        InterruptionPlan first = a.plan(42, "m5.large", "us-east-1a", OperatingSystem.LINUX, 5 * H);
        for (int k = 0; k < 100; k++) {
            b.plan(k, "m5.large", "us-east-1a", OperatingSystem.LINUX, 0);
        }
        assertThat(b.plan(42, "m5.large", "us-east-1a", OperatingSystem.LINUX, 5 * H)).isEqualTo(first);
        assertThat(hazard(4).plan(42, "m5.large", "us-east-1a", OperatingSystem.LINUX, 5 * H)).isNotEqualTo(first);
        assertThat(first.noticeAtMs()).isGreaterThan(5 * H);
    }

    @Test
    void plan_zeroProbability_neverInterrupts() {
        InterruptionAssumptions none = new InterruptionAssumptions(new double[] {0, 0, 0, 0, 0}, 0.5, 600_000L);
        SpotInterruptions s = new SpotInterruptions(advisor, new RandomStreams(1), none);
        assertThat(s.plan(1, "m5.large", "us-east-1a", OperatingSystem.LINUX, 0)).isEqualTo(InterruptionPlan.NONE);
    }

    @Test
    void plan_typeWithoutAdvisorRow_isRejected() {
        // c8a.large has On-Demand prices in us-east-1 but no Spot Advisor row in the shipped feed.
        assertThatThrownBy(() -> hazard(1).plan(1, "c8a.large", "us-east-1a", OperatingSystem.LINUX, 0))
                .hasMessageContaining("no Spot Advisor row");
    }
}
