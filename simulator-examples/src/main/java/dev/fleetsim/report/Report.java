package dev.fleetsim.report;

import java.time.Duration;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The result of running a scenario: the pinned report of SPEC section 7. {@link ReportJson} writes it with
 * the field names and order shown there.
 *
 * @param replications null for a single run
 * @param demand null when no workload serves a demand signal; written after the pinned fields
 * @param containerCapacity per ECS capacity provider group, EKS managed node group and EKS cluster's provisioned
 *     nodes, in file order; empty without any (then not written)
 * @param karpenter per Karpenter NodePool, in file order; empty without any (then not written); after the pinned
 *     fields
 * @param faults null when the scenario limits no capacity pool and injects no zone outage or host failures
 */
public record Report(String scenario, long seed, Duration horizon, Bill bill, List<WorkloadReport> workloads,
        CapacityReport capacity, EventCounts events, Replications replications, DemandReport demand,
        List<ContainerCapacityReport> containerCapacity, List<KarpenterPoolReport> karpenter, FaultReport faults) {

    /** A report without Karpenter pools or faults. */
    public Report(String scenario, long seed, Duration horizon, Bill bill, List<WorkloadReport> workloads,
            CapacityReport capacity, EventCounts events, Replications replications, DemandReport demand,
            List<ContainerCapacityReport> containerCapacity) {
        this(scenario, seed, horizon, bill, workloads, capacity, events, replications, demand, containerCapacity,
                List.of(), null);
    }

    /** A report without container capacity or faults. */
    public Report(String scenario, long seed, Duration horizon, Bill bill, List<WorkloadReport> workloads,
            CapacityReport capacity, EventCounts events, Replications replications, DemandReport demand) {
        this(scenario, seed, horizon, bill, workloads, capacity, events, replications, demand, List.of());
    }

    /** A report of a scenario that serves no demand signal. */
    public Report(String scenario, long seed, Duration horizon, Bill bill, List<WorkloadReport> workloads,
            CapacityReport capacity, EventCounts events, Replications replications) {
        this(scenario, seed, horizon, bill, workloads, capacity, events, replications, null);
    }

    public Report {
        Objects.requireNonNull(scenario, "scenario");
        Objects.requireNonNull(horizon, "horizon");
        Objects.requireNonNull(bill, "bill");
        Objects.requireNonNull(capacity, "capacity");
        Objects.requireNonNull(events, "events");
        workloads = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(workloads, "workloads")));
        for (WorkloadReport w : workloads) {
            Objects.requireNonNull(w, "workload");
        }
        containerCapacity = List.copyOf(Objects.requireNonNull(containerCapacity, "containerCapacity"));
        karpenter = List.copyOf(Objects.requireNonNull(karpenter, "karpenter"));
    }
}
