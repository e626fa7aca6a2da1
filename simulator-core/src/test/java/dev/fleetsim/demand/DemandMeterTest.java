package dev.fleetsim.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

final class DemandMeterTest {

    private static final long MIN = 60_000L;

    @Test
    void advance_constantDemandAboveCapacity_measuresUnserved() {
        DemandMeter m = new DemandMeter(new ConstantDemand(100), 0);
        m.advance(10 * MIN, 60);
        // 100/s x 600 s = 60,000 requests; 60/s x 600 s = 36,000 served
        assertThat(m.demanded()).isCloseTo(60_000, within(1e-6));
        assertThat(m.served()).isCloseTo(36_000, within(1e-6));
        assertThat(m.unserved()).isCloseTo(24_000, within(1e-6));
        assertThat(m.servedFraction()).isCloseTo(0.6, within(1e-12));
    }

    @Test
    void advance_capacityChanges_areAccountedPerInterval() {
        // 0 for 5 minutes, then 200/s; capacity 150 for the first 8 minutes, then 250.
        DemandMeter m = new DemandMeter(new StepDemand(new long[] {0, 5 * MIN}, new double[] {0, 200}), 0);
        m.advance(8 * MIN, 150);
        m.advance(10 * MIN, 250);
        // demanded 200 x 300 s = 60,000; served 150 x 180 s + 200 x 120 s = 27,000 + 24,000
        assertThat(m.demanded()).isCloseTo(60_000, within(1e-6));
        assertThat(m.served()).isCloseTo(51_000, within(1e-6));
        assertThat(m.lastMs()).isEqualTo(10 * MIN);
    }

    @Test
    void advance_backwards_isRejected() {
        DemandMeter m = new DemandMeter(new ConstantDemand(1), 5);
        assertThatThrownBy(() -> m.advance(4, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new DemandMeter(new ConstantDemand(0), 0).servedFraction()).isEqualTo(1.0);
    }
}
