package dev.fleetsim.run;

import dev.fleetsim.autoscaling.Karpenter;
import dev.fleetsim.autoscaling.KarpenterCounters;
import dev.fleetsim.autoscaling.KarpenterPoolConfig;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.autoscaling.ClusterAutoscaler;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.cluster.NodeProvisioner;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.placement.DaemonSet;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.placement.Toleration;
import dev.fleetsim.placement.TopologySpreadConstraint;
import dev.fleetsim.report.KarpenterPoolReport;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec.NodePoolKind;
import dev.fleetsim.scenario.spec.Quantity;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.TaintSpec;
import dev.fleetsim.scenario.spec.TolerationSpec;
import dev.fleetsim.scenario.spec.TopologySpreadSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec;
import dev.fleetsim.spot.MarketOfferingPrices;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.FargateSize;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import dev.fleetsim.report.ContainerScaling;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code eks.clusters} node pools and workloads on the container kernel (SPEC section 3, aws-rules.md items 6 and
 * 8); the control plane is billed by the runner.
 *
 * <ul>
 *   <li>A managed node pool is its node group ({@link ContainerGroup}, a {@link NodeGroup}): an Auto Scaling group
 *       with min, max, desired, all its {@code instanceTypes}, its zones and market, the desired capacity running
 *       at time 0. Nodes are real EC2 instances billed as EC2 in the pool's market; they carry the pool's labels and
 *       taints, plus the labels EKS puts on managed nodes ({@code eks.amazonaws.com/nodegroup},
 *       {@code eks.amazonaws.com/capacityType} ON_DEMAND | SPOT) and the built-in ones of their actual type and
 *       zone (node.kubernetes.io/instance-type, topology.kubernetes.io/zone). Allocatable and max pods are the EKS
 *       AMI's (core's {@code KubeReserved}, aws-rules.md E14). Spot nodes are cordoned and drained at the 2-minute
 *       notice ({@link ContainerInstances}).</li>
 *   <li>Each cluster has an {@link EksNodeProvisioner} ({@link NodeProvisioner}) through which its {@link Karpenter}
 *       (one per cluster with karpenter pools, all its pools in file order) launches single nodes, priced by
 *       {@link MarketOfferingPrices} (docs/containers.md, "Karpenter").</li>
 *   <li>DaemonSets reserve their requests and a pod slot on every node as it joins, if they fit.</li>
 *   <li>Deployments keep {@code replicas} pods; Jobs' pods arrive and run per SPEC section 5. Both are scheduled
 *       by {@link KubeScheduler} with the cluster's {@code scoring}; Deployment pods without their own
 *       topologySpread get kube-scheduler's system defaults (they belong to a ReplicaSet), Job pods do not.</li>
 *   <li>A pod in a namespace of a fargate pool runs on Fargate: one micro-VM per pod sized request + 256 MiB
 *       rounded up to a valid size (aws-rules.md items 5 and 6), x86_64 Linux, 20 GiB of storage, On-Demand,
 *       metered as {@link FargateUsage}.</li>
 *   <li>Pods that fit no node wait Pending, reported as {@code pending} at the horizon.</li>
 *   <li>{@code autoscaler: cluster-autoscaler}: a {@link ClusterAutoscaler} over the cluster's managed node groups
 *       with CA's defaults (random expander from the stream {@code ("autoscaler", eks/CLUSTER)}).</li>
 * </ul>
 *
 * <p>Ids: cluster k's nodes are {@code runIds(k, 2)} (node pool j from {@code + j x 2^32}, the provisioner's from
 * {@code + 255 x 2^32}), its Fargate pod runs {@code runIds(k, 3)} (see
 * {@link ContainerClusters}). Random streams: arrivals and durations of {@code eks/CLUSTER/WORKLOAD}.
 */
final class EksClusters {

    static final String NODEGROUP_LABEL = "eks.amazonaws.com/nodegroup";
    static final String CAPACITY_TYPE_LABEL = "eks.amazonaws.com/capacityType";
    /** The label Karpenter puts on its nodes: the NodePool that launched them. */
    static final String KARPENTER_NODEPOOL_LABEL = KarpenterPoolConfig.NODEPOOL_LABEL;
    /** EKS Fargate pods get 20 GiB of ephemeral storage, the amount included in the price (aws-rules.md item 5). */
    private static final int FARGATE_STORAGE_GIB = 20;

