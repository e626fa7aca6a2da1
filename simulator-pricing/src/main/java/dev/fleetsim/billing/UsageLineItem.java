package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Usage billed at the On-Demand rate. */
public record UsageLineItem(LocalDate day, BillingLine line, long usageMs, BigDecimal usdPerHour, Money cost)
        implements LineItem {
    @Override public String lineItemType() { return "Usage"; }
    @Override public String service() { return line.service().key(); }
    @Override public String resource() { return line.description(); }
    @Override public String commitmentId() { return ""; }
    @Override public Money unblendedCost() { return cost; }
    @Override public Money amortizedCost() { return cost; }
}
