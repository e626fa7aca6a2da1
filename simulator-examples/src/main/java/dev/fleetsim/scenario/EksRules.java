package dev.fleetsim.scenario;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.host.Market;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec.NodePoolKind;
import dev.fleetsim.scenario.spec.PodAutoscalingSpec;
import dev.fleetsim.scenario.spec.Quantity;
import dev.fleetsim.scenario.spec.ResourcesSpec;
import dev.fleetsim.scenario.spec.TolerationSpec;
import dev.fleetsim.scenario.spec.TopologySpreadSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec.WorkloadKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** EKS clusters, node pools and workloads (aws-rules.md items 6 and 8). */
final class EksRules {

    /** EKS adds 256 MiB to a Fargate pod's memory request before rounding (aws-rules.md item 6). */
    private static final int FARGATE_POD_OVERHEAD_MIB = 256;

    private EksRules() {
    }

    static void check(Check c) {
        List<EksClusterSpec> clusters = c.spec.eks().clusters();
        c.uniqueNames("eks.clusters", clusters, EksClusterSpec::name, "cluster");
        for (int i = 0; i < clusters.size(); i++) {
            String path = Issues.index("eks.clusters", i);
            if (!c.nullItem(path, clusters.get(i))) {
                cluster(c, path, clusters.get(i));
            }
        }
    }

    private static void cluster(Check c, String path, EksClusterSpec cl) {
        c.requiredText(Issues.child(path, "name"), cl.name(), "");
        String poolsPath = Issues.child(path, "nodePools");
        c.uniqueNames(poolsPath, cl.nodePools(), NodePoolSpec::name, "node pool");
        List<InstanceType> nodeTypes = new ArrayList<>();
        Set<String> fargateNamespaces = new HashSet<>();
        for (int i = 0; i < cl.nodePools().size(); i++) {
            String p = Issues.index(poolsPath, i);
            NodePoolSpec pool = cl.nodePools().get(i);
            if (!c.nullItem(p, pool)) {
                nodeTypes.addAll(pool(c, p, pool));
                if (pool.kind() == NodePoolKind.FARGATE) {
                    fargateNamespaces.addAll(pool.namespaces());
                }
            }
        }
        if (!cl.workloads().isEmpty() && cl.nodePools().isEmpty()) {
            c.issues.add(poolsPath, "the cluster has workloads but no node pools, so nothing can run them",
                    "add e.g. {name: general, kind: managed, instanceTypes: [m7g.large], min: 1, max: 10}");
        }
        for (int i = 0; i < cl.workloads().size(); i++) {
            String p = Issues.index(Issues.child(path, "workloads"), i);
            WorkloadSpec w = cl.workloads().get(i);
            if (!c.nullItem(p, w)) {
                workload(c, p, path, w, nodeTypes, fargateNamespaces);
            }
        }
    }

