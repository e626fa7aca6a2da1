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

    @Test
    void trackHours_runStartingMidHour_splitsAtTheClockHour() {
        // The run starts 30 minutes into its clock-hour: run time [0, 30 min) is hour 0, [30, 90 min) hour 1.
        // 100/s throughout, capacity 60/s for the first 40 minutes, then 120/s, metered to 70 minutes.
        DemandMeter m = new DemandMeter(new ConstantDemand(100), 0);
        m.trackHours(30 * MIN, 3);
        m.advance(40 * MIN, 60);
        m.advance(70 * MIN, 120);
        // hour 0: 1,800 s x 100 = 180,000 demanded, x 60 = 108,000 served.
        // hour 1: 2,400 s x 100 = 240,000 demanded; served 600 s x 60 + 1,800 s x 100 = 36,000 + 180,000.
        assertThat(m.trackedHours()).isEqualTo(3);
        assertThat(m.demandedInHour(0)).isCloseTo(180_000, within(1e-6));
        assertThat(m.servedInHour(0)).isCloseTo(108_000, within(1e-6));
        assertThat(m.demandedInHour(1)).isCloseTo(240_000, within(1e-6));
        assertThat(m.servedInHour(1)).isCloseTo(216_000, within(1e-6));
        assertThat(m.demandedInHour(2)).isZero();
        // The hours add up to the totals.
        assertThat(m.demanded()).isCloseTo(420_000, within(1e-6));
        assertThat(m.served()).isCloseTo(324_000, within(1e-6));
    }

    @Test
    void trackHours_pastTheTrackedHours_countsInTheTotalsOnly() {
        DemandMeter m = new DemandMeter(new ConstantDemand(10), 0);
        m.trackHours(0, 1);
        m.advance(90 * MIN, 10);
        // 10/s x 3,600 s in hour 0; 10/s x 5,400 s in total.
        assertThat(m.demandedInHour(0)).isCloseTo(36_000, within(1e-6));
        assertThat(m.demanded()).isCloseTo(54_000, within(1e-6));
        assertThatThrownBy(() -> m.trackHours(3_600_000, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