    /** One cluster's nodes, scheduler, pod runtime, managed node groups and node provisioner. */
    private record Cluster(ContainerHosts nodes, KubeScheduler scheduler, ClusterRuntime runtime,
            List<NodeGroup> nodeGroups, EksNodeProvisioner provisioner) {
    }

    private final List<WorkloadLine> lines = new ArrayList<>();
    private final List<CapacityLine> capacityLines = new ArrayList<>();
    /** By cluster name, in file order (the first of two clusters with one name). */
    private final Map<String, Cluster> clusters = new LinkedHashMap<>();
    private final List<ContainerGroup> groups = new ArrayList<>();
    private final List<EksNodeProvisioner> provisioners = new ArrayList<>();
    /** By cluster name: the Cluster Autoscaler of clusters with {@code autoscaler: cluster-autoscaler}. */
    private final Map<String, ClusterAutoscaler> autoscalers = new LinkedHashMap<>();
    /** The Cluster Autoscaler by each group it resizes; lookup only, never iterated. */
    private final Map<ContainerInstances, ClusterAutoscaler> autoscalerByGroup = new IdentityHashMap<>();
    /** Per cluster with Karpenter pools, in file order: its name and controller. */
    private final List<Map.Entry<String, Karpenter>> karpenters = new ArrayList<>();
    /** Every Karpenter pool's name and its cluster's provisioner, for forced interruptions. */
    private final List<Map.Entry<String, EksNodeProvisioner>> karpenterPoolNodes = new ArrayList<>();

    EksClusters(Simulation sim, RandomStreams streams, ScenarioSpec spec, InstanceCatalog catalog,
            UsageListener usage, CpuUtilization cpu, ContainerClusters.RunIds ids, CapacitySetup capacity) {
        List<EksClusterSpec> specs = spec.eks().clusters();
        for (int k = 0; k < specs.size(); k++) {
            cluster(sim, streams, spec, catalog, usage, cpu, ids, k, specs.get(k), capacity);
        }
    }

    List<WorkloadLine> lines() {
        return lines;
    }

    /** Per managed node group, in file order, then each cluster's provisioned nodes: launches, interruptions. */
    List<CapacityLine> capacityLines() {
        return capacityLines;
    }

    /** What the Cluster Autoscaler did to {@code source}, or null when none resizes it. */
    ContainerScaling scaling(ContainerInstances source) {
        ClusterAutoscaler ca = autoscalerByGroup.get(source);
        if (ca == null) {
            return null;
        }
        int g = ca.groups().indexOf((NodeGroup) source);
        return new ContainerScaling("cluster-autoscaler", ca.peakDesired(g), ca.scaleUps(g), ca.nodesAdded(g),
                ca.scaleDowns(g), ca.nodesRemoved(g));
    }

    /** The cluster's Cluster Autoscaler, or null when it has none. */
    ClusterAutoscaler autoscaler(String cluster) {
        return autoscalers.get(cluster);
    }

    /** Every Karpenter NodePool's counters, clusters and pools in file order. */
    List<KarpenterPoolReport> karpenterReports() {
        List<KarpenterPoolReport> out = new ArrayList<>();
        for (Map.Entry<String, Karpenter> e : karpenters) {
            for (KarpenterCounters k : e.getValue().counters()) {
                out.add(new KarpenterPoolReport(e.getKey(), k.pool(), k.launched(), k.launchFailures(),
                        k.emptyDeleted(), k.underutilizedDeleted(), k.replaced(), k.expired(), k.lost(),
                        k.peakNodes(), k.limitBlocked()));
            }
        }
        return out;
    }

    /** The cluster's managed node groups, in file order; empty for an unknown name. */
    List<NodeGroup> nodeGroups(String cluster) {
        Cluster c = clusters.get(cluster);
        return c == null ? List.of() : c.nodeGroups();
    }

    /** The cluster's node provisioner (Karpenter's NodeClaims), or null for an unknown name. */
    NodeProvisioner provisioner(String cluster) {
        Cluster c = clusters.get(cluster);
        return c == null ? null : c.provisioner();
    }

