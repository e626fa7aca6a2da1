package dev.fleetsim.report;

import java.util.Arrays;

/**
 * Demand and served demand of a run per clock-hour, summed over every workload that scales on a demand signal: the
 * mean rate over the part of the hour the run covers, in the signals' unit (requests per second). Served is
 * min(demand, capacity) per one-minute slice (docs/dynamics.md, {@code DemandMeter}).
 */
public final class HourlyDemand {

    private final double[] demand;
    private final double[] served;

    public HourlyDemand(double[] demand, double[] served) {
        if (demand.length != served.length) {
            throw new IllegalArgumentException("demand and served need the same hours");
        }
        this.demand = demand.clone();
        this.served = served.clone();
    }

    public int hours() {
        return demand.length;
    }

    /** Mean demand over clock-hour {@code hour}; 0 past the recorded hours. */
    public double demand(int hour) {
        return hour < demand.length ? demand[hour] : 0;
    }

    public double served(int hour) {
        return hour < served.length ? served[hour] : 0;
    }

    @Override
    public String toString() {
        return "HourlyDemand[" + demand.length + " hours, first " + Arrays.toString(Arrays.copyOf(demand,
                Math.min(3, demand.length))) + "]";
    }
}
