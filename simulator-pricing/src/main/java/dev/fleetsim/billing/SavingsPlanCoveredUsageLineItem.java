package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Usage covered by a Savings Plan at its rate. Unblended cost is zero (the plan's fees carry the cash); amortized
 * cost is the usage at the plan's rate.
 */
public record SavingsPlanCoveredUsageLineItem(LocalDate day, BillingLine line, String commitmentId, long usageMs,
                                              BigDecimal savingsPlanUsdPerHour, Money effectiveCost)
        implements LineItem {
    @Override public String lineItemType() { return "SavingsPlanCoveredUsage"; }
    @Override public String service() { return line.service().key(); }
    @Override public String resource() { return line.description(); }
    @Override public Money unblendedCost() { return Money.ZERO; }
    @Override public Money amortizedCost() { return effectiveCost; }
}
