package dev.fleetsim.billing;

import java.time.LocalDate;

/**
 * An RI's fee for a day. Unblended: the recurring hourly fee for every active hour, used or not. Amortized: the part
 * of the RI's effective cost (upfront share included) that no usage used.
 */
public record RiFeeLineItem(LocalDate day, String commitmentId, Money recurringFee, Money unusedAmortizedFee)
        implements LineItem {
    @Override public String lineItemType() { return "RIFee"; }
    @Override public String service() { return Service.EC2.key(); }
    @Override public String resource() { return commitmentId; }
    @Override public long usageMs() { return 0L; }
    @Override public Money unblendedCost() { return recurringFee; }
    @Override public Money amortizedCost() { return unusedAmortizedFee; }
}
