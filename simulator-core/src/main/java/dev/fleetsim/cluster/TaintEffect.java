package dev.fleetsim.cluster;

/** What a node taint does to pods that do not tolerate it (aws-rules.md item 8). */
public enum TaintEffect {
    /** The scheduler does not place an intolerant pod on the node. */
    NO_SCHEDULE("NoSchedule"),
    /** The scheduler avoids the node: a lower TaintToleration score, never a filter. */
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    /** As NoSchedule for scheduling (running pods would also be evicted; placement only sees the filter). */
    NO_EXECUTE("NoExecute");

    private final String key;

    TaintEffect(String key) {
        this.key = key;
    }

    /** The spelling Kubernetes uses, e.g. "NoSchedule". */
    public String key() {
        return key;
    }
}
