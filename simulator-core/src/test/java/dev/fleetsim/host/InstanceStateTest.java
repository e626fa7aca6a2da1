package dev.fleetsim.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

final class InstanceStateTest {

    private static Set<InstanceState> allowedFrom(InstanceState from) {
        Set<InstanceState> allowed = EnumSet.noneOf(InstanceState.class);
        for (InstanceState to : InstanceState.values()) {
            if (from.canTransitionTo(to)) {
                allowed.add(to);
            }
        }
        return allowed;
    }

    @Test
    void canTransitionTo_followsTheEc2Lifecycle() {
        // aws-rules.md item 10: pending->running->stopping->stopped, stopped->pending,
        // running|stopped->shutting-down->terminated; EC2 also terminates a pending instance (a cancelled
        // launch, e.g. an Auto Scaling group scaling in before the instance came up).
        assertThat(allowedFrom(InstanceState.PENDING))
                .containsExactly(InstanceState.RUNNING, InstanceState.SHUTTING_DOWN);
        assertThat(allowedFrom(InstanceState.RUNNING))
                .containsExactly(InstanceState.STOPPING, InstanceState.SHUTTING_DOWN);
        assertThat(allowedFrom(InstanceState.STOPPING)).containsExactly(InstanceState.STOPPED);
        assertThat(allowedFrom(InstanceState.STOPPED))
                .containsExactly(InstanceState.PENDING, InstanceState.SHUTTING_DOWN);
        assertThat(allowedFrom(InstanceState.SHUTTING_DOWN)).containsExactly(InstanceState.TERMINATED);
        assertThat(allowedFrom(InstanceState.TERMINATED)).isEmpty();
    }

    @Test
    void key_usesTheAwsSpelling() {
        assertThat(InstanceState.SHUTTING_DOWN.key()).isEqualTo("shutting-down");
        assertThat(InstanceState.PENDING.key()).isEqualTo("pending");
    }

    @Test
    void lifecycleTimings_whenNegative_throws() {
        assertThatThrownBy(() -> LifecycleTimings.DEFAULT.withStopLatencyMs(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("stopLatencyMs");
        assertThat(LifecycleTimings.DEFAULT.withLaunchLatencyMs(4_900).launchLatencyMs()).isEqualTo(4_900);
    }
}
