package dev.fleetsim.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.engine.RandomStreams;
import java.time.DayOfWeek;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class DiurnalDemandTest {

    private static final long H = 3_600_000L;
    private static final long D = 24 * H;
    // 2026-01-01 is a Thursday (2025-01-01 was a Wednesday and 2025 has 365 days = 52 weeks + 1 day).
    private static final Instant THURSDAY_MIDNIGHT = Instant.parse("2026-01-01T00:00:00Z");

    private static DiurnalDemand web(double weekendFactor) {
        return new DiurnalDemand(new DiurnalShape(2000, 0.6, 14, weekendFactor, 0), UtcAnchor.of(THURSDAY_MIDNIGHT),
                1L);
    }

    @Test
    void anchor_ofScenarioStart_readsUtcTimeOfDayAndWeekday() {
        assertThat(UtcAnchor.of(THURSDAY_MIDNIGHT)).isEqualTo(new UtcAnchor(0, DayOfWeek.THURSDAY));
        assertThat(UtcAnchor.of(Instant.parse("2026-01-02T10:30:00Z")))
                .isEqualTo(new UtcAnchor(10 * H + 30 * 60_000L, DayOfWeek.FRIDAY));
    }

    @Test
    void valueAt_peakHour_isMeanTimesOnePlusAmplitude() {
        // 2000 x (1 + 0.6) = 3200 at 14:00 UTC on Thursday
        assertThat(web(1).valueAt(14 * H)).isCloseTo(3200.0, within(1e-9));
    }

    @Test
    void valueAt_twelveHoursAfterPeak_isMeanTimesOneMinusAmplitude() {
        // 14:00 + 12 h = Friday 02:00: cos(pi) = -1, 2000 x (1 - 0.6) = 800
        assertThat(web(1).valueAt(26 * H)).isCloseTo(800.0, within(1e-9));
    }

    @Test
    void valueAt_sixHoursFromPeak_isTheMean() {
        // cos(+-pi/2) = 0
        assertThat(web(1).valueAt(20 * H)).isCloseTo(2000.0, within(1e-9));
        assertThat(web(1).valueAt(8 * H)).isCloseTo(2000.0, within(1e-9));
    }

    @Test
    void valueAt_weekend_appliesWeekendFactor() {
        DiurnalDemand d = web(0.5);
        // Saturday 2026-01-03 14:00 = t 2 d + 14 h: 3200 x 0.5
        assertThat(d.valueAt(2 * D + 14 * H)).isCloseTo(1600.0, within(1e-9));
        // Sunday 2026-01-04 02:00 = t 3 d + 2 h: 800 x 0.5
        assertThat(d.valueAt(3 * D + 2 * H)).isCloseTo(400.0, within(1e-9));
        // Friday 23:59:59.999 is still a weekday; Monday 2026-01-05 14:00 again 3200
        assertThat(d.valueAt(2 * D - 1)).isGreaterThan(800.0).isLessThan(2000.0);
        assertThat(d.valueAt(4 * D + 14 * H)).isCloseTo(3200.0, within(1e-9));
    }

    @Test
    void valueAt_scenarioStartingMidDay_usesStartTimeOfDayAndWeekday() {
        // Start Friday 2026-01-02 10:30 UTC: the 14:00 peak is at t = 3.5 h; Saturday 14:00 at 3.5 h + 24 h.
        DiurnalDemand d = new DiurnalDemand(new DiurnalShape(2000, 0.6, 14, 0.5, 0),
                UtcAnchor.of(Instant.parse("2026-01-02T10:30:00Z")), 1L);
        assertThat(d.valueAt(3 * H + H / 2)).isCloseTo(3200.0, within(1e-9));
        assertThat(d.valueAt(27 * H + H / 2)).isCloseTo(1600.0, within(1e-9));
    }

    @Test
    void valueAt_fractionalPeakHour_peaksAtThatMinute() {
        DiurnalDemand d = new DiurnalDemand(DiurnalShape.of(100, 0.5, 14.5), UtcAnchor.of(THURSDAY_MIDNIGHT), 1L);
        assertThat(d.valueAt(14 * H + 30 * 60_000L)).isCloseTo(150.0, within(1e-9));
    }

    @Test
    void meanOver_wholeWeekday_isTheMean() {
        // The cosine integrates to 0 over a day.
        assertThat(web(0.5).meanOver(0, D)).isCloseTo(2000.0, within(1e-6));
    }

    @Test
    void meanOver_wholeWeek_weighsWeekendDays() {
        // 5 weekdays at 2000 and 2 weekend days at 1000: 2000 x 6 / 7
        assertThat(web(0.5).meanOver(0, 7 * D)).isCloseTo(2000.0 * 6 / 7, within(1e-6));
    }

    @Test
    void meanOver_twelveHoursAroundPeak_integratesTheCosine() {
        // Over 08:00-20:00 the cosine averages (24/2pi)(sin(pi/2) - sin(-pi/2)) / 12 = 2/pi:
        // 2000 x (1 + 0.6 x 2 / pi)
        assertThat(web(1).meanOver(8 * H, 20 * H)).isCloseTo(2000 * (1 + 1.2 / Math.PI), within(1e-6));
    }

    @Test
    void meanOver_emptyInterval_isTheValue() {
        assertThat(web(1).meanOver(14 * H, 14 * H)).isCloseTo(3200.0, within(1e-9));
        assertThatThrownBy(() -> web(1).meanOver(2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void noise_sameSeed_sameValuesWhateverTheQueryOrder() {
        DiurnalShape noisy = new DiurnalShape(2000, 0.6, 14, 0.5, 0.1);
        DiurnalDemand forward = new DiurnalDemand(noisy, UtcAnchor.of(THURSDAY_MIDNIGHT), 42L);
        DiurnalDemand backward = new DiurnalDemand(noisy, UtcAnchor.of(THURSDAY_MIDNIGHT), 42L);
        double[] f = new double[500];
        double[] b = new double[500];
        for (int i = 0; i < 500; i++) {
            f[i] = forward.valueAt(i * 61_000L);
        }
        for (int i = 499; i >= 0; i--) {
            b[i] = backward.valueAt(i * 61_000L);
        }
        assertThat(b).isEqualTo(f);
    }

    @Test
    void noise_fromScenarioStreams_dependsOnSeedAndSignalName() {
        DiurnalShape noisy = new DiurnalShape(2000, 0, 14, 1, 0.1);
        DemandSignal a = DemandSignals.diurnal(noisy, THURSDAY_MIDNIGHT, new RandomStreams(7), "web-rps");
        DemandSignal same = DemandSignals.diurnal(noisy, THURSDAY_MIDNIGHT, new RandomStreams(7), "web-rps");
        DemandSignal otherSeed = DemandSignals.diurnal(noisy, THURSDAY_MIDNIGHT, new RandomStreams(8), "web-rps");
        DemandSignal otherName = DemandSignals.diurnal(noisy, THURSDAY_MIDNIGHT, new RandomStreams(7), "api-rps");
        assertThat(same.valueAt(5 * H)).isEqualTo(a.valueAt(5 * H));
        assertThat(otherSeed.valueAt(5 * H)).isNotEqualTo(a.valueAt(5 * H));
        assertThat(otherName.valueAt(5 * H)).isNotEqualTo(a.valueAt(5 * H));
    }

    @Test
    void noise_isConstantWithinAStepAndChangesBetweenSteps() {
        DiurnalDemand d = new DiurnalDemand(new DiurnalShape(1000, 0, 0, 1, 0.1), UtcAnchor.of(THURSDAY_MIDNIGHT), 3L);
        assertThat(d.valueAt(60_000L * 7 + 59_999)).isEqualTo(d.valueAt(60_000L * 7));
        assertThat(d.valueAt(60_000L * 8)).isNotEqualTo(d.valueAt(60_000L * 7));
    }

    @Test
    void noise_hasTheRequestedRelativeStandardDeviation() {
        // Flat shape (amplitude 0) at 1000 with noise 0.1: value / 1000 - 1 = 0.1 Z per step.
        int n = 40_000;
        DiurnalDemand d = new DiurnalDemand(new DiurnalShape(1000, 0, 0, 1, 0.1), UtcAnchor.of(THURSDAY_MIDNIGHT), 11L);
        double sum = 0;
        double sumSq = 0;
        for (int k = 0; k < n; k++) {
            double e = d.valueAt(k * 60_000L) / 1000 - 1;
            sum += e;
            sumSq += e * e;
        }
        double mean = sum / n;
        double sd = Math.sqrt(sumSq / n - mean * mean);
        // Standard errors: mean 0.1 / sqrt(40,000) = 0.0005; sd about 0.1 / sqrt(2 x 40,000) = 0.00035. 4 of each.
        assertThat(mean).isCloseTo(0.0, within(0.002));
        assertThat(sd).isCloseTo(0.1, within(0.0014));
    }

    @Test
    void meanOver_withNoise_averagesTheStepValues() {
        DiurnalDemand d = new DiurnalDemand(new DiurnalShape(1000, 0, 0, 1, 0.2), UtcAnchor.of(THURSDAY_MIDNIGHT), 5L);
        double sum = 0;
        for (int k = 0; k < 10; k++) {
            sum += d.valueAt(k * 60_000L);
        }
        assertThat(d.meanOver(0, 600_000L)).isCloseTo(sum / 10, within(1e-9));
        // Half of step 0 and all of step 1: weights 30 s and 60 s.
        assertThat(d.meanOver(30_000L, 120_000L))
                .isCloseTo((d.valueAt(0) * 30 + d.valueAt(60_000L) * 60) / 90, within(1e-9));
    }

    @Test
    void shape_rejectsOutOfRangeParameters() {
        assertThatThrownBy(() -> new DiurnalShape(10, 1.5, 0, 1, 0)).hasMessageContaining("amplitude");
        assertThatThrownBy(() -> new DiurnalShape(10, 0.5, 24, 1, 0)).hasMessageContaining("peakHour");
        assertThatThrownBy(() -> new DiurnalShape(-1, 0.5, 0, 1, 0)).hasMessageContaining("mean");
        assertThatThrownBy(() -> new DiurnalShape(10, 0.5, 0, 1, -0.1)).hasMessageContaining("noise");
    }
}