    /** Returns the pool's EC2 instance types (none for Fargate profiles). */
    private static List<InstanceType> pool(Check c, String path, NodePoolSpec p) {
        c.requiredText(Issues.child(path, "name"), p.name(), "");
        if (!c.required(Issues.child(path, "kind"), p.kind(), "managed, karpenter or fargate")) {
            return List.of();
        }
        String kind = "to a " + EnumKeys.key(p.kind()) + " node pool";
        c.zoneSubset(Issues.child(path, "zones"), p.zones());
        for (int i = 0; i < p.taints().size(); i++) {
            String tp = Issues.index(Issues.child(path, "taints"), i);
            if (!c.nullItem(tp, p.taints().get(i))) {
                c.requiredText(Issues.child(tp, "key"), p.taints().get(i).key(), "");
                c.required(Issues.child(tp, "effect"), p.taints().get(i).effect(), "NoSchedule, PreferNoSchedule or"
                        + " NoExecute");
            }
        }
        for (String label : p.labels().keySet()) {
            if (HostAttributes.isBuiltIn(label)) {
                c.issues.add(Issues.child(Issues.child(path, "labels"), label), "is a well-known label the node"
                        + " gets from its type, zone and OS", "remove it; select on it with nodeSelector instead");
            }
        }
        if (p.kind() == NodePoolKind.FARGATE) {
            if (p.namespaces().isEmpty()) {
                c.issues.add(Issues.child(path, "namespaces"), "a Fargate profile needs at least one namespace",
                        "e.g. namespaces: [batch]");
            }
            if (!p.instanceTypes().isEmpty()) {
                c.issues.add(Issues.child(path, "instanceTypes"), "does not apply " + kind, "remove it");
            }
            c.notApplicable(Issues.child(path, "min"), p.min(), kind);
            c.notApplicable(Issues.child(path, "max"), p.max(), kind);
            if (p.market() == Market.SPOT) {
                c.issues.add(Issues.child(path, "market"), "EKS runs Fargate pods On-Demand only", "remove it");
            }
            c.notApplicable(Issues.child(path, "limits"), p.limits(), kind);
            c.notApplicable(Issues.child(path, "consolidation"), p.consolidation(), kind);
            if (!p.taints().isEmpty()) {
                c.issues.add(Issues.child(path, "taints"), "does not apply " + kind, "remove it");
            }
            return List.of();
        }
        c.target(p.name(), new Check.Target(path, "node pool", p.market() == Market.SPOT));
        List<InstanceType> types = c.instanceTypes(Issues.child(path, "instanceTypes"), p.instanceTypes());
        c.osRunsOn(Issues.child(path, "os"), p.os(), types);
        if (!p.namespaces().isEmpty()) {
            c.issues.add(Issues.child(path, "namespaces"), "does not apply " + kind + "; only Fargate profiles"
                    + " select namespaces", "remove it");
        }
        if (p.kind() == NodePoolKind.MANAGED) {
            c.minDesiredMax(path, p.min(), p.desired(), p.max());
            c.notApplicable(Issues.child(path, "limits"), p.limits(), kind);
            c.notApplicable(Issues.child(path, "consolidation"), p.consolidation(), kind);
            c.notApplicable(Issues.child(path, "consolidateAfter"), p.consolidateAfter(), kind);
            c.notApplicable(Issues.child(path, "expireAfter"), p.expireAfter(), kind);
        } else {
            c.notApplicable(Issues.child(path, "min"), p.min(), kind + "; Karpenter sizes itself (use limits)");
            c.notApplicable(Issues.child(path, "max"), p.max(), kind + "; Karpenter sizes itself (use limits)");
            if (p.desired() != null && !p.desired().equals(p.min())) {
                c.issues.add(Issues.child(path, "desired"), "does not apply " + kind, "remove it");
            }
            c.nonNegative(Issues.child(path, "consolidateAfter"), p.consolidateAfter());
            c.positive(Issues.child(path, "expireAfter"), p.expireAfter());
            if (p.limits() != null) {
                nonNegative(c, Issues.child(path, "limits"), p.limits());
            }
        }
        return types;
    }

    private static void workload(Check c, String path, String clusterPath, WorkloadSpec w, List<InstanceType> nodeTypes,
            Set<String> fargateNamespaces) {
        c.workloadName(clusterPath, path, w.name());
        if (!c.required(Issues.child(path, "kind"), w.kind(), "Deployment, DaemonSet or Job")) {
            return;
        }
        String kind = "to a " + w.kind().key();
        nonNegative(c, Issues.child(path, "requests"), w.requests());
        boolean onFargate = fargateNamespaces.contains(w.namespace());
        switch (w.kind()) {
            case DEPLOYMENT:
                c.atLeast(Issues.child(path, "replicas"), w.replicas(), 0);
                c.notApplicable(Issues.child(path, "arrivals"), w.arrivals(), kind);
                c.notApplicable(Issues.child(path, "duration"), w.duration(), kind + "; its pods run until scaled in");
                if (w.autoscaling() != null) {
                    autoscaling(c, Issues.child(path, "autoscaling"), w.autoscaling());
                }
                break;
            case DAEMON_SET:
                c.notApplicable(Issues.child(path, "replicas"), w.replicas(), kind + "; it runs one pod per node");
                c.notApplicable(Issues.child(path, "arrivals"), w.arrivals(), kind);
                c.notApplicable(Issues.child(path, "duration"), w.duration(), kind);
                c.notApplicable(Issues.child(path, "autoscaling"), w.autoscaling(), kind);
                if (onFargate) {
                    c.issues.add(Issues.child(path, "namespace"), "DaemonSets do not run on Fargate, and namespace "
                            + UserText.quote(w.namespace()) + " is served by a Fargate profile",
                            "use another namespace");
                }
                break;
            case JOB:
                c.notApplicable(Issues.child(path, "replicas"), w.replicas(), kind + "; use arrivals");
                c.notApplicable(Issues.child(path, "autoscaling"), w.autoscaling(), kind);
                WorkRules.arrivals(c, Issues.child(path, "arrivals"), w.arrivals());
                WorkRules.duration(c, Issues.child(path, "duration"), w.duration());
                break;
            default:
                throw new IllegalStateException(w.kind().toString());
        }
        tolerations(c, Issues.child(path, "tolerations"), w.tolerations());
        topologySpread(c, Issues.child(path, "topologySpread"), w.topologySpread());
        long cpuMilli = millicores(w.requests().cpu());
        long memMiB = mebibytes(w.requests().memory());
        if (onFargate && w.kind() != WorkloadKind.DAEMON_SET) {
            long cpuUnits = (cpuMilli * 1024 + 999) / 1000;
            long mem = memMiB + FARGATE_POD_OVERHEAD_MIB;
            if (cpuUnits > FargateSizes.largestCpuUnits() || mem > FargateSizes.largestMemoryMiB()) {
                c.issues.add(Issues.child(path, "requests"), "too large for Fargate: " + cpuMilli + "m cpu and "
                        + memMiB + " MiB + 256 MiB", "Fargate's largest size is 16 vCPU with 120 GiB");
            }
        } else if (!onFargate && !nodeTypes.isEmpty()) {
            boolean fits = false;
            for (InstanceType t : nodeTypes) {
                fits |= cpuMilli <= t.vcpu() * 1000L && memMiB <= t.memoryMiB();
            }
            if (!fits) {
                c.issues.add(Issues.child(path, "requests"), "no node pool has an instance type with " + cpuMilli
                        + "m cpu and " + memMiB + " MiB", "lower the requests or add a larger instance type");
            }
        }
    }

