package dev.fleetsim.scenario.spec;

/** A commitment term: 1 year = 31,536,000 s, 3 years = 94,608,000 s (aws-rules.md item 2). */
public enum Term {
    ONE_YEAR("1y", 31_536_000L), THREE_YEARS("3y", 94_608_000L);

    private final String key;
    private final long seconds;

    Term(String key, long seconds) {
        this.key = key;
        this.seconds = seconds;
    }

    public String key() {
        return key;
    }

    public long seconds() {
        return seconds;
    }
}
