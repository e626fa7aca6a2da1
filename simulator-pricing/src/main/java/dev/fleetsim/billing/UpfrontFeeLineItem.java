package dev.fleetsim.billing;

import java.time.LocalDate;

/**
 * The upfront payment of an RI or Savings Plan bought at the scenario start: cash on the first day (unblended);
 * its amortized share appears in the covered usage and the unused fee lines instead.
 */
public record UpfrontFeeLineItem(LocalDate day, String commitmentId, String service, Money upfrontFee)
        implements LineItem {
    @Override public String lineItemType() { return "Fee"; }
    @Override public String resource() { return commitmentId; }
    @Override public long usageMs() { return 0L; }
    @Override public Money unblendedCost() { return upfrontFee; }
    @Override public Money amortizedCost() { return Money.ZERO; }
}
