package dev.fleetsim.report;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What finite capacity and injected faults did (not in SPEC section 7's pinned list; written after it): per EC2
 * workload, per limited capacity pool, and the number of zone outages that began.
 *
 * @param workloads one line per {@code ec2.instances} entry and {@code ec2.groups} entry, in file order
 * @param pools one line per {@code capacity.pools} entry, in file order
 */
public record FaultReport(long zoneOutages, List<Workload> workloads, List<Pool> pools) {

    public FaultReport {
        if (zoneOutages < 0) {
            throw new IllegalArgumentException("zoneOutages must not be negative");
        }
        workloads = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(workloads, "workloads")));
        pools = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(pools, "pools")));
    }

    /**
     * @param insufficientCapacityErrors single pool attempts answered with InsufficientInstanceCapacity (a group then
     *     tries its next type or zone; a fixed instance's window launch fails)
     * @param failedLaunches launches that found no capacity in any pool they could use (a group retries later; a fixed
     *     instance waits for its next window)
     * @param hostFailures host failures under running instances
     * @param recoveries fixed instances brought back by EC2 auto-recovery after a host failure
     * @param outageFailures instances running or launching in a zone when its outage began
     * @param replacements instances a group launched right after losing one to a host failure or an outage
     * @param azRebalanceLaunches instances a group launched to move back into a zone after its outage (AZRebalance)
     * @param azRebalanceTerminations instances AZ rebalancing terminated in an over-represented zone
     */
    public record Workload(String name, String kind, long insufficientCapacityErrors, long failedLaunches,
            long hostFailures, long recoveries, long outageFailures, long replacements, long azRebalanceLaunches,
            long azRebalanceTerminations) {
        public Workload {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            if (insufficientCapacityErrors < 0 || failedLaunches < 0 || hostFailures < 0 || recoveries < 0
                    || outageFailures < 0 || replacements < 0 || azRebalanceLaunches < 0
                    || azRebalanceTerminations < 0) {
                throw new IllegalArgumentException("fault counts must not be negative: " + name);
            }
        }
    }

    /**
     * @param market {@code on-demand}, {@code spot} or {@code any} (both markets share the cap)
     * @param peak the most instances holding capacity in the pool at once
     * @param refused launches refused because the pool was full
     */
    public record Pool(String type, String zone, String market, int max, int peak, long refused) {
        public Pool {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(market, "market");
        }
    }
}
