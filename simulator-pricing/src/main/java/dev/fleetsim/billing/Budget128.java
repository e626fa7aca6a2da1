package dev.fleetsim.billing;

import java.math.BigInteger;

/**
 * A Savings Plan's remaining hourly budget as an unsigned 128-bit integer of price units (the commitment in
 * dollar-milliseconds-per-hour x 10^scale: $10,000/h at scale 12 is about 3.6e22, past a long). Spending is exact
 * integer arithmetic with no allocation, except one BigInteger division when a large budget is only partly enough.
 */
final class Budget128 {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);

    private long hi;
    private long lo;

    void set(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 127) {
            throw new IllegalArgumentException("budget out of range: " + value);
        }
        hi = value.shiftRight(64).longValue();
        lo = value.longValue();
    }

    void set(long hiBits, long loBits) {
        hi = hiBits;
        lo = loBits;
    }

    boolean isZero() {
        return hi == 0 && lo == 0;
    }

    BigInteger value() {
        BigInteger low = new BigInteger(Long.toUnsignedString(lo));
        return BigInteger.valueOf(hi).multiply(TWO_64).add(low);
    }

    /**
     * Buys as many whole milliseconds as the budget allows, up to {@code maxMs}, each costing {@code priceUnits}
     * (non-negative); returns how many were bought.
     */
    long take(long maxMs, long priceUnits) {
        if (maxMs <= 0) {
            return 0;
        }
        if (priceUnits == 0) {
            return maxMs;
        }
        long ph = Math.multiplyHigh(maxMs, priceUnits); // both non-negative: the signed high word is the unsigned one
        long pl = maxMs * priceUnits;
        if (ph < hi || (ph == hi && Long.compareUnsigned(pl, lo) <= 0)) {
            subtract(ph, pl);
            return maxMs;
        }
        long ms;
        if (hi == 0) {
            ms = Long.divideUnsigned(lo, priceUnits);
        } else {
            ms = value().divide(BigInteger.valueOf(priceUnits)).longValueExact(); // < maxMs, fits
        }
        subtract(Math.multiplyHigh(ms, priceUnits), ms * priceUnits);
        return ms;
    }

    private void subtract(long bh, long bl) {
        long newLo = lo - bl;
        long borrow = Long.compareUnsigned(lo, bl) < 0 ? 1 : 0;
        hi = hi - bh - borrow;
        lo = newLo;
    }
}
