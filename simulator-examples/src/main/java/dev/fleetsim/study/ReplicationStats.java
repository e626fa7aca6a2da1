package dev.fleetsim.study;

import dev.fleetsim.billing.Money;
import dev.fleetsim.report.Estimate;
import dev.fleetsim.report.MoneyEstimate;
import dev.fleetsim.report.Replications;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Mean, sample standard deviation (n - 1) and 95% confidence interval (Student t with n - 1 degrees of freedom:
 * mean +- t(0.975) x s / sqrt(n)) of per-replication figures. Money is computed in BigDecimal from the exact
 * totals and rounded HALF_UP to 4 fraction digits; counts are doubles. Unserved demand stays null: runs do not
 * measure demand yet.
 */
public final class ReplicationStats {

    static final int MONEY_SCALE = 4;
    private static final MathContext MC = MathContext.DECIMAL128;

    private ReplicationStats() {
    }

    public static Replications of(Money[] totals, double[] interruptions) {
        int n = totals.length;
        BigDecimal t = BigDecimal.valueOf(tQuantile(n));
        BigDecimal[] x = new BigDecimal[n];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
            x[i] = totals[i].toUsd(20);
            sum = sum.add(x[i]);
        }
        BigDecimal mean = sum.divide(BigDecimal.valueOf(n), MC);
        BigDecimal squares = BigDecimal.ZERO;
        for (BigDecimal v : x) {
            BigDecimal d = v.subtract(mean);
            squares = squares.add(d.multiply(d));
        }
        BigDecimal sd = squares.divide(BigDecimal.valueOf(n - 1), MC).sqrt(MC);
        BigDecimal half = t.multiply(sd).divide(BigDecimal.valueOf(n).sqrt(MC), MC);
        MoneyEstimate total = new MoneyEstimate(money(mean), money(sd), money(mean.subtract(half)),
                money(mean.add(half)));
        return new Replications(n, total, null, estimate(interruptions));
    }

    static Estimate estimate(double[] values) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(squares / (n - 1));
        double half = tQuantile(n) * sd / Math.sqrt(n);
        return new Estimate(mean, sd, mean - half, mean + half);
    }

    /** The 97.5% quantile of Student's t with n - 1 degrees of freedom. */
    static double tQuantile(int n) {
        // No random generator: the distribution is only asked for a quantile.
        return new TDistribution(null, n - 1).inverseCumulativeProbability(0.975);
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }
}
