package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns the ledger's integers into exact money: per line the On-Demand, Spot and covered costs, per commitment the
 * fee, use and cash, and the totals and breakdowns of SPEC section 7. Every figure is a sum of the same exact terms
 * as the line items, so all breakdowns sum exactly to the totals.
 */
final class BillAssembler {

    private static final long MS_PER_HOUR = BilledDuration.MS_PER_HOUR;

    private BillAssembler() {
    }

    static Bill assemble(Ledger ledger, Instant start, long horizonMs, int hours) {
        List<BillingLine> lines = ledger.catalog.lines;
        int n = lines.size();
        Money[] lineCost = new Money[n]; // what each line is charged at (OD, Spot, or commitment rate)
        Money onDemand = Money.ZERO;
        Money spot = Money.ZERO;
        Money eligibleOdEquivalent = Money.ZERO;
        for (int l = 0; l < n; l++) {
            BillingLine line = lines.get(l);
            Money od = Money.usage(sum(ledger.onDemandMs[l]), line.onDemandUsdPerHour());
            Money sp = spotCost(ledger.spotUsdMs[l]);
            lineCost[l] = od.plus(sp);
            onDemand = onDemand.plus(od);
            spot = spot.plus(sp);
            if (coverable(line)) {
                eligibleOdEquivalent = eligibleOdEquivalent.plus(od);
            }
        }

        List<CommitmentSummary> commitments = new ArrayList<>();
        Money reservedFees = Money.ZERO;
        Money savingsPlanFees = Money.ZERO;
        Money unusedTotal = Money.ZERO;
        Money upfrontTotal = Money.ZERO;
        Money recurringTotal = Money.ZERO;
        Money coveredByRi = Money.ZERO;
        Money coveredBySp = Money.ZERO;
        for (int r = 0; r < ledger.ris.size(); r++) {
            RiState ri = ledger.ris.get(r);
            long activeMs = sum(ledger.riActiveMs[r]);
            Money fee = ri.amortizedPerHour().times(activeMs).dividedBy(MS_PER_HOUR);
            Money each = ri.amortizedPerHour().dividedBy(ri.ri.count());
            Money used = Money.ZERO;
            for (int i = 0; i < ri.lines.length; i++) {
                long ms = sum(ri.coveredMs[i]);
                if (ms == 0) {
                    continue;
                }
                Money cost = ri.coveredCost(i, ms, each);
                used = used.plus(cost);
                int l = ri.lines[i];
                lineCost[l] = lineCost[l].plus(cost);
                Money odEquivalent = Money.usage(ms, lines.get(l).onDemandUsdPerHour());
                coveredByRi = coveredByRi.plus(odEquivalent);
                eligibleOdEquivalent = eligibleOdEquivalent.plus(odEquivalent);
            }
            Money upfront = Money.usd(ri.upfrontUsd).times(ri.ri.count());
            Money unused = fee.minus(used);
            commitments.add(new CommitmentSummary(ri.id, "reserved-instance", ri.ri, fee, used, unused,
                    used.ratioTo(fee), upfront));
            reservedFees = reservedFees.plus(fee);
            unusedTotal = unusedTotal.plus(unused);
            upfrontTotal = upfrontTotal.plus(upfront);
            recurringTotal = recurringTotal.plus(Money.usage(activeMs, ri.recurringUsdPerHour).times(ri.ri.count()));
        }
        for (int s = 0; s < ledger.sps.size(); s++) {
            SpState sp = ledger.sps.get(s);
            long activeMs = sum(ledger.spActiveMs[s]);
            Money fee = sp.amortizedPerHour().times(activeMs).dividedBy(MS_PER_HOUR);
            Money used = Money.ZERO;
            for (int i = 0; i < sp.lines.length; i++) {
                long ms = sum(sp.coveredMs[i]);
                if (ms == 0) {
                    continue;
                }
                Money cost = Money.usage(ms, sp.rates[i]);
                used = used.plus(cost);
                int l = sp.lines[i];
                lineCost[l] = lineCost[l].plus(cost);
                Money odEquivalent = Money.usage(ms, lines.get(l).onDemandUsdPerHour());
                coveredBySp = coveredBySp.plus(odEquivalent);
                eligibleOdEquivalent = eligibleOdEquivalent.plus(odEquivalent);
            }
            Money upfront = Money.usd(sp.upfrontUsd());
            Money unused = fee.minus(used);
            commitments.add(new CommitmentSummary(sp.id, "savings-plan", sp.plan, fee, used, unused,
                    used.ratioTo(fee), upfront));
            savingsPlanFees = savingsPlanFees.plus(fee);
            unusedTotal = unusedTotal.plus(unused);
            upfrontTotal = upfrontTotal.plus(upfront);
            recurringTotal = recurringTotal.plus(Money.usage(activeMs, sp.recurringUsdPerHour()));
        }
        commitments.sort((a, b) -> compareIds(a.id(), b.id()));

        Map<String, Money> byService = new LinkedHashMap<>();
        for (Service service : Service.values()) {
            byService.put(service.key(), Money.ZERO);
        }
        TreeMap<String, Money> byType = new TreeMap<>();
        for (int l = 0; l < n; l++) {
            BillingLine line = lines.get(l);
            byService.merge(line.service().key(), lineCost[l], Money::plus);
            if (line.service() == Service.EC2) {
                byType.merge(line.instanceType(), lineCost[l], Money::plus);
            }
        }
        byService.put("unused-commitment", unusedTotal);

        Money total = onDemand.plus(spot).plus(reservedFees).plus(savingsPlanFees);
        Map<String, Money> byModel = new LinkedHashMap<>();
        byModel.put("on-demand", onDemand);
        byModel.put("spot", spot);
        byModel.put("reserved", reservedFees);
        byModel.put("savings-plan", savingsPlanFees);

        Money unblended = onDemand.plus(spot).plus(recurringTotal).plus(upfrontTotal);
        return new Bill(ledger, start, horizonMs, hours, total, unblended, byService, byModel, byType,
                byDay(ledger), commitments, new Coverage(eligibleOdEquivalent, coveredByRi, coveredBySp));
    }

