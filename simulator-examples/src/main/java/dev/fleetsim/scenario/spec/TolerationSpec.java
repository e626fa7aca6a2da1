package dev.fleetsim.scenario.spec;

/**
 * Tolerates taints: operator Equal (default) matches key and value, Exists matches the key alone; a null
 * effect matches every effect.
 */
public record TolerationSpec(String key, Operator operator, String value, TaintEffect effect) {

    public TolerationSpec {
        operator = Specs.or(operator, Operator.EQUAL);
        value = Specs.or(value, "");
    }

    public enum Operator {
        EQUAL("Equal"), EXISTS("Exists");

        private final String key;

        Operator(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
