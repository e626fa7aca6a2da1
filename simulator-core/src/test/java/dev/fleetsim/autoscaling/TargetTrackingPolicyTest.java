package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.demand.StepDemand;
import org.junit.jupiter.api.Test;

final class TargetTrackingPolicyTest {

    private static final long MIN = 60_000L;

    /** m5.large serves 100 requests/s; at 50% target each instance carries 50. */
    private static TargetTrackingPolicy policy(long[] times, double[] values) {
        return new TargetTrackingPolicy(new StepDemand(times, values), TestGroups.m5Model(100, 0.5));
    }

    @Test
    void evaluate_scalesOutAtTheThirdConsecutiveDatapointAbove() {
        TargetTrackingPolicy p = policy(new long[] {0, 10 * MIN}, new double[] {500, 1000});
        // metric 500 at minutes 1..3: ceil(500 / 50) = 10 > 2. The high alarm needs 3 data points (3 of 3):
        // minutes 1 and 2 keep 2, minute 3 sets 10.
        assertThat(p.evaluate(MIN, 2, 1, 50, 100)).isEqualTo(2);
        assertThat(p.evaluate(2 * MIN, 2, 1, 50, 100)).isEqualTo(2);
        assertThat(p.evaluate(3 * MIN, 2, 1, 50, 100)).isEqualTo(10);
        // minutes 4..10 at 10 = desired: the streak restarts. Over [10 min, 11 min) = 1000: 20 > 10 at minutes
        // 11, 12, 13: out to 20 at minute 13.
        for (int m = 4; m <= 10; m++) {
            assertThat(p.evaluate(m * MIN, 10, 1, 50, 100)).isEqualTo(10);
        }
        assertThat(p.evaluate(11 * MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(12 * MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(13 * MIN, 10, 1, 50, 100)).isEqualTo(20);
    }

    @Test
    void evaluate_aDatapointAtOrBelowDesiredRestartsTheScaleOutCount() {
        // 1000 (target 20) at minutes 1, 2; 400 (target 8) at minute 3; 1000 again from minute 3's end.
        TargetTrackingPolicy p = policy(new long[] {0, 2 * MIN, 3 * MIN}, new double[] {1000, 400, 1000});
        // desired 10: minutes 1, 2 above (2 points), minute 3 (mean over [2, 3) min = 400 -> 8) not above: no
        // scale-out; minutes 4, 5 above (2 points): still none; minute 6 is the third in a row: 20.
        assertThat(p.evaluate(MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(2 * MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(3 * MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(4 * MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(5 * MIN, 10, 1, 50, 100)).isEqualTo(10);
        assertThat(p.evaluate(6 * MIN, 10, 1, 50, 100)).isEqualTo(20);
    }

    @Test
    void evaluate_metricIsTheMeanOverTheLastMinute() {
        // 400 until 10.5 min, 1000 after. Minutes 9, 10: mean 400 -> 8 > 2 (two data points above); minute 11:
        // 400 for the first 30 s, 1000 for the rest: mean 700 -> ceil(700 / 50) = 14, the third point: out to 14.
        TargetTrackingPolicy p = policy(new long[] {0, 10 * MIN + 30_000}, new double[] {400, 1000});
        assertThat(p.metric(11 * MIN)).isEqualTo(700.0);
        assertThat(p.evaluate(9 * MIN, 2, 1, 50, 100)).isEqualTo(2);
        assertThat(p.evaluate(10 * MIN, 2, 1, 50, 100)).isEqualTo(2);
        assertThat(p.evaluate(11 * MIN, 2, 1, 50, 100)).isEqualTo(14);
    }

    @Test
    void evaluate_scalesInOnlyAfterFifteenDatapointsOfLowerTargets() {
        // 1000 until 30 min, then 200 (target 4).
        TargetTrackingPolicy p = policy(new long[] {0, 30 * MIN}, new double[] {1000, 200});
        int desired = 2;
        int firstScaleInAt = -1;
        for (int m = 1; m <= 50; m++) {
            int next = p.evaluate(m * MIN, desired, 1, 50, 100);
            if (next < desired && firstScaleInAt < 0) {
                firstScaleInAt = m;
                assertThat(next).isEqualTo(4);
            }
            desired = next;
        }
        // Targets are 20 through minute 30 (its metric covers 29-30 min) and 4 from minute 31. The scale-in alarm's
        // 15 one-minute data points (ASGUG target tracking) are first all 4 at minute 45 (evaluations 31..45).
        assertThat(firstScaleInAt).isEqualTo(45);
    }

    @Test
    void evaluate_scalesInGraduallyToTheHighestTargetOfTheWindow() {
        // 1000 until 30 min, 600 until 32 min (target 12), then 200 (target 4).
        TargetTrackingPolicy p = policy(new long[] {0, 30 * MIN, 32 * MIN}, new double[] {1000, 600, 200});
        int desired = 20;
        int[] desiredAt = new int[56];
        for (int m = 1; m <= 55; m++) {
            desired = p.evaluate(m * MIN, desired, 1, 50, 100);
            desiredAt[m] = desired;
        }
        // Minute 45: the 15 data points 31..45 have targets 12, 12, 4, ..., 4 -> 12. The next scale-in waits the
        // 300 s cooldown after that one: minute 50, data points 36..50 all 4 -> 4.
        assertThat(desiredAt[44]).isEqualTo(20);
        assertThat(desiredAt[45]).isEqualTo(12);
        assertThat(desiredAt[49]).isEqualTo(12);
        assertThat(desiredAt[50]).isEqualTo(4);
    }

    @Test
    void evaluate_clampsToMinAndMax() {
        TargetTrackingPolicy p = policy(new long[] {0}, new double[] {5000}); // wants 100: 40 at the 3rd point
        p.evaluate(MIN, 2, 1, 40, 100);
        p.evaluate(2 * MIN, 2, 1, 40, 100);
        assertThat(p.evaluate(3 * MIN, 2, 1, 40, 100)).isEqualTo(40);
        TargetTrackingPolicy idle = policy(new long[] {0}, new double[] {0});
        int d = 10;
        for (int m = 1; m <= 20; m++) {
            d = idle.evaluate(m * MIN, d, 3, 40, 100);
        }
        assertThat(d).isEqualTo(3);
    }

    @Test
    void evaluate_usesTheFleetsThroughputPerInstance() {
        TargetTrackingPolicy p = policy(new long[] {0}, new double[] {3000});
        // m7g.large fleet: 140 per instance, 70 at the 50% target: 3000 / 70 = 42.9 -> 43 (at the 3rd point)
        p.evaluate(MIN, 1, 1, 100, 140);
        p.evaluate(2 * MIN, 1, 1, 100, 140);
        assertThat(p.evaluate(3 * MIN, 1, 1, 100, 140)).isEqualTo(43);
    }
}
