package dev.fleetsim.report;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.BillingLine;
import dev.fleetsim.billing.CommitmentSummary;
import dev.fleetsim.billing.LineComponent;
import dev.fleetsim.billing.Money;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The amortized cost of every clock-hour, by pricing model (SPEC section 7 {@code byPricingModel}: on-demand,
 * spot, reserved, savings-plan), exact. Per hour and line: On-Demand is the billed usage less what commitments
 * covered, at the On-Demand rate; Spot is Spot usage at the price in effect that hour; a commitment's whole
 * amortized fee goes to its model, spread over the milliseconds of its term inside the run. The hours of each
 * model sum exactly to the bill's figure, which {@link #of} checks.
 */
public final class HourlyCosts {

    public static final List<String> MODELS = List.of("on-demand", "spot", "reserved", "savings-plan");
    static final int ON_DEMAND = 0;
    static final int SPOT = 1;
    static final int RESERVED = 2;
    static final int SAVINGS_PLAN = 3;
    private static final long MS_PER_HOUR = 3_600_000L;

    private final Money[][] cost;

    private HourlyCosts(Money[][] cost) {
        this.cost = cost;
    }

    public int hours() {
        return cost[0].length;
    }

    /** @param model index into {@link #MODELS} */
    public Money cost(int model, int hour) {
        return cost[model][hour];
    }

    public Money total(int hour) {
        Money t = Money.ZERO;
        for (Money[] byHour : cost) {
            t = t.plus(byHour[hour]);
        }
        return t;
    }

    /**
     * Splits {@code bill} by hour, given the hourly coverage seen while billing the same meter with the same
     * commitments. Empty when the hours do not add up exactly to the bill (the coverage came from a different
     * billing), so that a chart never shows a split the bill does not have.
     */
    public static Optional<HourlyCosts> of(Bill bill, UsageMeter meter, HourlyCoverage coverage,
            SpotRates spotRates) {
        int hours = bill.hours();
        Map<Meterable, Integer> keyIndex = new HashMap<>(); // lookup only, never iterated
        for (int k = 0; k < meter.keyCount(); k++) {
            keyIndex.put(meter.key(k), k);
        }
        BigDecimal[] onDemandUsdMs = zeros(hours);
        BigDecimal[] spotUsdMs = zeros(hours);
        for (BillingLine line : bill.lines()) {
            Integer key = keyIndex.get(line.key());
            if (key == null) {
                return Optional.empty();
            }
            boolean controlPlane = line.component() == LineComponent.CONTROL_PLANE;
            for (int h = 0; h < hours; h++) {
                long ms = meter.usageMs(key, h);
                if (controlPlane && ms % MS_PER_HOUR != 0) {
                    // docs/billing.md (aws-rules.md item 6): any part of a clock-hour is a cluster-hour.
                    ms += MS_PER_HOUR - ms % MS_PER_HOUR;
                }
                long uncovered = ms - coverage.coveredMs(line.index(), h);
                if (uncovered == 0) {
                    continue;
                }
                if (!line.spot()) {
                    onDemandUsdMs[h] = onDemandUsdMs[h].add(line.onDemandUsdPerHour()
                            .multiply(BigDecimal.valueOf(uncovered)));
                } else {
                    // Fargate Spot lines carry their Spot rate; EC2 Spot pays the price in effect that hour.
                    BigDecimal rate = line.key() instanceof InstanceUsage pool ? spotRates.usdPerHour(pool, h)
                            : line.onDemandUsdPerHour();
                    spotUsdMs[h] = spotUsdMs[h].add(rate.multiply(BigDecimal.valueOf(uncovered)));
                }
            }
        }
        Money[][] cost = new Money[MODELS.size()][hours];
        for (int h = 0; h < hours; h++) {
            cost[ON_DEMAND][h] = Money.ofUsdMs(onDemandUsdMs[h]);
            cost[SPOT][h] = Money.ofUsdMs(spotUsdMs[h]);
            cost[RESERVED][h] = Money.ZERO;
            cost[SAVINGS_PLAN][h] = Money.ZERO;
        }
        for (CommitmentSummary c : bill.commitments()) {
            int model = c.kind().equals("reserved-instance") ? RESERVED : SAVINGS_PLAN;
            long activeEndMs = Math.min(bill.horizonMs(), c.commitment().term().millis());
            if (activeEndMs <= 0) {
                continue;
            }
            for (int h = 0; h < hours; h++) {
                long hourStart = h * MS_PER_HOUR - meter.startOffsetMs();
                long active = Math.max(0L, Math.min(activeEndMs, hourStart + MS_PER_HOUR) - Math.max(0L, hourStart));
                if (active > 0) {
                    // The fee accrues evenly over the active milliseconds (docs/billing.md, commitments).
                    cost[model][h] = cost[model][h].plus(c.fee().times(active).dividedBy(activeEndMs));
                }
            }
        }
        HourlyCosts result = new HourlyCosts(cost);
        return result.matches(bill) ? Optional.of(result) : Optional.empty();
    }

    private boolean matches(Bill bill) {
        for (int m = 0; m < MODELS.size(); m++) {
            Money sum = Money.ZERO;
            for (Money v : cost[m]) {
                sum = sum.plus(v);
            }
            Money billed = bill.byPricingModel().get(MODELS.get(m));
            if (!Objects.equals(sum, billed == null ? Money.ZERO : billed)) {
                return false;
            }
        }
        return true;
    }

    private static BigDecimal[] zeros(int n) {
        BigDecimal[] a = new BigDecimal[n];
        java.util.Arrays.fill(a, BigDecimal.ZERO);
        return a;
    }
}
