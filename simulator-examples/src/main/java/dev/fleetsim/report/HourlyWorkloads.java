package dev.fleetsim.report;

/**
 * What the workloads of a run did per clock-hour, for {@code timeseries.csv} and {@code report.html}:
 * <ul>
 *   <li>demand and served demand, summed over every workload that scales on a demand signal: the mean rate over the
 *       part of the hour the run covers, in the signals' unit (requests per second); served is min(demand,
 *       capacity) per one-minute slice (docs/dynamics.md, {@code DemandMeter}). Absent without such a workload.</li>
 *   <li>pending tasks: the container tasks and pods waiting for capacity at the end of the hour (at the horizon for
 *       the last one). Absent without container workloads.</li>
 * </ul>
 */
public final class HourlyWorkloads {

    private final double[] demand;
    private final double[] served;
    private final int[] pendingTasks;

    /**
     * @param demand null without a workload scaling on a signal (then {@code served} is null too)
     * @param pendingTasks null without container workloads
     */
    public HourlyWorkloads(double[] demand, double[] served, int[] pendingTasks) {
        if ((demand == null) != (served == null) || demand != null && demand.length != served.length) {
            throw new IllegalArgumentException("demand and served need the same hours");
        }
        this.demand = demand == null ? null : demand.clone();
        this.served = served == null ? null : served.clone();
        this.pendingTasks = pendingTasks == null ? null : pendingTasks.clone();
    }

    public boolean hasDemand() {
        return demand != null;
    }

    public boolean hasPendingTasks() {
        return pendingTasks != null;
    }

    /** Mean demand over clock-hour {@code hour}; 0 past the recorded hours. */
    public double demand(int hour) {
        return hour < demand.length ? demand[hour] : 0;
    }

    public double served(int hour) {
        return hour < served.length ? served[hour] : 0;
    }

    /** Tasks and pods waiting at the end of clock-hour {@code hour}; 0 past the recorded hours. */
    public int pendingTasks(int hour) {
        return hour < pendingTasks.length ? pendingTasks[hour] : 0;
    }
}
