package dev.fleetsim.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

final class DiurnalDemandProperties {

    /** The closed-form mean agrees with a fine midpoint-rule integral of valueAt. */
    @Property(tries = 200)
    void meanOver_matchesNumericIntegralOfValueAt(@ForAll @LongRange(min = 0, max = 30L * 86_400_000) long from,
            @ForAll @LongRange(min = 1, max = 3L * 86_400_000) long length,
            @ForAll @DoubleRange(min = 0, max = 1) double amplitude,
            @ForAll @DoubleRange(min = 0, max = 23.99) double peakHour,
            @ForAll @DoubleRange(min = 0, max = 2) double weekendFactor,
            @ForAll @LongRange(min = 0, max = 86_399_999) long startIntoDay,
            @ForAll @IntRange(min = 0, max = 6) int startDay) {
        DiurnalDemand d = new DiurnalDemand(new DiurnalShape(1000, amplitude, peakHour, weekendFactor, 0),
                new UtcAnchor(startIntoDay, DayOfWeek.of(startDay + 1)), 9L);
        long to = from + length;
        // Midpoint rule on 1-minute cells, with exact cell edges at the interval's ends and at UTC day starts
        // (the weekend factor jumps there). Error per cell < (1000 x 1.6 x 2) x (2 pi / 1440)^2 / 24 ~ 0.003.
        double integral = 0;
        long a = from;
        while (a < to) {
            long b = Math.min(Math.min(to, a + 60_000L), new UtcAnchor(startIntoDay, DayOfWeek.of(startDay + 1))
                    .nextDayStartAfter(a));
            integral += d.valueAt(a + (b - a) / 2) * (b - a);
            a = b;
        }
        assertThat(d.meanOver(from, to)).isCloseTo(integral / length, within(0.01));
    }

    @Property(tries = 200)
    void valueAt_staysWithinTheShapesBounds(@ForAll @LongRange(min = 0, max = 400L * 86_400_000) long t,
            @ForAll @DoubleRange(min = 0, max = 1) double amplitude) {
        DiurnalDemand d = new DiurnalDemand(new DiurnalShape(500, amplitude, 9, 0.3, 0),
                new UtcAnchor(0, DayOfWeek.MONDAY), 1L);
        double v = d.valueAt(t);
        double factor = new UtcAnchor(0, DayOfWeek.MONDAY).isWeekendAt(t) ? 0.3 : 1.0;
        assertThat(v).isBetween(500 * (1 - amplitude) * factor - 1e-9, 500 * (1 + amplitude) * factor + 1e-9);
    }
}
