package dev.fleetsim.run;

import dev.fleetsim.demand.DemandMeter;
import java.time.Instant;
import java.util.List;

/**
 * The clock-hours of a run, as billing counts them: hour 0 is the UTC clock-hour the scenario starts in, the last is
 * the one holding the horizon's final millisecond.
 */
record RunHours(long offsetMs, int count, long horizonMs) {

    private static final long HOUR_MS = 3_600_000L;

    static RunHours of(Instant start, long horizonMs) {
        long offset = Math.floorMod(start.toEpochMilli(), HOUR_MS);
        int count = horizonMs == 0 ? 0 : Math.toIntExact((horizonMs - 1 + offset) / HOUR_MS + 1);
        return new RunHours(offset, count, horizonMs);
    }

    /** The run time at which clock-hour {@code hour} ends (the horizon for the last). */
    long endOf(int hour) {
        return Math.min(horizonMs, (hour + 1) * HOUR_MS - offsetMs);
    }

    /** Makes {@code meter} keep its integrals per clock-hour of this run. */
    void track(DemandMeter meter) {
        meter.trackHours(offsetMs, count);
    }

    /**
     * Demand and served demand per clock-hour ({@code [0]} and {@code [1]}), summed over {@code meters} and divided by
     * the seconds of the hour the run covers (the first and last hour may be partial): mean rates in the signals'
     * unit.
     */
    double[][] sum(List<DemandMeter> meters) {
        double[] demand = new double[count];
        double[] served = new double[count];
        for (DemandMeter m : meters) {
            for (int h = 0; h < Math.min(count, m.trackedHours()); h++) {
                demand[h] += m.demandedInHour(h);
                served[h] += m.servedInHour(h);
            }
        }
        for (int h = 0; h < count; h++) {
            long from = Math.max(0, h * HOUR_MS - offsetMs);
            long to = Math.min(horizonMs, (h + 1) * HOUR_MS - offsetMs);
            double seconds = (to - from) / 1000.0;
            demand[h] = seconds > 0 ? demand[h] / seconds : 0;
            served[h] = seconds > 0 ? served[h] / seconds : 0;
        }
        return new double[][] {demand, served};
    }
}
