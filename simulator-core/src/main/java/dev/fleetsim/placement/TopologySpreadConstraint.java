package dev.fleetsim.placement;

import dev.fleetsim.cluster.HostAttributes;
import java.util.List;
import java.util.Objects;

/**
 * A pod topology spread constraint over the pods of the same workload (its label selector is taken to
 * select exactly the workload's own pods), aws-rules.md item 8: skew = pods in a domain - the least over
 * all domains; DoNotSchedule filters nodes where placing would exceed maxSkew, ScheduleAnyway only scores.
 */
public record TopologySpreadConstraint(String topologyKey, int maxSkew, WhenUnsatisfiable whenUnsatisfiable) {

    public enum WhenUnsatisfiable { DO_NOT_SCHEDULE, SCHEDULE_ANYWAY }

    /**
     * kube-scheduler's built-in defaults for pods that declare no constraints but belong to a Service,
     * ReplicaSet or StatefulSet (so Deployment pods): hostname maxSkew 3 and zone maxSkew 5, both
     * ScheduleAnyway (aws-rules.md item 8). Pass them explicitly; the scheduler adds nothing by itself.
     */
    public static final List<TopologySpreadConstraint> SYSTEM_DEFAULTS = List.of(
            new TopologySpreadConstraint(HostAttributes.K8S_HOSTNAME, 3, WhenUnsatisfiable.SCHEDULE_ANYWAY),
            new TopologySpreadConstraint(HostAttributes.K8S_ZONE, 5, WhenUnsatisfiable.SCHEDULE_ANYWAY));

    public TopologySpreadConstraint {
        Objects.requireNonNull(topologyKey, "topologyKey");
        Objects.requireNonNull(whenUnsatisfiable, "whenUnsatisfiable");
        if (maxSkew < 1) {
            throw new IllegalArgumentException("maxSkew must be >= 1, got " + maxSkew);
        }
    }

    public boolean hard() {
        return whenUnsatisfiable == WhenUnsatisfiable.DO_NOT_SCHEDULE;
    }
}