    /** Amortized cost per UTC day: usage at On-Demand and Spot rates plus each commitment's fee for the day. */
    private static TreeMap<LocalDate, Money> byDay(Ledger ledger) {
        TreeMap<LocalDate, Money> byDay = new TreeMap<>();
        List<BillingLine> lines = ledger.catalog.lines;
        for (int d = 0; d < ledger.days; d++) {
            BigDecimal usdMs = BigDecimal.ZERO;
            for (int l = 0; l < lines.size(); l++) {
                long ms = ledger.onDemandMs[l][d];
                if (ms != 0) {
                    usdMs = usdMs.add(lines.get(l).onDemandUsdPerHour().multiply(BigDecimal.valueOf(ms)));
                }
                BigDecimal spotUsdMs = ledger.spotUsdMs[l][d];
                if (spotUsdMs != null) {
                    usdMs = usdMs.add(spotUsdMs);
                }
            }
            Money day = Money.ofUsdMs(usdMs);
            for (int r = 0; r < ledger.ris.size(); r++) {
                day = day.plus(ledger.ris.get(r).amortizedPerHour().times(ledger.riActiveMs[r][d])
                        .dividedBy(MS_PER_HOUR));
            }
            for (int s = 0; s < ledger.sps.size(); s++) {
                day = day.plus(ledger.sps.get(s).amortizedPerHour().times(ledger.spActiveMs[s][d])
                        .dividedBy(MS_PER_HOUR));
            }
            byDay.put(ledger.firstDay.plusDays(d), day);
        }
        return byDay;
    }

    /** Usage commitments could cover: non-Spot EC2 instances and non-Spot Fargate vCPU and memory. */
    static boolean coverable(BillingLine line) {
        return !line.spot() && (line.component() == LineComponent.INSTANCE || line.component() == LineComponent.VCPU
                || line.component() == LineComponent.MEMORY);
    }

    /** ri-1 < ri-2 < ... < ri-10 < sp-1: kind, then number. */
    static int compareIds(String a, String b) {
        int c = a.substring(0, 2).compareTo(b.substring(0, 2));
        return c != 0 ? c : Integer.compare(Integer.parseInt(a.substring(3)), Integer.parseInt(b.substring(3)));
    }

    private static Money spotCost(BigDecimal[] byDay) {
        BigDecimal usdMs = BigDecimal.ZERO;
        for (BigDecimal v : byDay) {
            if (v != null) {
                usdMs = usdMs.add(v);
            }
        }
        return Money.ofUsdMs(usdMs);
    }

    static long sum(long[] values) {
        long s = 0;
        for (long v : values) {
            s += v;
        }
        return s;
    }
}
