package dev.fleetsim.spot;

/**
 * The Spot price model's parameters: the log of (price / long-run level) is an AR(1) process with hourly steps, the
 * discrete Ornstein-Uhlenbeck process, so the price moves gradually and reverts to its level (aws-rules.md item 4:
 * "adjusted gradually based on the long-term supply of and demand").
 *
 * <p>Defaults, fitted to the real price history fleetsim ships as a sample (m5.large, us-east-1, 5 zones,
 * 2021-01-08..2021-02-09, about 750 hourly prices per zone, held from each change): the lag-1 hourly autocorrelation
 * of the log price averages 0.9936 over the zones (0.992..0.996), a half-life of 108 hours; its standard deviation
 * within a zone averages 1.15% (0.4%..2.3%). The sample also shows the zones' monthly means 4.7% apart (0.0380 to
 * 0.0428 USD), a persistent per-zone level the default model does not reproduce: every pool reverts to the same
 * advisor level. Raise {@code logSd} for more volatile markets.
 *
 * @param halfLifeHours hours for a deviation to halve on average; > 0
 * @param logSd stationary standard deviation of the log price; >= 0 (0: the price is the level)
 */
public record SpotPriceParameters(double halfLifeHours, double logSd) {

    /** Fitted to the shipped m5.large us-east-1 2021 history (see above). */
    public static final SpotPriceParameters DEFAULT = new SpotPriceParameters(108, 0.0115);

    public SpotPriceParameters {
        if (!(halfLifeHours > 0) || Double.isInfinite(halfLifeHours)) {
            throw new IllegalArgumentException("halfLifeHours must be a finite number > 0, got " + halfLifeHours);
        }
        if (!(logSd >= 0) || logSd > 5) {
            throw new IllegalArgumentException("logSd must be in [0, 5], got " + logSd);
        }
    }

    /** The hourly autocorrelation: {@code 0.5^(1 / halfLifeHours)}. */
    public double phi() {
        return Math.pow(0.5, 1.0 / halfLifeHours);
    }
}
