package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** Generates a bill's daily line items one day at a time, so memory does not grow with the horizon. */
final class LineItemIterator implements Iterator<LineItem> {

    private static final long MS_PER_HOUR = BilledDuration.MS_PER_HOUR;

    private final Ledger ledger;
    private final Money[] riEach;
    private final Money[] riAll;
    private int nextDay;
    private List<LineItem> current = List.of();
    private int position;

    LineItemIterator(Ledger ledger) {
        this.ledger = ledger;
        this.riEach = new Money[ledger.ris.size()];
        this.riAll = new Money[ledger.ris.size()];
        for (int r = 0; r < riEach.length; r++) {
            RiState ri = ledger.ris.get(r);
            riAll[r] = ri.amortizedPerHour();
            riEach[r] = riAll[r].dividedBy(ri.ri.count());
        }
    }

    @Override
    public boolean hasNext() {
        while (position == current.size()) {
            if (nextDay >= ledger.days) {
                return false;
            }
            current = day(nextDay++);
            position = 0;
        }
        return true;
    }

    @Override
    public LineItem next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.get(position++);
    }

    private List<LineItem> day(int d) {
        LocalDate date = ledger.firstDay.plusDays(d);
        List<LineItem> items = new ArrayList<>();
        List<BillingLine> lines = ledger.catalog.lines;
        for (int l = 0; l < lines.size(); l++) {
            BillingLine line = lines.get(l);
            long od = ledger.onDemandMs[l][d];
            if (od != 0) {
                items.add(new UsageLineItem(date, line, od, line.onDemandUsdPerHour(),
                        Money.usage(od, line.onDemandUsdPerHour())));
            }
            long spot = ledger.spotMs[l][d];
            if (spot != 0) {
                BigDecimal usdMs = ledger.spotUsdMs[l][d];
                items.add(new SpotUsageLineItem(date, line, spot, usdMs == null ? Money.ZERO : Money.ofUsdMs(usdMs)));
            }
        }
        Money[] riUsed = new Money[ledger.ris.size()];
        for (int r = 0; r < riUsed.length; r++) {
            RiState ri = ledger.ris.get(r);
            riUsed[r] = Money.ZERO;
            for (int i = 0; i < ri.lines.length; i++) {
                long ms = ri.coveredMs[i][d];
                if (ms != 0) {
                    Money cost = ri.coveredCost(i, ms, riEach[r]);
                    riUsed[r] = riUsed[r].plus(cost);
                    items.add(new DiscountedUsageLineItem(date, lines.get(ri.lines[i]), ri.id, ms, cost));
                }
            }
        }
        Money[] spUsed = new Money[ledger.sps.size()];
        for (int s = 0; s < spUsed.length; s++) {
            SpState sp = ledger.sps.get(s);
            spUsed[s] = Money.ZERO;
            for (int i = 0; i < sp.lines.length; i++) {
                long ms = sp.coveredMs[i][d];
                if (ms != 0) {
                    Money cost = Money.usage(ms, sp.rates[i]);
                    spUsed[s] = spUsed[s].plus(cost);
                    items.add(new SavingsPlanCoveredUsageLineItem(date, lines.get(sp.lines[i]), sp.id, ms,
                            sp.rates[i], cost));
                }
            }
        }
        List<LineItem> fees = new ArrayList<>();
        for (int r = 0; r < riUsed.length; r++) {
            RiState ri = ledger.ris.get(r);
            if (d == 0 && ri.upfrontUsd.signum() != 0) {
                fees.add(new UpfrontFeeLineItem(date, ri.id, Service.EC2.key(),
                        Money.usd(ri.upfrontUsd).times(ri.ri.count())));
            }
            long active = ledger.riActiveMs[r][d];
            if (active != 0) {
                Money fee = riAll[r].times(active).dividedBy(MS_PER_HOUR);
                fees.add(new RiFeeLineItem(date, ri.id, Money.usage(active, ri.recurringUsdPerHour)
                        .times(ri.ri.count()), fee.minus(riUsed[r])));
            }
        }
        for (int s = 0; s < spUsed.length; s++) {
            SpState sp = ledger.sps.get(s);
            if (d == 0 && sp.upfrontUsd().signum() != 0) {
                fees.add(new UpfrontFeeLineItem(date, sp.id, "savings-plans", Money.usd(sp.upfrontUsd())));
            }
            long active = ledger.spActiveMs[s][d];
            if (active != 0) {
                Money fee = sp.amortizedPerHour().times(active).dividedBy(MS_PER_HOUR);
                fees.add(new SavingsPlanRecurringFeeLineItem(date, sp.id,
                        Money.usage(active, sp.recurringUsdPerHour()), fee.minus(spUsed[s])));
            }
        }
        fees.sort((a, b) -> BillAssembler.compareIds(a.commitmentId(), b.commitmentId()));
        items.addAll(fees);
        return items;
    }
}
