package dev.fleetsim.billing;

import java.time.LocalDate;

/**
 * A Savings Plan's fee for a day. Unblended: the hourly part of the commitment. Amortized: the part of the whole
 * commitment (upfront share included) that no usage used.
 */
public record SavingsPlanRecurringFeeLineItem(LocalDate day, String commitmentId, Money recurringFee,
                                              Money unusedCommitment) implements LineItem {
    @Override public String lineItemType() { return "SavingsPlanRecurringFee"; }
    @Override public String service() { return "savings-plans"; }
    @Override public String resource() { return commitmentId; }
    @Override public long usageMs() { return 0L; }
    @Override public Money unblendedCost() { return recurringFee; }
    @Override public Money amortizedCost() { return unusedCommitment; }
}
