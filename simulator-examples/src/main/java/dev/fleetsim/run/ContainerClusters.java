package dev.fleetsim.run;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.demand.DemandSignal;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code ecs} and {@code eks} sections on the engine: {@link EcsClusters} and {@link EksClusters}, their
 * report lines and the mean CPU utilization of their hosts.
 *
 * <p>Run ids. Every source feeding the meter takes its own range: EC2 instances from 0, EKS control planes from
 * 2^40, Auto Scaling groups from 2^50 in slices of 2^32. Container clusters take blocks of 2^40 ids from
 * {@code firstRunId} (the runner passes 2^56, so the groups' range would need 2^24 groups to reach it):
 * cluster k of each section owns blocks 4k..4k+3, so {@link RunIds#of(int, int) of(k, slot)} = firstRunId +
 * (4k + slot) x 2^40 with slot 0 = ECS container instances, 1 = ECS Fargate tasks, 2 = EKS nodes, 3 = EKS
 * Fargate pods. A block holds 10^12 ids; about two million clusters fit below 2^63.
 *
 * <p>Report names: a workload is reported under its own name; where two container clusters use the same name,
 * those lines read {@code CLUSTER/NAME}.
 */
final class ContainerClusters {

    /** The run-id blocks of the container clusters. */
    record RunIds(long firstRunId) {
        static final int BLOCK_BITS = 40;

        long of(int cluster, int slot) {
            return firstRunId + ((4L * cluster + slot) << BLOCK_BITS);
        }
    }

    private final Simulation sim;
    private final CpuUtilization cpu;
    private final List<WorkloadLine> lines = new ArrayList<>();
    private final EcsClusters ecs;

    /** @param streams the run's random streams (from the scenario seed), shared with the other sources */
    ContainerClusters(Simulation sim, ScenarioSpec spec, InstanceCatalog catalog, UsageListener usage,
            RandomStreams streams, Map<String, DemandSignal> signals, long firstRunId) {
        this.sim = sim;
        this.cpu = new CpuUtilization(sim);
        RunIds ids = new RunIds(firstRunId);
        ecs = new EcsClusters(sim, streams, spec, catalog, usage, cpu, ids);
        lines.addAll(ecs.lines());
        lines.addAll(new EksClusters(sim, streams, spec, catalog, usage, cpu, ids).lines());
        // Scaling, deployments and Fargate Spot interruptions of the workloads just built.
        new ContainerDynamics(sim, spec, signals, lines);
    }

    /** The report lines, ECS clusters first, each cluster's workloads in file order; read after the run. */
    List<WorkloadReport> reports() {
        Map<String, Integer> uses = new HashMap<>();
        for (WorkloadLine l : lines) {
            uses.merge(l.name, 1, Integer::sum);
        }
        List<WorkloadReport> reports = new ArrayList<>(lines.size());
        for (WorkloadLine l : lines) {
            reports.add(l.report(uses.get(l.name) > 1 ? l.cluster + "/" + l.name : l.name));
        }
        return reports;
    }

    /** Container instances of the ECS cluster that run at least one task now. */
    int busyEcsHosts(String cluster) {
        return ecs.busyHosts(cluster);
    }

    /** capacity.meanCpuUtilization over the container hosts, up to the horizon; 0 without any. */
    double meanCpuUtilization() {
        return cpu.mean(sim.horizonMs());
    }
}
