package dev.fleetsim.host;

/** Shared (default) or dedicated hardware. Size flexibility of RIs applies only to shared (aws-rules.md item 2). */
public enum Tenancy {
    SHARED, DEDICATED;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
