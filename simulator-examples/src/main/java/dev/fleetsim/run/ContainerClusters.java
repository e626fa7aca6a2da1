package dev.fleetsim.run;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.cluster.NodeProvisioner;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.demand.DemandMeter;
import dev.fleetsim.demand.DemandSignal;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.report.KarpenterPoolReport;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.report.ContainerScaling;
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
        static final int POOL_BITS = 32;
        /** The pool slot of an EKS cluster's provisioned nodes; capacity providers and node pools take 0..254. */
        static final int PROVISIONER_POOL = 255;

        long of(int cluster, int slot) {
            return firstRunId + ((4L * cluster + slot) << BLOCK_BITS);
        }

        /** The first run id of the {@code pool}-th capacity provider or node pool of a cluster's slot block. */
        long pool(int cluster, int slot, int pool) {
            if (pool < 0 || pool > PROVISIONER_POOL) {
                throw new IllegalArgumentException("a cluster holds at most " + PROVISIONER_POOL
                        + " capacity providers or node pools, got index " + pool);
            }
            return of(cluster, slot) + ((long) pool << POOL_BITS);
        }
    }

    private final Simulation sim;
    private final CpuUtilization cpu;
    private final List<WorkloadLine> lines = new ArrayList<>();
    private final RunHours hours;
    private final int[] pendingAtHourEnd;
    private final EventHandler onHourEnd = (s, hour) -> hourEnd((int) hour);
    private final EcsClusters ecs;
    private final EksClusters eks;

    /** On-Demand container capacity only: no Spot market, no interruptions, default lifecycle timings. */
    ContainerClusters(Simulation sim, ScenarioSpec spec, InstanceCatalog catalog, UsageListener usage,
            RandomStreams streams, RunHours hours, long firstRunId) {
        this(sim, spec, catalog, usage, streams, hours, firstRunId, CapacitySetup.onDemandOnly(spec.start()));
    }

    /** Without demand signals: for scenarios whose workloads do not autoscale. */
    ContainerClusters(Simulation sim, ScenarioSpec spec, InstanceCatalog catalog, UsageListener usage,
            RandomStreams streams, RunHours hours, long firstRunId, CapacitySetup capacity) {
        this(sim, spec, catalog, usage, streams, Map.of(), hours, firstRunId, capacity);
    }

    /**
     * @param streams the run's random streams (from the scenario seed), shared with the other sources
     * @param hours the run's clock-hours, for the hourly samples and demand integrals
     */
    ContainerClusters(Simulation sim, ScenarioSpec spec, InstanceCatalog catalog, UsageListener usage,
            RandomStreams streams, Map<String, DemandSignal> signals, RunHours hours, long firstRunId,
            CapacitySetup capacity) {
        this.sim = sim;
        this.cpu = new CpuUtilization(sim);
        RunIds ids = new RunIds(firstRunId);
        ecs = new EcsClusters(sim, streams, spec, catalog, usage, cpu, ids, capacity);
        lines.addAll(ecs.lines());
        eks = new EksClusters(sim, streams, spec, catalog, usage, cpu, ids, capacity);
        lines.addAll(eks.lines());
        // Scaling, deployments and Fargate Spot interruptions of the workloads just built.
        new ContainerDynamics(sim, spec, catalog, signals, lines, hours);
        this.hours = hours;
        this.pendingAtHourEnd = lines.isEmpty() ? null : new int[hours.count()];
        if (pendingAtHourEnd != null && hours.count() > 0) {
            sim.schedule(hours.endOf(0), Phase.OBSERVATION, onHourEnd, 0);
        }
    }

    /** Samples the waiting tasks and pods at the end of clock-hour {@code hour}, after everything else at that instant. */
    private void hourEnd(int hour) {
        int pending = 0;
        for (WorkloadLine l : lines) {
            pending += l.pendingNow();
        }
        pendingAtHourEnd[hour] = pending;
        if (hour + 1 < hours.count()) {
            sim.schedule(hours.endOf(hour + 1), Phase.OBSERVATION, onHourEnd, hour + 1);
        }
    }

    /** Container tasks and pods waiting at the end of each clock-hour; null without container workloads. */
    int[] pendingAtHourEnd() {
        return pendingAtHourEnd;
    }

    /** The demand meters of autoscaled services and Deployments, in line order. */
    List<DemandMeter> demandMeters() {
        List<DemandMeter> meters = new ArrayList<>();
        for (WorkloadLine l : lines) {
            if (l.served != null) {
                meters.add(l.served.meter());
            }
        }
        return meters;
    }

    /**
     * A zone outage begins for Fargate: every ECS Fargate task and EKS Fargate pod in {@code zone} stops, services and
     * Deployments replace theirs in their other zones, Job pods run again, ECS standalone tasks are interrupted
     * ({@link dev.fleetsim.workload.FargateZones}).
     */
    void failFargateZone(String zone) {
        for (ClusterRuntime rt : ecs.fargateRuntimes()) {
            rt.fargateZones().fail(zone, false);
        }
        for (ClusterRuntime rt : eks.runtimes()) {
            rt.fargateZones().fail(zone, true);
        }
    }

    /** The zone is back for Fargate: tasks that waited for an open zone start. */
    void restoreFargateZone(String zone) {
        for (ClusterRuntime rt : ecs.fargateRuntimes()) {
            rt.fargateZones().restore(zone);
        }
        for (ClusterRuntime rt : eks.runtimes()) {
            rt.fargateZones().restore(zone);
        }
    }

    /** The ECS clusters: node groups of capacity providers, runtimes, placers. */
    EcsClusters ecs() {
        return ecs;
    }

    /** The EKS clusters: managed node groups, node provisioners, runtimes, schedulers. */
    EksClusters eks() {
        return eks;
    }

    /**
     * The Auto Scaling groups of a cluster's EC2 capacity providers (ECS) or managed node groups (EKS), in file
     * order; an ECS and an EKS cluster of the same name give the ECS one's.
     */
    List<NodeGroup> nodeGroups(String cluster) {
        List<NodeGroup> groups = ecs.nodeGroups(cluster);
        return groups.isEmpty() ? eks.nodeGroups(cluster) : groups;
    }

    /** Every Karpenter NodePool's counters, EKS clusters and pools in file order. */
    List<KarpenterPoolReport> karpenterReports() {
        return eks.karpenterReports();
    }

    /** The node provisioner of an EKS cluster (for Karpenter), or null. */
    NodeProvisioner provisioner(String eksCluster) {
        return eks.provisioner(eksCluster);
    }

    /**
     * A forced {@code spot-interruption} of a capacity provider or managed node pool: every Spot instance of it
     * running at {@code atMs} gets the 2-minute notice then.
     *
     * @return false if no provider or pool has that name
     */
    boolean interrupt(String target, long atMs) {
        boolean ecsFound = ecs.interrupt(target, atMs);
        return eks.interrupt(target, atMs) || ecsFound;
    }

    /** Per container capacity source, ECS providers first, in file order. */
    List<CapacityLine> capacityLines() {
        List<CapacityLine> all = new ArrayList<>(ecs.capacityLines());
        all.addAll(eks.capacityLines());
        return all;
    }

    /** What a capacity controller did to {@code source}, or null when none resizes it. */
    ContainerScaling scaling(ContainerInstances source) {
        ContainerScaling s = ecs.scaling(source);
        return s != null ? s : eks.scaling(source);
    }

    /** Spot interruption notices of container instances and nodes. */
    long notices() {
        long n = 0;
        for (CapacityLine l : capacityLines()) {
            n += l.source().notices();
        }
        return n;
    }

    /** A capacity provider's or node pool's group on the run's instances and hosts, its Spot market from setup. */
    static ContainerGroup group(Simulation sim, String name, InstanceCatalog catalog, List<String> typeNames,
            List<String> zones, Integer min, Integer max, Integer desired, Market market, OperatingSystem os,
            Map<String, String> attributes, List<Taint> taints, boolean capacityRebalance, ContainerHosts hosts,
            ClusterRuntime runtime, UsageListener usage, CapacitySetup capacity, long firstRunId) {
        List<InstanceType> types = new ArrayList<>();
        for (String t : typeNames) {
            types.add(catalog.require(t));
        }
        int d = desired == null ? (min == null ? 0 : min) : desired;
        int lo = min == null ? Math.min(d, 0) : Math.min(min, d);
        int hi = max == null ? d : Math.max(max, d);
        return new ContainerGroup(sim, name, types, zones, lo, hi, d, market, os, attributes, taints,
                capacityRebalance, hosts, runtime, usage, capacity.timings(), capacity.interruptions(),
                market == Market.SPOT ? capacity.spotPools(name, os) : null, capacity.gate(), firstRunId);
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
