package dev.fleetsim.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class StepDemandTest {

    private static final long MIN = 60_000L;
    private static final long H = 60 * MIN;

    private final StepDemand steps = new StepDemand(new long[] {0, H, 3 * H}, new double[] {100, 300, 0});

    @Test
    void valueAt_holdsEachValueUntilTheNextPoint() {
        assertThat(steps.valueAt(0)).isEqualTo(100.0);
        assertThat(steps.valueAt(H - 1)).isEqualTo(100.0);
        assertThat(steps.valueAt(H)).isEqualTo(300.0);
        assertThat(steps.valueAt(3 * H - 1)).isEqualTo(300.0);
        assertThat(steps.valueAt(5 * H)).isEqualTo(0.0);
    }

    @Test
    void valueAt_beforeTheFirstPoint_isZero() {
        assertThat(new StepDemand(new long[] {10 * MIN}, new double[] {50}).valueAt(10 * MIN - 1)).isEqualTo(0.0);
    }

    @Test
    void meanOver_weighsEachValueByItsTime() {
        // 30 min at 100 and 60 min at 300 over 90 min: (3,000 + 18,000) / 90
        assertThat(steps.meanOver(30 * MIN, 2 * H)).isCloseTo(21_000.0 / 90, within(1e-9));
        // The whole trace and one hour after: (100 + 2 x 300 + 0) / 4
        assertThat(steps.meanOver(0, 4 * H)).isCloseTo(175.0, within(1e-9));
    }

    @Test
    void meanOver_reachingBeforeTheFirstPoint_countsZeroThere() {
        // An hour of nothing, then an hour at 100.
        assertThat(steps.meanOver(-H, H)).isCloseTo(50.0, within(1e-9));
    }

    @Test
    void pointsAtTheSameTime_theLaterWins() {
        StepDemand d = new StepDemand(new long[] {0, 10, 10}, new double[] {1, 2, 5});
        assertThat(d.valueAt(10)).isEqualTo(5.0);
        // 10 ms at 1 then 10 ms at 5
        assertThat(d.meanOver(0, 20)).isCloseTo(3.0, within(1e-12));
    }

    @Test
    void trace_fromScenarioTimes_isStepHold() {
        DemandSignal t = DemandSignals.trace(new long[] {-5 * MIN, 5 * MIN}, new double[] {40, 80});
        // A trace row before the scenario start holds at the start.
        assertThat(t.valueAt(0)).isEqualTo(40.0);
        assertThat(t.meanOver(0, 10 * MIN)).isCloseTo(60.0, within(1e-9));
    }

    @Test
    void constructor_rejectsDecreasingTimesNegativeValuesAndLengthMismatch() {
        assertThatThrownBy(() -> new StepDemand(new long[] {5, 4}, new double[] {1, 1}))
                .hasMessageContaining("must not decrease");
        assertThatThrownBy(() -> new StepDemand(new long[] {5}, new double[] {-1}))
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new StepDemand(new long[] {5}, new double[] {1, 2}))
                .hasMessageContaining("as many times");
    }

    @Test
    void constant_isTheSameEverywhere() {
        assertThat(new ConstantDemand(12.5).valueAt(99)).isEqualTo(12.5);
        assertThat(new ConstantDemand(12.5).meanOver(0, 99)).isEqualTo(12.5);
        assertThatThrownBy(() -> new ConstantDemand(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
