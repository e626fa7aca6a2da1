package dev.fleetsim.billing;

import java.time.LocalDate;

/**
 * Usage covered by an RI. Unblended cost is zero (the RI's fees carry the cash); amortized cost is the covered
 * share of the RI's effective hourly cost.
 */
public record DiscountedUsageLineItem(LocalDate day, BillingLine line, String commitmentId, long usageMs,
                                      Money effectiveCost) implements LineItem {
    @Override public String lineItemType() { return "DiscountedUsage"; }
    @Override public String service() { return line.service().key(); }
    @Override public String resource() { return line.description(); }
    @Override public Money unblendedCost() { return Money.ZERO; }
    @Override public Money amortizedCost() { return effectiveCost; }
}
