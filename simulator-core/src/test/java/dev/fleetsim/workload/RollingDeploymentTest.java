package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** aws-rules.md item 7: minimumHealthyPercent rounds UP, maximumPercent rounds DOWN. */
final class RollingDeploymentTest {

    @Test
    void minimumHealthy_roundsUp_aws_rules_item7() {
        // 3 x 50% = 1.5 -> 2; 5 x 75% = 3.75 -> 4; 4 x 50% = 2 exactly.
        RollingDeployment d = new RollingDeployment(50, 200);
        assertThat(d.minimumHealthyTasks(3)).isEqualTo(2);
        assertThat(new RollingDeployment(75, 200).minimumHealthyTasks(5)).isEqualTo(4);
        assertThat(d.minimumHealthyTasks(4)).isEqualTo(2);
    }

    @Test
    void maximum_roundsDown_aws_rules_item7() {
        // 3 x 150% = 4.5 -> 4; 5 x 125% = 6.25 -> 6; 1 x 150% = 1.5 -> 1.
        assertThat(new RollingDeployment(50, 150).maximumTasks(3)).isEqualTo(4);
        assertThat(new RollingDeployment(50, 125).maximumTasks(5)).isEqualTo(6);
        assertThat(new RollingDeployment(0, 150).maximumTasks(1)).isEqualTo(1);
    }

    @Test
    void defaults_100_200_startAllNewStopNoneFirst() {
        // 4 tasks: floor 4, ceiling 8: start 4 new while the 4 old keep running.
        RollingDeployment d = RollingDeployment.DEFAULT;
        assertThat(d.minimumHealthyTasks(4)).isEqualTo(4);
        assertThat(d.maximumTasks(4)).isEqualTo(8);
        assertThat(d.firstWaveStarts(4)).isEqualTo(4);
        assertThat(d.firstWaveStops(4)).isZero();
    }

    @Test
    void hundredHundred_cannotProgress_fiftyHundred_stopsFirst() {
        assertThat(new RollingDeployment(100, 100).canProgress(3)).isFalse();
        // 50/100 with 3: floor ceil(1.5) = 2, ceiling 3: no new task until 1 old stops.
        RollingDeployment d = new RollingDeployment(50, 100);
        assertThat(d.firstWaveStarts(3)).isZero();
        assertThat(d.firstWaveStops(3)).isEqualTo(1);
        assertThat(d.canProgress(3)).isTrue();
    }

    @Test
    void invalidPercents_rejected() {
        assertThatThrownBy(() -> new RollingDeployment(101, 200)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RollingDeployment(60, 50)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RollingDeployment.DEFAULT.maximumTasks(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
