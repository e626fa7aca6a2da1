package dev.fleetsim.pricing;

import java.util.Objects;

/**
 * No rate is known for something a scenario uses. The message names it and says which {@code pricing.rates} entry
 * to add; the scenario layer turns it into a validation message.
 */
public final class MissingRateException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final RateMatch match;
    private final String region;

    public MissingRateException(RateMatch match, String region, String what, String why) {
        super("no " + what + " rate for " + describe(match) + " in " + region + ": " + why
                + "; add a pricing.rates entry with match: " + match);
        this.match = Objects.requireNonNull(match, "match");
        this.region = Objects.requireNonNull(region, "region");
    }

    /** The match a {@code pricing.rates} entry would need. */
    public RateMatch match() {
        return match;
    }

    public String region() {
        return region;
    }

    private static String describe(RateMatch match) {
        if (match instanceof InstanceMatch m) {
            return m.instanceType() + " (" + m.os().key() + ", " + m.tenancy().key() + " tenancy)";
        }
        FargateMatch f = (FargateMatch) match;
        return "Fargate " + f.unit().key() + " (" + f.arch().key() + ", " + f.os().key() + ")";
    }
}
