package dev.fleetsim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fleetsim.scenario.UserText;

/**
 * {@code advisor}: prices mean-revert around On-Demand x (1 - Spot Advisor savings). {@code {trace: {file:
 * prices.csv}}}: replay a price history (columns timestamp, availability_zone, type, spot_price_usd_per_hour,
 * as in the AWS DescribeSpotPriceHistory export).
 */
public record SpotModelSpec(SpotTraceSpec trace) {

    public static final SpotModelSpec ADVISOR = new SpotModelSpec(null);

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public SpotModelSpec {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static SpotModelSpec of(String word) {
        if ("advisor".equals(word)) {
            return ADVISOR;
        }
        if ("trace".equals(word)) {
            throw new IllegalArgumentException("a trace model needs its file: model: {trace: {file: prices.csv}}");
        }
        throw new IllegalArgumentException(UserText.quote(word) + " is not a Spot model; write advisor or"
                + " {trace: {file: prices.csv}}");
    }

    public boolean isAdvisor() {
        return trace == null;
    }
}
