package dev.fleetsim.commitment;

/**
 * How a commitment is paid (aws-rules.md item 2: All Upfront has no hourly charge; Partial and No Upfront pay
 * a discounted hourly fee for every hour of the term, used or not).
 */
public enum PaymentOption {
    ALL_UPFRONT("all-upfront"), PARTIAL_UPFRONT("partial-upfront"), NO_UPFRONT("no-upfront");

    private final String key;

    PaymentOption(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static PaymentOption fromKey(String key) {
        for (PaymentOption p : values()) {
            if (p.key.equals(key)) {
                return p;
            }
        }
        throw new IllegalArgumentException(
                "unknown payment option '" + key + "'; expected all-upfront, partial-upfront or no-upfront");
    }
}
