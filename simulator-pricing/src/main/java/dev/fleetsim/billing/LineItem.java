package dev.fleetsim.billing;

import java.time.LocalDate;

/**
 * One daily line of the bill, in the spirit of the AWS Cost and Usage Report. Every line has an unblended (cash)
 * and an amortized cost; over all lines they sum exactly to {@link Bill#unblendedTotal()} and {@link Bill#total()}.
 */
public sealed interface LineItem permits UsageLineItem, SpotUsageLineItem, DiscountedUsageLineItem,
        SavingsPlanCoveredUsageLineItem, RiFeeLineItem, SavingsPlanRecurringFeeLineItem, UpfrontFeeLineItem {

    /** UTC day. */
    LocalDate day();

    /** CUR-style type: Usage, SpotUsage, DiscountedUsage, SavingsPlanCoveredUsage, RIFee, SavingsPlanRecurringFee, Fee. */
    String lineItemType();

    /** {@code ec2}, {@code fargate}, {@code eks}, or {@code savings-plans} for plan fees. */
    String service();

    /** The usage line's description, or the commitment id for fees. */
    String resource();

    /** The commitment involved, or "". */
    String commitmentId();

    /** Billed milliseconds of the usage key (0 for fees). */
    long usageMs();

    Money unblendedCost();

    Money amortizedCost();
}