    private static void autoscaling(Check c, String path, PodAutoscalingSpec a) {
        c.signal(Issues.child(path, "signal"), a.signal());
        if (c.required(Issues.child(path, "perPod"), a.perPod(), "demand one pod serves")) {
            c.positive(Issues.child(path, "perPod"), a.perPod());
        }
        if (c.required(Issues.child(path, "targetUtilization"), a.targetUtilization(), "e.g. 0.6")) {
            c.fraction(Issues.child(path, "targetUtilization"), a.targetUtilization(), false);
        }
        c.atLeast(Issues.child(path, "min"), a.min(), 1);
        if (c.required(Issues.child(path, "max"), a.max(), "") && a.min() != null && a.min() > a.max()) {
            c.issues.add(Issues.child(path, "min"), "min " + a.min() + " is greater than max " + a.max(), "");
        }
    }

    private static void tolerations(Check c, String path, List<TolerationSpec> list) {
        for (int i = 0; i < list.size(); i++) {
            String p = Issues.index(path, i);
            TolerationSpec t = list.get(i);
            if (c.nullItem(p, t)) {
                continue;
            }
            if (t.operator() == TolerationSpec.Operator.EXISTS) {
                if (!t.value().isEmpty()) {
                    c.issues.add(Issues.child(p, "value"), "must be empty with operator Exists", "");
                }
            } else {
                c.requiredText(Issues.child(p, "key"), t.key(), "operator Equal matches a key and value");
            }
        }
    }

    private static void topologySpread(Check c, String path, List<TopologySpreadSpec> list) {
        for (int i = 0; i < list.size(); i++) {
            String p = Issues.index(path, i);
            TopologySpreadSpec t = list.get(i);
            if (c.nullItem(p, t)) {
                continue;
            }
            c.requiredText(Issues.child(p, "topologyKey"), t.topologyKey(),
                    "topology.kubernetes.io/zone or kubernetes.io/hostname");
            c.atLeast(Issues.child(p, "maxSkew"), t.maxSkew(), 1);
        }
    }

    private static void nonNegative(Check c, String path, ResourcesSpec r) {
        if (r.cpu() != null && r.cpu().isNegative()) {
            c.issues.add(Issues.child(path, "cpu"), "must not be negative, got " + r.cpu().text(), "");
        }
        if (r.memory() != null && r.memory().isNegative()) {
            c.issues.add(Issues.child(path, "memory"), "must not be negative, got " + r.memory().text(), "");
        }
    }

    private static long millicores(Quantity q) {
        return q == null || q.isNegative() ? 0 : q.millicores();
    }

    private static long mebibytes(Quantity q) {
        return q == null || q.isNegative() ? 0 : q.mebibytes();
    }
}
