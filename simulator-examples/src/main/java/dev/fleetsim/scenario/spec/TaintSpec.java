package dev.fleetsim.scenario.spec;

/** A node taint; value may be empty. */
public record TaintSpec(String key, String value, TaintEffect effect) {

    public TaintSpec {
        value = Specs.or(value, "");
    }
}
