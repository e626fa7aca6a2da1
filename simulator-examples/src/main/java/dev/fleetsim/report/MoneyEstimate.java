package dev.fleetsim.report;

import java.math.BigDecimal;
import java.util.Objects;

/** Mean, standard deviation and 95% confidence interval of an amount of money, in USD. */
public record MoneyEstimate(BigDecimal mean, BigDecimal stddev, BigDecimal ci95Low, BigDecimal ci95High) {

    public MoneyEstimate {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(stddev, "stddev");
        Objects.requireNonNull(ci95Low, "ci95Low");
        Objects.requireNonNull(ci95High, "ci95High");
        if (ci95Low.compareTo(ci95High) > 0) {
            throw new IllegalArgumentException("ci95Low is above ci95High");
        }
    }
}
