package dev.fleetsim.billing;

import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.SavingsPlan;
import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * One registered Savings Plan prepared for the hourly loop. Rates become integers of 10^-scale USD per hour, so
 * covering {@code ms} costs {@code ms x rateUnits} "dollar-milliseconds-per-hour x 10^scale" and the hourly budget is
 * {@code commitment x activeMs x 10^scale} in the same unit: exact, with no BigDecimal in the loop.
 */
final class SpState {

    private static final BigDecimal HALF_DIVISOR = BigDecimal.valueOf(2);

    final String id;
    final SavingsPlan plan;
    /** Eligible lines in application order: highest discount first, ties to the lower SP rate (item 3). */
    final int[] lines;
    final BigDecimal[] rates;
    final long[] rateUnits;
    final int scale;
    private final long fullHi;
    private final long fullLo;
    final long[][] coveredMs;

    SpState(String id, SavingsPlan plan, int[] lines, BigDecimal[] rates, int days) {
        this.id = id;
        this.plan = plan;
        this.lines = lines;
        this.rates = rates;
        int s = Math.max(0, plan.commitmentUsdPerHour().stripTrailingZeros().scale());
        for (BigDecimal r : rates) {
            s = Math.max(s, r.stripTrailingZeros().scale());
        }
        this.scale = s;
        this.rateUnits = new long[rates.length];
        for (int i = 0; i < rates.length; i++) {
            try {
                rateUnits[i] = rates[i].movePointRight(s).longValueExact();
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("Savings Plan rate " + rates[i] + " needs more precision than "
                        + "fleetsim supports with the other rates of " + id + " (" + s + " decimals)", e);
            }
        }
        BigInteger fullHourBudget = budgetUnits(3_600_000L);
        if (fullHourBudget.bitLength() > 127) {
            throw new IllegalArgumentException("Savings Plan " + id + " commitment is too large");
        }
        this.fullHi = fullHourBudget.shiftRight(64).longValue();
        this.fullLo = fullHourBudget.longValue();
        this.coveredMs = new long[lines.length][days];
    }

    /** Loads this plan's budget for a clock-hour of which {@code activeMs} lie in its term. */
    void load(Budget128 budget, long activeMs) {
        if (activeMs == 3_600_000L) {
            budget.set(fullHi, fullLo);
        } else {
            budget.set(budgetUnits(activeMs));
        }
    }

    private BigInteger budgetUnits(long activeMs) {
        return plan.commitmentUsdPerHour().movePointRight(scale).toBigIntegerExact()
                .multiply(BigInteger.valueOf(activeMs));
    }

    /** Amortized fee per hour: the commitment (upfront included). */
    Money amortizedPerHour() {
        return Money.usd(plan.commitmentUsdPerHour());
    }

    /** Cash paid upfront: commitment x term hours (All Upfront) or half of it (Partial Upfront). */
    BigDecimal upfrontUsd() {
        BigDecimal whole = plan.commitmentUsdPerHour().multiply(BigDecimal.valueOf(plan.term().hours()));
        return plan.payment() == PaymentOption.ALL_UPFRONT ? whole
                : plan.payment() == PaymentOption.PARTIAL_UPFRONT ? whole.divide(HALF_DIVISOR) : BigDecimal.ZERO;
    }

    /** Cash paid per active hour. */
    BigDecimal recurringUsdPerHour() {
        BigDecimal c = plan.commitmentUsdPerHour();
        return plan.payment() == PaymentOption.ALL_UPFRONT ? BigDecimal.ZERO
                : plan.payment() == PaymentOption.PARTIAL_UPFRONT ? c.divide(HALF_DIVISOR) : c;
    }
}
