package dev.fleetsim.scenario.spec;

/**
 * A topology spread constraint (aws-rules.md item 8).
 *
 * @param topologyKey topology.kubernetes.io/zone or kubernetes.io/hostname
 * @param maxSkew default 1
 * @param whenUnsatisfiable default DoNotSchedule
 */
public record TopologySpreadSpec(String topologyKey, Integer maxSkew, WhenUnsatisfiable whenUnsatisfiable) {

    public TopologySpreadSpec {
        maxSkew = Specs.or(maxSkew, 1);
        whenUnsatisfiable = Specs.or(whenUnsatisfiable, WhenUnsatisfiable.DO_NOT_SCHEDULE);
    }

    public enum WhenUnsatisfiable {
        DO_NOT_SCHEDULE("DoNotSchedule"), SCHEDULE_ANYWAY("ScheduleAnyway");

        private final String key;

        WhenUnsatisfiable(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
