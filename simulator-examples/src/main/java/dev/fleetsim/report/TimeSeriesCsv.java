package dev.fleetsim.report;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes {@code timeseries.csv} (SPEC section 6): one row per UTC clock-hour. Columns, documented in
 * docs/reports.md:
 * <pre>
 * hour,hour_start_utc,instances:TYPE:MARKET...,vcpu_provisioned,on_demand_usd,spot_usd,reserved_usd,
 * savings_plan_usd,total_usd,demand,served_demand,pending_tasks
 * </pre>
 * Instance columns are average running instances (billed ms / 3,600,000) to 6 decimals; cost columns are the
 * exact hourly amortized cost HALF_UP to 6 decimals (empty when the bill cannot be split by hour); the demand
 * columns stay empty until the runner measures demand.
 */
public final class TimeSeriesCsv {

    private static final BigDecimal MS_PER_HOUR = BigDecimal.valueOf(3_600_000L);
    private static final int SCALE = 6;

    private TimeSeriesCsv() {
    }

    public static String write(TimeSeries ts) {
        StringBuilder s = new StringBuilder();
        s.append("hour,hour_start_utc");
        for (TimeSeries.Series series : ts.series()) {
            s.append(",instances:").append(series.instanceType()).append(':').append(series.market().key());
        }
        s.append(",vcpu_provisioned,on_demand_usd,spot_usd,reserved_usd,savings_plan_usd,total_usd,demand,"
                + "served_demand,pending_tasks\n");
        for (int h = 0; h < ts.hours(); h++) {
            s.append(h).append(',').append(ts.hourStart(h));
            for (int i = 0; i < ts.series().size(); i++) {
                s.append(',').append(perHour(ts.instanceMs(i, h)));
            }
            s.append(',').append(perHour(ts.vcpuMs(h)));
            if (ts.costs().isPresent()) {
                HourlyCosts c = ts.costs().get();
                for (int m = 0; m < HourlyCosts.MODELS.size(); m++) {
                    s.append(',').append(c.cost(m, h).toUsd(SCALE).toPlainString());
                }
                s.append(',').append(c.total(h).toUsd(SCALE).toPlainString());
            } else {
                s.append(",,,,,");
            }
            if (ts.hasDemand()) {
                s.append(',').append(rate(ts.demand(h))).append(',').append(rate(ts.served(h)));
            } else {
                s.append(",,");
            }
            s.append(',');
            if (ts.hasPendingTasks()) {
                s.append(ts.pendingTasks(h));
            }
            s.append('\n');
        }
        return s.toString();
    }

    /** A mean rate, six decimals, never in exponent form. */
    static String rate(double v) {
        return BigDecimal.valueOf(v).setScale(SCALE, RoundingMode.HALF_UP).toPlainString();
    }

    /** Milliseconds in an hour as hours: the average count over the hour. */
    static String perHour(long ms) {
        return BigDecimal.valueOf(ms).divide(MS_PER_HOUR, SCALE, RoundingMode.HALF_UP).toPlainString();
    }
}
