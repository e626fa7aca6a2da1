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
    void evaluate_aws_rules_item7_scalesOutAtOnce_scalesInAfter15LowPointsAndTheCooldown() {
        // perTask 100, target 0.5 (50 per task at target), desired 4, scale-in cooldown 300 s.
        // Minute 0: demand 500 -> 10 > 4: out to 10 at once.
        // Minutes 1..15: demand 200 -> 4 each. Scale-in needs 15 evaluations all below desired: the window of the
        //   last 15 holds minute 0's 10 until minute 15, when it holds minutes 1..15 (all 4): in to 4 at minute 15.
        // Minutes 16..: demand 100 -> 2. The last 15 still hold 4s until minute 30; and the cooldown since minute 15
        //   ends at minute 20. At minute 30 the window is minutes 16..30, all 2: in to 2.
        ServiceTargetTracking t = new ServiceTargetTracking(100, 0.5, 1, 20, 300_000, 300_000);
        int desired = t.evaluate(0, 4, 500, false);
        assertThat(desired).isEqualTo(10);
        for (int m = 1; m <= 14; m++) {
            desired = t.evaluate(m * MINUTE, desired, 200, false);
            assertThat(desired).as("minute %d", m).isEqualTo(10);
        }
        desired = t.evaluate(15 * MINUTE, desired, 200, false);
        assertThat(desired).isEqualTo(4);
        for (int m = 16; m <= 29; m++) {
            desired = t.evaluate(m * MINUTE, desired, 100, false);
            assertThat(desired).as("minute %d", m).isEqualTo(4);
        }
        assertThat(t.evaluate(30 * MINUTE, desired, 100, false)).isEqualTo(2);
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
        // A scale-out while deploying still happens: demand 1,000 -> 20.
        ServiceTargetTracking t = new ServiceTargetTracking(100, 0.5, 1, 20, 0, 0);
        int desired = 10;
        for (int m = 0; m < 15; m++) {
            desired = t.evaluate(m * MINUTE, desired, 100, true);
        }
        assertThat(desired).isEqualTo(10);
        assertThat(t.evaluate(15 * MINUTE, desired, 100, false)).isEqualTo(2);
        assertThat(t.evaluate(16 * MINUTE, 2, 1_000, true)).isEqualTo(20);
    }
}
