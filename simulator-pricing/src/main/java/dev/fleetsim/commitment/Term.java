package dev.fleetsim.commitment;

/** Commitment term. Exact lengths from aws-rules.md item 2: 1 year = 31,536,000 s, 3 years = 94,608,000 s. */
public enum Term {
    ONE_YEAR("1y", 31_536_000L), THREE_YEAR("3y", 94_608_000L);

    private final String key;
    private final long seconds;

    Term(String key, long seconds) {
        this.key = key;
        this.seconds = seconds;
    }

    /** YAML spelling: {@code 1y}, {@code 3y}. */
    public String key() {
        return key;
    }

    public long seconds() {
        return seconds;
    }

    public long millis() {
        return seconds * 1000L;
    }

    /** 8,760 or 26,280. */
    public long hours() {
        return seconds / 3600L;
    }

    public static Term fromKey(String key) {
        for (Term t : values()) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown term '" + key + "'; expected 1y or 3y");
    }
}
