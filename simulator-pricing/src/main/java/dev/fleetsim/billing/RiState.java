package dev.fleetsim.billing;

import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.ReservedInstance;
import java.math.BigDecimal;

/** One registered RI prepared for the hourly loop: the lines it may cover and what it covered per day. */
final class RiState {

    private static final BigDecimal HALF_DIVISOR = BigDecimal.valueOf(2);

    final String id;
    final ReservedInstance ri;
    /** Eligible line indexes in application order (smallest size first for size-flexible RIs). */
    final int[] lines;
    /** Quarter units per eligible line when size-flexible, else 1. */
    final int[] weights;
    /** Quarter units of the RI's own type when size-flexible, else 1. */
    final int riWeight;
    final boolean sizeFlexible;
    /** Per instance: upfront USD and hourly fee USD. */
    final BigDecimal upfrontUsd;
    final BigDecimal recurringUsdPerHour;
    /** Covered ms per eligible line per day. */
    final long[][] coveredMs;

    RiState(String id, ReservedInstance ri, int[] lines, int[] weights, int riWeight, boolean sizeFlexible,
            BigDecimal effectiveUsdPerHour, int days) {
        this.id = id;
        this.ri = ri;
        this.lines = lines;
        this.weights = weights;
        this.riWeight = riWeight;
        this.sizeFlexible = sizeFlexible;
        if (ri.upfrontUsd().isPresent()) {
            this.upfrontUsd = ri.upfrontUsd().get();
            this.recurringUsdPerHour = ri.recurringUsdPerHour().orElseThrow();
        } else {
            // Split of the effective rate by payment option (documented in BillingEngine).
            BigDecimal termHours = BigDecimal.valueOf(ri.term().hours());
            PaymentOption p = ri.payment();
            this.upfrontUsd = p == PaymentOption.ALL_UPFRONT ? effectiveUsdPerHour.multiply(termHours)
                    : p == PaymentOption.PARTIAL_UPFRONT ? effectiveUsdPerHour.multiply(termHours).divide(HALF_DIVISOR)
                    : BigDecimal.ZERO;
            this.recurringUsdPerHour = p == PaymentOption.ALL_UPFRONT ? BigDecimal.ZERO
                    : p == PaymentOption.PARTIAL_UPFRONT ? effectiveUsdPerHour.divide(HALF_DIVISOR)
                    : effectiveUsdPerHour;
        }
        this.coveredMs = new long[lines.length][days];
        // The hot loop's capacity is count x 3,600,000 x riWeight ms: must fit a long.
        Math.multiplyExact(Math.multiplyExact((long) ri.count(), 3_600_000L), (long) riWeight);
    }

    /** Amortized fee per hour for all {@code count} instances: count x (upfront / term hours + hourly). */
    Money amortizedPerHour() {
        return Money.usd(upfrontUsd).dividedBy(ri.term().hours()).plus(Money.usd(recurringUsdPerHour))
                .times(ri.count());
    }

    /** Capacity in weighted milliseconds for {@code activeMs} of a clock-hour. */
    long capacity(long activeMs) {
        return ri.count() * activeMs * riWeight;
    }

    /** Exact amortized cost of {@code ms} covered on eligible line {@code i}. */
    Money coveredCost(int i, long ms, Money amortizedPerHourEach) {
        // One RI's hour buys 3,600,000 ms x riWeight; this line uses ms x weight of it.
        return amortizedPerHourEach.times(ms).times(weights[i]).dividedBy(3_600_000L).dividedBy(riWeight);
    }
}
