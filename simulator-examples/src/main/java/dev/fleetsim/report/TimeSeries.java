package dev.fleetsim.report;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.host.Market;
import dev.fleetsim.metering.InstanceUsage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run hour by hour (UTC clock-hours, as billing counts them): EC2 instances by type and market as billed
 * instance-milliseconds (an average running count once divided by 3,600,000), the vCPUs behind them, and the
 * amortized cost by pricing model when the bill can be split by hour, demand and served demand when a workload
 * scales on a demand signal ({@link #hasDemand()}), and the container tasks waiting at each hour's end when the run
 * has container workloads ({@link #hasPendingTasks()}); writers leave absent fields empty.
 */
public final class TimeSeries {

    /** One instance column: a type in a market. */
    public record Series(String instanceType, Market market) {
        public Series {
            Objects.requireNonNull(instanceType, "instanceType");
            Objects.requireNonNull(market, "market");
        }

        public String label() {
            return market == Market.ON_DEMAND ? instanceType : instanceType + " (" + market.key() + ")";
        }
    }

    private final Instant firstHourStart;
    private final int hours;
    private final List<Series> series;
    private final long[][] instanceMs;
    private final long[] vcpuMs;
    private final HourlyCosts costs;
    private final HourlyWorkloads workloads;

    private TimeSeries(Instant firstHourStart, int hours, List<Series> series, long[][] instanceMs, long[] vcpuMs,
            HourlyCosts costs, HourlyWorkloads workloads) {
        this.firstHourStart = firstHourStart;
        this.hours = hours;
        this.series = Collections.unmodifiableList(series);
        this.instanceMs = instanceMs;
        this.vcpuMs = vcpuMs;
        this.costs = costs;
        this.workloads = workloads;
    }

    /**
     * @param costs the bill split by hour, when it could be (see {@link Rebilling})
     */
    public static TimeSeries of(Bill bill, UsageMeter meter, InstanceCatalog catalog, Optional<HourlyCosts> costs) {
        return of(bill, meter, catalog, costs, Optional.empty());
    }

    /**
     * @param costs the bill split by hour, when it could be (see {@link Rebilling})
     * @param workloads demand, served demand and pending tasks per clock-hour, when the run produced them
     */
    public static TimeSeries of(Bill bill, UsageMeter meter, InstanceCatalog catalog, Optional<HourlyCosts> costs,
            Optional<HourlyWorkloads> workloads) {
        int hours = bill.hours();
        TreeMap<String, long[][]> byType = new TreeMap<>(); // type -> [market][hour]
        long[] vcpuMs = new long[hours];
        for (int k = 0; k < meter.keyCount(); k++) {
            if (!(meter.key(k) instanceof InstanceUsage u)) {
                continue;
            }
            long[] ms = byType.computeIfAbsent(u.instanceType(), t -> new long[Market.values().length][hours])
                    [u.market().ordinal()];
            int vcpu = catalog.find(u.instanceType()).map(InstanceType::vcpu).orElse(0);
            for (int h = 0; h < hours; h++) {
                long used = meter.usageMs(k, h);
                ms[h] += used;
                vcpuMs[h] += used * vcpu;
            }
        }
        List<Series> series = new ArrayList<>();
        List<long[]> rows = new ArrayList<>();
        byType.forEach((type, byMarket) -> {
            for (Market m : Market.values()) {
                long[] ms = byMarket[m.ordinal()];
                boolean any = false;
                for (long v : ms) {
                    any |= v != 0;
                }
                if (any) {
                    series.add(new Series(type, m));
                    rows.add(ms);
                }
            }
        });
        Instant first = bill.start().truncatedTo(ChronoUnit.HOURS);
        HourlyCosts c = costs.filter(hc -> hc.hours() == hours).orElse(null);
        return new TimeSeries(first, hours, series, rows.toArray(new long[0][]), vcpuMs, c, workloads.orElse(null));
    }

    /** Start of clock-hour 0: the UTC hour that contains the scenario start. */
    public Instant firstHourStart() {
        return firstHourStart;
    }

    public Instant hourStart(int hour) {
        return firstHourStart.plus(hour, ChronoUnit.HOURS);
    }

    public int hours() {
        return hours;
    }

    /** Instance columns, sorted by type, then On-Demand before Spot; only those with usage. */
    public List<Series> series() {
        return series;
    }

    /** Billed instance-milliseconds of a series in a clock-hour. */
    public long instanceMs(int series, int hour) {
        return instanceMs[series][hour];
    }

    /** vCPU-milliseconds provisioned in a clock-hour (billed instance-ms x the type's vCPUs). */
    public long vcpuMs(int hour) {
        return vcpuMs[hour];
    }

    public Optional<HourlyCosts> costs() {
        return Optional.ofNullable(costs);
    }

    /** Whether a workload of the run scales on a demand signal, so that {@link #demand} and {@link #served} exist. */
    public boolean hasDemand() {
        return workloads != null && workloads.hasDemand();
    }

    /** Whether the run has container workloads, so that {@link #pendingTasks} exists. */
    public boolean hasPendingTasks() {
        return workloads != null && workloads.hasPendingTasks();
    }

    /** Container tasks and pods waiting for capacity at the end of clock-hour {@code hour}. */
    public int pendingTasks(int hour) {
        return workloads.pendingTasks(hour);
    }

    /** Mean demand over clock-hour {@code hour}, summed over the workloads that scale on a signal. */
    public double demand(int hour) {
        return workloads.demand(hour);
    }

    /** Mean served demand over clock-hour {@code hour}. */
    public double served(int hour) {
        return workloads.served(hour);
    }
}
