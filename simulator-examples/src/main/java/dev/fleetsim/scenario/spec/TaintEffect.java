package dev.fleetsim.scenario.spec;

/** Spelt as Kubernetes spells them (aws-rules.md item 8). */
public enum TaintEffect {
    NO_SCHEDULE("NoSchedule"), PREFER_NO_SCHEDULE("PreferNoSchedule"), NO_EXECUTE("NoExecute");

    private final String key;

    TaintEffect(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