    /** Every cluster's pod runtime, in file order (Fargate pods among them). */
    List<ClusterRuntime> runtimes() {
        List<ClusterRuntime> all = new ArrayList<>();
        for (Cluster c : clusters.values()) {
            all.add(c.runtime());
        }
        return all;
    }

    /** The cluster's pod runtime (Deployments, Jobs, Fargate pods), or null. */
    ClusterRuntime runtime(String cluster) {
        Cluster c = clusters.get(cluster);
        return c == null ? null : c.runtime();
    }

    /** The cluster's kube-scheduler, or null. */
    KubeScheduler scheduler(String cluster) {
        Cluster c = clusters.get(cluster);
        return c == null ? null : c.scheduler();
    }

    /**
     * A forced {@code spot-interruption} of every managed node group or Karpenter pool named {@code pool} (in any
     * cluster): each of its Spot nodes running then gets the notice.
     *
     * @return false if none has that name
     */
    boolean interrupt(String pool, long atMs) {
        boolean found = false;
        for (Map.Entry<String, EksNodeProvisioner> e : karpenterPoolNodes) {
            if (e.getKey().equals(pool)) {
                e.getValue().scheduleForcedNotice(atMs, KARPENTER_NODEPOOL_LABEL, pool);
                found = true;
            }
        }
        for (ContainerGroup g : groups) {
            if (g.name().equals(pool)) {
                g.scheduleForcedNotice(atMs);
                found = true;
            }
        }
        return found;
    }

