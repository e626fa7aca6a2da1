package dev.fleetsim.billing;

import dev.fleetsim.metering.InstanceUsage;
import java.math.BigDecimal;

/**
 * The per-clock-hour loop (aws-rules.md items 2 and 3): zonal RIs, then regional RIs (size-flexible ones by
 * normalized units, smallest size first), then EC2 Instance SPs, then Compute SPs, each in registration order; the
 * rest is On-Demand, or Spot at the price in effect. Only longs move here; money is made later, once per bucket.
 */
final class HourlyAllocator {

    private static final long MS_PER_HOUR = BilledDuration.MS_PER_HOUR;

    private final UsageMeter meter;
    private final Ledger ledger;
    private final SpotRates spotRates;
    private final AllocationObserver observer;
    private final long startOffsetMs;
    private final long horizonMs;
    private final int firstHourOfDay;

    HourlyAllocator(UsageMeter meter, Ledger ledger, SpotRates spotRates, AllocationObserver observer,
                    long horizonMs, int firstHourOfDay) {
        this.meter = meter;
        this.ledger = ledger;
        this.spotRates = spotRates;
        this.observer = observer;
        this.startOffsetMs = meter.startOffsetMs();
        this.horizonMs = horizonMs;
        this.firstHourOfDay = firstHourOfDay;
    }

    void run(int hours) {
        LineCatalog catalog = ledger.catalog;
        int n = catalog.lines.size();
        long[][] usage = new long[n][];
        boolean[] cluster = new boolean[n];
        boolean[] spot = new boolean[n];
        InstanceUsage[] spotPool = new InstanceUsage[n];
        BigDecimal[] constantSpotRate = new BigDecimal[n];
        for (int l = 0; l < n; l++) {
            BillingLine line = catalog.lines.get(l);
            usage[l] = meter.hourlyMsView(catalog.keyOf[l]);
            cluster[l] = line.component() == LineComponent.CONTROL_PLANE;
            spot[l] = line.spot();
            if (spot[l] && line.key() instanceof InstanceUsage pool) {
                spotPool[l] = pool;
                if (spotRates.constantOverTime()) {
                    constantSpotRate[l] = spotRates.usdPerHour(pool, 0);
                }
            } else if (spot[l]) {
                constantSpotRate[l] = line.onDemandUsdPerHour(); // Fargate Spot: already the Spot rate
            }
        }
        long[] rem = new long[n];
        RiState[] ris = ledger.ris.toArray(new RiState[0]);
        SpState[] sps = ledger.sps.toArray(new SpState[0]);
        long[] riActiveEnd = new long[ris.length];
        for (int r = 0; r < ris.length; r++) {
            riActiveEnd[r] = Math.min(horizonMs, ris[r].ri.term().millis());
        }
        long[] spActiveEnd = new long[sps.length];
        for (int s = 0; s < sps.length; s++) {
            spActiveEnd[s] = Math.min(horizonMs, sps[s].plan.term().millis());
        }
        Budget128 budget = new Budget128();

        for (int h = 0; h < hours; h++) {
            int day = (h + firstHourOfDay) / 24;
            long hourStart = (long) h * MS_PER_HOUR - startOffsetMs;
            for (int l = 0; l < n; l++) {
                long[] u = usage[l];
                long ms = h < u.length ? u[h] : 0L;
                // aws-rules.md item 6 (reading in BillingEngine): any part of a clock-hour is a cluster-hour.
                rem[l] = cluster[l] ? BilledDuration.ceilTo(ms, MS_PER_HOUR) : ms;
            }
            for (int r = 0; r < ris.length; r++) {
                long active = overlap(hourStart, riActiveEnd[r]);
                ledger.riActiveMs[r][day] += active;
                if (active > 0) {
                    applyReserved(ris[r], ris[r].capacity(active), rem, h, day);
                }
            }
            for (int s = 0; s < sps.length; s++) {
                long active = overlap(hourStart, spActiveEnd[s]);
                ledger.spActiveMs[s][day] += active;
                if (active > 0) {
                    sps[s].load(budget, active);
                    applySavingsPlan(sps[s], budget, rem, h, day);
                }
            }
            for (int l = 0; l < n; l++) {
                long ms = rem[l];
                if (ms == 0) {
                    continue;
                }
                if (!spot[l]) {
                    ledger.onDemandMs[l][day] += ms;
                    continue;
                }
                ledger.spotMs[l][day] += ms;
                if (constantSpotRate[l] == null) {
                    BigDecimal cost = spotRates.usdPerHour(spotPool[l], h).multiply(BigDecimal.valueOf(ms));
                    BigDecimal sum = ledger.spotUsdMs[l][day];
                    ledger.spotUsdMs[l][day] = sum == null ? cost : sum.add(cost);
                }
            }
        }
        // Constant Spot rates: one multiplication per line and day instead of one per hour.
        for (int l = 0; l < n; l++) {
            if (spot[l] && constantSpotRate[l] != null) {
                for (int d = 0; d < ledger.days; d++) {
                    long ms = ledger.spotMs[l][d];
                    if (ms != 0) {
                        ledger.spotUsdMs[l][d] = constantSpotRate[l].multiply(BigDecimal.valueOf(ms));
                    }
                }
            }
        }
    }

    /** Milliseconds of the clock-hour starting at scenario time {@code hourStart} inside [0, activeEnd). */
    private static long overlap(long hourStart, long activeEnd) {
        long from = Math.max(0L, hourStart);
        long to = Math.min(activeEnd, hourStart + MS_PER_HOUR);
        return Math.max(0L, to - from);
    }

    /** aws-rules.md item 2: at most 3,600 instance-seconds (x factor) per RI per clock-hour, pooled, partial allowed. */
    private void applyReserved(RiState ri, long capacity, long[] rem, int hour, int day) {
        int[] lines = ri.lines;
        int[] weights = ri.weights;
        for (int i = 0; i < lines.length && capacity > 0; i++) {
            int l = lines[i];
            long want = rem[l];
            if (want == 0) {
                continue;
            }
            int w = weights[i];
            long ms = Math.min(want, capacity / w);
            if (ms == 0) {
                if (ri.sizeFlexible) {
                    break; // lines come smallest first: larger ones need even more of the little that is left
                }
                continue;
            }
            rem[l] = want - ms;
            capacity -= ms * w;
            ri.coveredMs[i][day] += ms;
            if (observer != null) {
                observer.reservedInstanceCovered(hour, ri.id, ri.ri, ledger.catalog.lines.get(l), ms, w, ri.riWeight);
            }
        }
    }

    /** aws-rules.md item 3: within a plan, highest discount first; the hour's commitment is use-it-or-lose-it. */
    private void applySavingsPlan(SpState sp, Budget128 budget, long[] rem, int hour, int day) {
        int[] lines = sp.lines;
        long[] units = sp.rateUnits;
        for (int i = 0; i < lines.length; i++) {
            int l = lines[i];
            long want = rem[l];
            if (want == 0) {
                continue;
            }
            long ms = budget.take(want, units[i]);
            if (ms == 0) {
                if (budget.isZero()) {
                    break;
                }
                continue;
            }
            rem[l] = want - ms;
            sp.coveredMs[i][day] += ms;
            if (observer != null) {
                observer.savingsPlanCovered(hour, sp.id, sp.plan, ledger.catalog.lines.get(l), ms, sp.rates[i]);
            }
        }
    }
}
