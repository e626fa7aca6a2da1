package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of US dollars: a reduced fraction, so sums are exact and independent of order. Usage costs are
 * {@code ms x usdPerHour / 3,600,000}, amortized upfront fees {@code upfront / term hours}; neither is a terminating
 * decimal in general, so nothing is rounded until presentation ({@link #toUsd(int)}, HALF_UP).
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(BigInteger.ZERO, BigInteger.ONE);

    static final BigInteger MS_PER_HOUR = BigInteger.valueOf(3_600_000L);

    private final BigInteger numerator;
    private final BigInteger denominator;

    private Money(BigInteger numerator, BigInteger denominator) {
        this.numerator = numerator;
        this.denominator = denominator;
    }

    private static Money reduced(BigInteger num, BigInteger den) {
        if (den.signum() < 0) {
            num = num.negate();
            den = den.negate();
        }
        if (num.signum() == 0) {
            return ZERO;
        }
        BigInteger gcd = num.gcd(den);
        return gcd.equals(BigInteger.ONE) ? new Money(num, den) : new Money(num.divide(gcd), den.divide(gcd));
    }

    public static Money usd(BigDecimal usd) {
        Objects.requireNonNull(usd, "usd");
        return usd.scale() > 0
                ? reduced(usd.unscaledValue(), BigInteger.TEN.pow(usd.scale()))
                : reduced(usd.toBigIntegerExact(), BigInteger.ONE);
    }

    public static Money usd(String usd) {
        return usd(new BigDecimal(usd));
    }

    /** The cost of {@code ms} milliseconds at {@code usdPerHour}: {@code ms x usdPerHour / 3,600,000}. */
    public static Money usage(long ms, BigDecimal usdPerHour) {
        return ofUsdMs(usdPerHour.multiply(BigDecimal.valueOf(ms)));
    }

    /** {@code usdMs / 3,600,000}: an amount kept as dollar-milliseconds per hour (rate x ms). */
    public static Money ofUsdMs(BigDecimal usdMs) {
        if (usdMs.signum() == 0) {
            return ZERO;
        }
        BigInteger num = usdMs.unscaledValue();
        BigInteger den = MS_PER_HOUR;
        int scale = usdMs.scale();
        if (scale > 0) {
            den = den.multiply(BigInteger.TEN.pow(scale));
        } else if (scale < 0) {
            num = num.multiply(BigInteger.TEN.pow(-scale));
        }
        return reduced(num, den);
    }

    public Money plus(Money other) {
        if (other.numerator.signum() == 0) {
            return this;
        }
        if (numerator.signum() == 0) {
            return other;
        }
        if (denominator.equals(other.denominator)) {
            return reduced(numerator.add(other.numerator), denominator);
        }
        return reduced(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Money minus(Money other) {
        return plus(other.negate());
    }

    public Money negate() {
        return numerator.signum() == 0 ? this : new Money(numerator.negate(), denominator);
    }

    public Money times(long factor) {
        return reduced(numerator.multiply(BigInteger.valueOf(factor)), denominator);
    }

    public Money times(BigDecimal factor) {
        BigInteger num = numerator.multiply(factor.unscaledValue());
        BigInteger den = denominator;
        if (factor.scale() > 0) {
            den = den.multiply(BigInteger.TEN.pow(factor.scale()));
        } else if (factor.scale() < 0) {
            num = num.multiply(BigInteger.TEN.pow(-factor.scale()));
        }
        return reduced(num, den);
    }

    public Money dividedBy(long divisor) {
        if (divisor == 0) {
            throw new ArithmeticException("division of money by zero");
        }
        return reduced(numerator, denominator.multiply(BigInteger.valueOf(divisor)));
    }

    public int signum() {
        return numerator.signum();
    }

    public boolean isZero() {
        return numerator.signum() == 0;
    }

    /** Rounded HALF_UP to {@code scale} fraction digits (2 = cents). */
    public BigDecimal toUsd(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_UP);
    }

    /** Rounded down (toward negative infinity) to whole cents. */
    BigDecimal floorCents() {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), 2, RoundingMode.FLOOR);
    }

    /** {@code this / other} as a double for ratios (utilization, coverage); 0 when {@code other} is zero. */
    public double ratioTo(Money other) {
        if (other.isZero()) {
            return 0.0;
        }
        BigInteger num = numerator.multiply(other.denominator);
        BigInteger den = denominator.multiply(other.numerator);
        return new BigDecimal(num).divide(new BigDecimal(den), MathContext.DECIMAL64).doubleValue();
    }

    @Override
    public int compareTo(Money other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Money m && numerator.equals(m.numerator) && denominator.equals(m.denominator);
    }

    @Override
    public int hashCode() {
        return 31 * numerator.hashCode() + denominator.hashCode();
    }

    /** Twelve fraction digits, enough to see sub-cent amounts; for logs and tests, not for reports. */
    @Override
    public String toString() {
        return toUsd(12).stripTrailingZeros().toPlainString();
    }
}
