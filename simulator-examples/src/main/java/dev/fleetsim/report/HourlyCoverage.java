package dev.fleetsim.report;

import dev.fleetsim.billing.AllocationObserver;
import dev.fleetsim.billing.BillingLine;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.SavingsPlan;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Records, per billing line and clock-hour, the milliseconds that Reserved Instances and Savings Plans covered.
 * The bill itself keeps coverage per day only; the hourly split is what the time series and the cost chart need.
 * Called from billing's hourly loop, so it only adds longs.
 */
public final class HourlyCoverage implements AllocationObserver {

    private final int hours;
    private long[][] coveredMs;

    /** Sized for {@code lines} billing lines over {@code hours} clock-hours; grows if either is exceeded. */
    public HourlyCoverage(int lines, int hours) {
        this.hours = hours;
        this.coveredMs = new long[lines][];
    }

    @Override
    public void reservedInstanceCovered(int hour, String id, ReservedInstance ri, BillingLine line, long ms,
            int lineWeight, int riWeight) {
        add(line.index(), hour, ms);
    }

    @Override
    public void savingsPlanCovered(int hour, String id, SavingsPlan plan, BillingLine line, long ms,
            BigDecimal usdPerHour) {
        add(line.index(), hour, ms);
    }

    private void add(int line, int hour, long ms) {
        if (line >= coveredMs.length) {
            coveredMs = Arrays.copyOf(coveredMs, line + 1);
        }
        long[] byHour = coveredMs[line];
        if (byHour == null) {
            byHour = new long[Math.max(hours, hour + 1)];
            coveredMs[line] = byHour;
        } else if (hour >= byHour.length) {
            byHour = Arrays.copyOf(byHour, hour + 1);
            coveredMs[line] = byHour;
        }
        byHour[hour] += ms;
    }

    /** Covered milliseconds of a line in a clock-hour, by any commitment. */
    long coveredMs(int line, int hour) {
        if (line >= coveredMs.length || coveredMs[line] == null || hour >= coveredMs[line].length) {
            return 0L;
        }
        return coveredMs[line][hour];
    }
}
