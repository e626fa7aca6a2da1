package dev.fleetsim.report;

/** Mean, standard deviation and 95% confidence interval of a measure. */
public record Estimate(double mean, double stddev, double ci95Low, double ci95High) {

    public Estimate {
        for (double d : new double[] {mean, stddev, ci95Low, ci95High}) {
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("estimates must be finite numbers");
            }
        }
        if (ci95Low > ci95High) {
            throw new IllegalArgumentException("ci95Low is above ci95High");
        }
    }
}
