package dev.fleetsim.host;

/** Platform of an EC2 instance; decides the billing granularity (aws-rules.md item 1). */
public enum OperatingSystem {
    LINUX, WINDOWS, RHEL, UBUNTU, SUSE;

    /** The YAML spelling: {@code linux}, {@code windows}, ... */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
