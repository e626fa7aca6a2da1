package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** aws-rules.md item 7 (service auto scaling, target tracking); counts derived by hand in the comments. */
final class ServiceTargetTrackingTest {

    private static final long MINUTE = 60_000L;

    @Test
    void target_aws_rules_item7_ceilOfDemandOverPerTaskTimesTarget_clamped() {
        // perTask 150, target 0.6: one task serves 90 at target. 900 -> 10; 901 -> ceil(10.01) = 11;
        // 0 -> min 2; 9,000 -> 100 -> max 60.
        ServiceTargetTracking t = new ServiceTargetTracking(150, 0.6, 2, 60, 300_000, 300_000);
        assertThat(t.target(900)).isEqualTo(10);
        assertThat(t.target(901)).isEqualTo(11);
        assertThat(t.target(0)).isEqualTo(2);
        assertThat(t.target(9_000)).isEqualTo(60);
    }

    @Test
    void evaluate_aws_rules_item7_scalesOutAfter3HighPoints_scalesInAfter15LowPointsAndTheCooldown() {
        // perTask 100, target 0.5 (50 per task at target), desired 4, scale-in cooldown 300 s.
        // Minutes 0..2: demand 500 -> 10 > 4. The high alarm needs 3 data points: 4 at minutes 0, 1; out to 10 at 2.
        // Minutes 3..: demand 200 -> 4. Scale-in needs the last 15 evaluations all below desired: the window holds
        //   a 10 (minutes 0..2) until minute 17, when it holds minutes 3..17 (all 4): in to 4 at minute 17.
        // Minutes 18..: demand 100 -> 2. The last 15 still hold 4s until minute 32 (window 18..32); the cooldown since
        //   minute 17 ends at minute 22. In to 2 at minute 32.
        ServiceTargetTracking t = new ServiceTargetTracking(100, 0.5, 1, 20, 300_000, 300_000);
        assertThat(t.evaluate(0, 4, 500, false)).isEqualTo(4);
        assertThat(t.evaluate(MINUTE, 4, 500, false)).isEqualTo(4);
        int desired = t.evaluate(2 * MINUTE, 4, 500, false);
        assertThat(desired).isEqualTo(10);
        for (int m = 3; m <= 16; m++) {
            desired = t.evaluate(m * MINUTE, desired, 200, false);
            assertThat(desired).as("minute %d", m).isEqualTo(10);
        }
        desired = t.evaluate(17 * MINUTE, desired, 200, false);
        assertThat(desired).isEqualTo(4);
        for (int m = 18; m <= 31; m++) {
            desired = t.evaluate(m * MINUTE, desired, 100, false);
            assertThat(desired).as("minute %d", m).isEqualTo(4);
        }
        assertThat(t.evaluate(32 * MINUTE, desired, 100, false)).isEqualTo(2);
    }

    @Test
    void evaluate_scaleOutNeedsThreeConsecutiveHighPoints() {
        // 50 per task at target, desired 4. Demand 500 (-> 10) at minutes 0, 1; 200 (-> 4, not above) at minute 2;
        // 500 at minutes 3, 4, 5: the third consecutive high point is minute 5: out to 10 there, not before.
        ServiceTargetTracking t = new ServiceTargetTracking(100, 0.5, 1, 20, 0, 300_000);
        double[] demand = {500, 500, 200, 500, 500};
        for (int m = 0; m < demand.length; m++) {
            assertThat(t.evaluate(m * MINUTE, 4, demand[m], false)).as("minute %d", m).isEqualTo(4);
        }
        assertThat(t.evaluate(5 * MINUTE, 4, 500, false)).isEqualTo(10);
    }

    @Test
    void evaluate_aws_rules_item7_scaleInCooldown_holdsASecondScaleInEvenWhenTheWindowAllows() {
        // Cooldown 20 min, 50 per task at target, desired 10. Minutes 0..14 demand 200 -> 4: in to 4 at minute 14
        // (15 points). Minutes 15..29 demand 100 -> 2: the window is all 2 from minute 29 (points 15..29), but the
        // cooldown since minute 14 lasts until minute 34: in to 2 at minute 34.
        ServiceTargetTracking t = new ServiceTargetTracking(100, 0.5, 1, 20, 300_000, 1_200_000);
        int desired = 10;
        for (int m = 0; m <= 14; m++) {
            desired = t.evaluate(m * MINUTE, desired, 200, false);
        }
        assertThat(desired).isEqualTo(4);
        for (int m = 15; m <= 33; m++) {
            desired = t.evaluate(m * MINUTE, desired, 100, false);
            assertThat(desired).as("minute %d", m).isEqualTo(4);
        }
        assertThat(t.evaluate(34 * MINUTE, desired, 100, false)).isEqualTo(2);
    }

    @Test
    void evaluate_aws_rules_item7_noScaleInDuringADeployment_butScaleOut() {
        // 15 low points (demand 100 -> 2 < 10) while deploying: no scale-in; the 16th, deployment over: in to 2.
        // A scale-out while deploying still happens: demand 1,000 -> 20 at the third high point (minute 18).
        ServiceTargetTracking t = new ServiceTargetTracking(100, 0.5, 1, 20, 0, 0);
        int desired = 10;
        for (int m = 0; m < 15; m++) {
            desired = t.evaluate(m * MINUTE, desired, 100, true);
        }
        assertThat(desired).isEqualTo(10);
        assertThat(t.evaluate(15 * MINUTE, desired, 100, false)).isEqualTo(2);
        assertThat(t.evaluate(16 * MINUTE, 2, 1_000, true)).isEqualTo(2);
        assertThat(t.evaluate(17 * MINUTE, 2, 1_000, true)).isEqualTo(2);
        assertThat(t.evaluate(18 * MINUTE, 2, 1_000, true)).isEqualTo(20);
    }
}
