package dev.fleetsim.billing;

import java.time.LocalDate;

/** Spot (or Fargate Spot) usage at the price in effect each hour. */
public record SpotUsageLineItem(LocalDate day, BillingLine line, long usageMs, Money cost) implements LineItem {
    @Override public String lineItemType() { return "SpotUsage"; }
    @Override public String service() { return line.service().key(); }
    @Override public String resource() { return line.description(); }
    @Override public String commitmentId() { return ""; }
    @Override public Money unblendedCost() { return cost; }
    @Override public Money amortizedCost() { return cost; }
}
