package dev.fleetsim.billing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;

/**
 * Writes a bill's line items as CSV ({@code line-items.csv}, SPEC section 6), one row per item in the bill's order:
 * {@code day,line_item_type,service,resource,component,commitment_id,usage_seconds,unblended_cost_usd,amortized_cost_usd}.
 * Usage seconds are exact (millisecond precision); costs are rounded HALF_UP to 10 fraction digits for display, the
 * exact sums being the bill's totals. A field holding a comma, quote or line break (a cluster name, say) is quoted
 * as RFC 4180 says.
 */
public final class LineItemCsv {

    public static final String HEADER = "day,line_item_type,service,resource,component,commitment_id,"
            + "usage_seconds,unblended_cost_usd,amortized_cost_usd";

    private static final int COST_SCALE = 10;

    private LineItemCsv() {
    }

    /** Writes the header and every line item; returns the number of items written. */
    public static long write(Bill bill, Appendable out) {
        try {
            out.append(HEADER).append('\n');
            long count = 0;
            StringBuilder row = new StringBuilder(160);
            for (LineItem item : bill.lineItems()) {
                row.setLength(0);
                row.append(item.day()).append(',')
                        .append(item.lineItemType()).append(',')
                        .append(item.service()).append(',')
                        .append(field(item.resource())).append(',')
                        .append(component(item)).append(',')
                        .append(item.commitmentId()).append(',')
                        .append(BigDecimal.valueOf(item.usageMs(), 3).toPlainString()).append(',')
                        .append(item.unblendedCost().toUsd(COST_SCALE).toPlainString()).append(',')
                        .append(item.amortizedCost().toUsd(COST_SCALE).toPlainString()).append('\n');
                out.append(row);
                count++;
            }
            return count;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write line items", e);
        }
    }

    /** RFC 4180: quotes a field holding a comma, quote or line break; every CSV fleetsim writes uses it. */
    public static String field(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + value.replace("\"", "\"\"") + '"';
            }
        }
        return value;
    }

    private static String component(LineItem item) {
        if (item instanceof UsageLineItem u) {
            return u.line().component().key();
        }
        if (item instanceof SpotUsageLineItem s) {
            return s.line().component().key();
        }
        if (item instanceof DiscountedUsageLineItem d) {
            return d.line().component().key();
        }
        if (item instanceof SavingsPlanCoveredUsageLineItem c) {
            return c.line().component().key();
        }
        return "fee";
    }
}