    private void cluster(Simulation sim, RandomStreams streams, ScenarioSpec spec, InstanceCatalog catalog,
            UsageListener usage, CpuUtilization cpu, ContainerClusters.RunIds ids, int k, EksClusterSpec c,
            CapacitySetup capacity) {
        ContainerHosts nodes = ContainerHosts.eks();
        cpu.follow(nodes);
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.of(
                c.scoring() == EksClusterSpec.Scoring.MOST_ALLOCATED ? KubeSchedulerConfig.Scoring.MOST_ALLOCATED
                        : KubeSchedulerConfig.Scoring.LEAST_ALLOCATED));
        ClusterRuntime runtime = new ClusterRuntime(sim, streams, usage, ids.of(k, 3), nodes,
                spec.lifecycle().taskStartup().toMillis());
        // Namespace -> the zones of the first Fargate profile selecting it (lookup only).
        Map<String, List<String>> fargateZones = new HashMap<>();
        List<ContainerGroup> managed = new ArrayList<>();
        List<NodePoolSpec> pools = c.nodePools();
        for (int j = 0; j < pools.size(); j++) {
            NodePoolSpec p = pools.get(j);
            if (p.kind() == NodePoolKind.FARGATE) {
                for (String ns : p.namespaces()) {
                    fargateZones.putIfAbsent(ns, p.zones().isEmpty() ? spec.zones() : p.zones());
                }
            } else if (p.kind() == NodePoolKind.MANAGED) {
                // EKS creates managed Spot node groups with Capacity Rebalancing on.
                managed.add(ContainerClusters.group(sim, p.name(), catalog, p.instanceTypes(),
                        p.zones().isEmpty() ? spec.zones() : p.zones(), p.min(), p.max(), p.desired(), p.market(),
                        p.os(), labels(p), taints(p), true, nodes, runtime, usage, capacity, ids.pool(k, 2, j)));
            }
            // Karpenter pools launch nodes only when pods need them, through the provisioner below.
        }
        EksNodeProvisioner provisioner = new EksNodeProvisioner(sim, c.name(), nodes, runtime, usage,
                capacity.timings(), capacity.interruptions(), capacity.gate(),
                ids.pool(k, 2, ContainerClusters.RunIds.PROVISIONER_POOL));
        clusters.putIfAbsent(c.name(), new Cluster(nodes, scheduler, runtime, List.copyOf(managed), provisioner));
        groups.addAll(managed);
        provisioners.add(provisioner);
        int daemonSets = 0;
        for (WorkloadSpec w : c.workloads()) {
            long cpuMillicores = millicores(w.requests().cpu());
            long memoryMiB = mebibytes(w.requests().memory());
            if (w.kind() == WorkloadSpec.WorkloadKind.DAEMON_SET) {
                scheduler.addDaemonSet(new DaemonSet(w.name(), (int) cpuMillicores, (int) memoryMiB));
                lines.add(new DaemonSetLine(c.name(), w.name(), scheduler, daemonSets++));
                continue;
            }
            boolean deployment = w.kind() == WorkloadSpec.WorkloadKind.DEPLOYMENT;
            WorkloadLine line = new WorkloadLine(c.name(), w.name(), deployment ? "eks-deployment" : "eks-job");
            lines.add(line);
            TaskTarget target;
            List<String> podZones = fargateZones.get(w.namespace());
            if (podZones != null) {
                FargateSize size = FargateSize.forEksPod(cpuMillicores, memoryMiB);
                target = new TaskTarget.OnFargate(new FargateUsage(false, OperatingSystem.LINUX, size.cpuUnits(),
                        size.memoryMiB(), FARGATE_STORAGE_GIB, false));
            } else {
                target = new TaskTarget.OnHosts(scheduler.group(podSpec(w, (int) cpuMillicores, (int) memoryMiB,
                        deployment)));
            }
            String name = WorkloadLine.streamName("eks", c.name(), w.name());
            Workload workload = deployment ? runtime.addService(name, target, w.replicas())
                    : runtime.addJob(name, target, WorkloadLine.arrivals(w.arrivals()), WorkloadLine.duration(w.duration()));
            if (podZones != null) {
                runtime.fargateZones().assign(workload, podZones);
            }
            line.add(runtime, workload);
        }
        // Nodes join after the DaemonSets and workloads are known, as the fixed fleet did.
        for (ContainerGroup g : managed) {
            g.start();
            capacityLines.add(new CapacityLine(c.name(), g.name(), "eks-node-group", g));
        }
        if (c.autoscaler() == EksClusterSpec.Autoscaler.CLUSTER_AUTOSCALER && !managed.isEmpty()) {
            // CA's default expander (random), drawn from the cluster's own stream.
            ClusterAutoscaler ca = new ClusterAutoscaler(sim, runtime, scheduler, List.copyOf(managed),
                    ClusterAutoscaler.Config.DEFAULT, streams.stream("autoscaler", "eks/" + c.name()));
            ca.start();
            autoscalers.putIfAbsent(c.name(), ca);
            for (ContainerGroup g : managed) {
                autoscalerByGroup.put(g, ca);
            }
        }
        capacityLines.add(new CapacityLine(c.name(), c.name() + "-node", CapacityLine.EKS_PROVISIONED_NODES,
                provisioner));
        List<KarpenterPoolConfig> karpenterPools = new ArrayList<>();
        for (NodePoolSpec p : pools) {
            if (p.kind() == NodePoolKind.KARPENTER) {
                karpenterPools.add(karpenterPool(p, spec, catalog));
                karpenterPoolNodes.add(Map.entry(p.name(), provisioner));
            }
        }
        if (!karpenterPools.isEmpty()) {
            if (capacity.book() == null) {
                throw new IllegalArgumentException("cluster " + c.name() + " has Karpenter pools, but this run has no"
                        + " price book to choose their instances by price");
            }
            karpenters.add(Map.entry(c.name(), new Karpenter(sim, runtime, scheduler, provisioner,
                    new MarketOfferingPrices(capacity.spotRates(), capacity.book(), capacity.start()),
                    karpenterPools)));
        }
    }

    /**
     * A karpenter node pool: its candidates, zones (default the scenario's), market, OS, labels, taints,
     * consolidation, consolidateAfter, expireAfter and limits; the disruption budget is Karpenter's default 10%.
     */
    private static KarpenterPoolConfig karpenterPool(NodePoolSpec p, ScenarioSpec spec, InstanceCatalog catalog) {
        List<InstanceType> types = new ArrayList<>();
        for (String t : p.instanceTypes()) {
            types.add(catalog.require(t));
        }
        long cpuLimit = Long.MAX_VALUE;
        long memoryLimit = Long.MAX_VALUE;
        if (p.limits() != null) {
            cpuLimit = p.limits().cpu() == null ? Long.MAX_VALUE : p.limits().cpu().millicores();
            memoryLimit = p.limits().memory() == null ? Long.MAX_VALUE : p.limits().memory().mebibytes();
        }
        return new KarpenterPoolConfig(p.name(), types, p.zones().isEmpty() ? spec.zones() : p.zones(), p.market(),
                p.os(), p.labels(), taints(p), p.consolidation(), p.consolidateAfter().toMillis(),
                p.expireAfter().toMillis(), cpuLimit, memoryLimit, KarpenterPoolConfig.DEFAULT_BUDGET_PERCENT);
    }

    private static PodSpec podSpec(WorkloadSpec w, int cpuMillicores, int memoryMiB, boolean deployment) {
        List<Toleration> tolerations = new ArrayList<>();
        for (TolerationSpec t : w.tolerations()) {
            String key = t.key() == null ? "" : t.key();
            tolerations.add(t.operator() == TolerationSpec.Operator.EXISTS ? Toleration.exists(key, effect(t.effect()))
                    : Toleration.equal(key, t.value(), effect(t.effect())));
        }
        List<TopologySpreadConstraint> spread = new ArrayList<>();
        for (TopologySpreadSpec t : w.topologySpread()) {
            spread.add(new TopologySpreadConstraint(t.topologyKey(), t.maxSkew(),
                    t.whenUnsatisfiable() == TopologySpreadSpec.WhenUnsatisfiable.DO_NOT_SCHEDULE
                            ? TopologySpreadConstraint.WhenUnsatisfiable.DO_NOT_SCHEDULE
                            : TopologySpreadConstraint.WhenUnsatisfiable.SCHEDULE_ANYWAY));
        }
        if (spread.isEmpty() && deployment) {
            spread.addAll(TopologySpreadConstraint.SYSTEM_DEFAULTS);
        }
        return new PodSpec(w.name(), cpuMillicores, memoryMiB, w.nodeSelector(), List.of(), tolerations, spread);
    }

    private static Map<String, String> labels(NodePoolSpec p) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(NODEGROUP_LABEL, p.name());
        labels.put(CAPACITY_TYPE_LABEL, p.market() == Market.SPOT ? "SPOT" : "ON_DEMAND");
        labels.putAll(p.labels());
        return labels;
    }

    private static List<Taint> taints(NodePoolSpec p) {
        List<Taint> taints = new ArrayList<>();
        for (TaintSpec t : p.taints()) {
            taints.add(new Taint(t.key(), t.value(), effect(t.effect())));
        }
        return taints;
    }

    private static dev.fleetsim.cluster.TaintEffect effect(dev.fleetsim.scenario.spec.TaintEffect e) {
        if (e == null) {
            return null;
        }
        return switch (e) {
            case NO_SCHEDULE -> dev.fleetsim.cluster.TaintEffect.NO_SCHEDULE;
            case PREFER_NO_SCHEDULE -> dev.fleetsim.cluster.TaintEffect.PREFER_NO_SCHEDULE;
            case NO_EXECUTE -> dev.fleetsim.cluster.TaintEffect.NO_EXECUTE;
        };
    }

    private static long millicores(Quantity q) {
        return q == null ? 0 : q.millicores();
    }

    private static long mebibytes(Quantity q) {
        return q == null ? 0 : q.mebibytes();
    }

    /**
     * A DaemonSet's line: one pod per node that joined. Those on nodes still there run (or pend, where they did not
     * fit) at the horizon; a pod whose node left went with it and counts as completed.
     */
    private static final class DaemonSetLine extends WorkloadLine {
        private final KubeScheduler scheduler;
        private final int index;

        DaemonSetLine(String cluster, String name, KubeScheduler scheduler, int index) {
            super(cluster, name, "eks-daemonset");
            this.scheduler = scheduler;
            this.index = index;
        }

        @Override
        WorkloadReport report(String shownName) {
            long launched = scheduler.daemonPodsPlaced(index) + scheduler.daemonPodsNotPlaced(index);
            long running = scheduler.daemonPodsRunning(index);
            long pending = scheduler.daemonPodsPendingNow(index);
            return new WorkloadReport(shownName, kind, launched, launched - running - pending, pending, 0, running);
        }
    }
}
