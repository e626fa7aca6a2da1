package dev.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.placement.KubeSchedulerConfig.Scoring;
import dev.fleetsim.placement.TopologySpreadConstraint.WhenUnsatisfiable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kube-scheduler filters and scores (aws-rules.md item 8) on small EKS clusters. Node numbers: an m5.large
 * node has 2000m - 70m = 1930m and 8192 - (11 x 29 + 255) - 100 = 7518 MiB allocatable and 29 pods
 * (aws-rules.md E14, {@link dev.fleetsim.cluster.KubeReserved}).
 */
final class KubeSchedulerTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    private static HostSpec node(String type, String zone, Map<String, String> labels, List<Taint> taints) {
        return new HostSpec(CATALOG.require(type), zone, OperatingSystem.LINUX, labels, taints);
    }

    private static List<Integer> placeAll(PlacementGroup g, int pods) {
        List<Integer> placed = new ArrayList<>();
        for (int i = 0; i < pods; i++) {
            placed.add(g.tryPlace());
        }
        return placed;
    }

    @Test
    void kubeScheduler_maxPods_aws_rules_E14_m5large_fits29() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        // 29 pods of 10m / 10Mi use 290m and 290 MiB, far under allocatable: the pod limit binds.
        PodGroup api = scheduler.group(PodSpec.of("api", 10, 10));
        assertThat(placeAll(api, 29)).containsOnly(0);
        assertThat(api.place()).isEqualTo(new PlacementDecision.Pending("0/1 nodes are available: 1 Too many pods."));
    }

    @Test
    void kubeScheduler_maxPods_aws_rules_E14_daemonSetTakesOneSlot_fits28() {
        ContainerHosts nodes = ContainerHosts.eks();
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        scheduler.addDaemonSet(new DaemonSet("agent", 100, 128));
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        assertThat(nodes.podsAllocated(0)).isEqualTo(1);
        assertThat(nodes.runningCount(0)).isZero();
        assertThat(nodes.cpuFree(0)).isEqualTo(1930 - 100);
        assertThat(nodes.memoryFreeMiB(0)).isEqualTo(7518 - 128);
        PodGroup api = scheduler.group(PodSpec.of("api", 10, 10));
        assertThat(placeAll(api, 29)).containsExactly(
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1);
    }

    @Test
    void daemonSet_spec3_addedLater_reservesOnExistingNodes() {
        ContainerHosts nodes = ContainerHosts.eks();
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        scheduler.addDaemonSet(new DaemonSet("agent", 100, 128));
        assertThat(nodes.podsAllocated(0)).isEqualTo(1);
        assertThat(nodes.cpuFree(0)).isEqualTo(1830);
    }

    @Test
    void daemonSets_countedEach_aPodThatDoesNotFitIsNotPlaced() {
        // m5.large: 1930m allocatable. "big" (1500m) fits on each of 2 nodes; "second" (500m) then finds only
        // 430m free and misses on both; "small" (100m) still fits: counts placed / not placed per DaemonSet.
        ContainerHosts nodes = ContainerHosts.eks();
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        scheduler.addDaemonSet(new DaemonSet("big", 1500, 128));
        scheduler.addDaemonSet(new DaemonSet("second", 500, 128));
        scheduler.addDaemonSet(new DaemonSet("small", 100, 128));
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "b"), "n1");
        assertThat(new int[] {scheduler.daemonPodsPlaced(0), scheduler.daemonPodsPlaced(1),
            scheduler.daemonPodsPlaced(2)}).containsExactly(2, 0, 2);
        assertThat(new int[] {scheduler.daemonPodsNotPlaced(0), scheduler.daemonPodsNotPlaced(1),
            scheduler.daemonPodsNotPlaced(2)}).containsExactly(0, 2, 0);
        assertThat(scheduler.daemonPodsNotPlaced()).isEqualTo(2);
        assertThat(nodes.cpuFree(0)).isEqualTo(1930 - 1500 - 100);
    }

    /**
     * Node 0 runs a 1000m / 2048 MiB pod, node 1 is empty; the incoming pod asks 500m / 1024 MiB.
     * LeastAllocated: node 0 cpu (1930 - 1500) x 100 / 1930 = 22, mem (7518 - 3072) x 100 / 7518 = 59,
     * fit (22 + 59) / 2 = 40; node 1 cpu 1430 x 100 / 1930 = 74, mem 6494 x 100 / 7518 = 86, fit 80.
     * BalancedAllocation: node 0 |1500/1930 - 3072/7518| / 2 = 0.1843 -> 81; node 1 |500/1930 - 1024/7518| / 2
     * = 0.0614 -> 93. TaintToleration: no taints -> 100 x 3 = 300 each.
     * Totals: node 0 = 40 + 81 + 300 = 421; node 1 = 80 + 93 + 300 = 473 -> node 1.
     * MostAllocated: node 0 cpu 1500 x 100 / 1930 = 77, mem 3072 x 100 / 7518 = 40, fit 58; node 1 cpu 25,
     * mem 13, fit 19. Totals: node 0 = 58 + 81 + 300 = 439; node 1 = 19 + 93 + 300 = 412 -> node 0.
     */
    @Test
    void nodeResourcesFit_leastVsMostAllocated_scoresByHand_aws_rules_item8() {
        for (Scoring scoring : Scoring.values()) {
            ContainerHosts nodes = ContainerHosts.eks();
            nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
            nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n1");
            KubeScheduler scheduler = new KubeScheduler(nodes, new KubeSchedulerConfig(scoring, 100));
            scheduler.group(PodSpec.of("big", 1000, 2048)).commit(0);
            PodGroup web = scheduler.group(PodSpec.of("web", 500, 1024));
            if (scoring == Scoring.LEAST_ALLOCATED) {
                assertThat(scheduler.scores(web)).containsExactly(421, 473);
                assertThat(web.findHost()).isEqualTo(1);
            } else {
                assertThat(scheduler.scores(web)).containsExactly(439, 412);
                assertThat(web.findHost()).isEqualTo(0);
            }
        }
    }

    @Test
    void kubeScores_aws_rules_item8_perResourceFormulas_byHand() {
        // (cap - req) x 100 / cap, integer: (1930 - 1500) x 100 / 1930 = 22.27 -> 22.
        assertThat(KubeScores.leastRequested(1500, 1930)).isEqualTo(22);
        assertThat(KubeScores.leastRequested(2000, 1930)).isZero();
        // req x 100 / cap: 1500 x 100 / 1930 = 77.7 -> 77; over capacity is capped: 100.
        assertThat(KubeScores.mostRequested(1500, 1930)).isEqualTo(77);
        assertThat(KubeScores.mostRequested(2500, 1930)).isEqualTo(100);
        // Reverse-normalized taint counts: 1 of max 2 -> 100 - 50 = 50; none anywhere -> 100.
        assertThat(KubeScores.taintToleration(1, 2)).isEqualTo(50);
        assertThat(KubeScores.taintToleration(0, 0)).isEqualTo(100);
    }

    @Test
    void percentageOfNodesToScore_kubeSchedulerAdaptiveDefault() {
        // Under 100 nodes: all. 1000 nodes: 50 - 1000/125 = 42% -> 420. 10000 nodes: 50 - 80 < 5 -> 5% = 500.
        // 150 nodes: 49% = 73, raised to the floor of 100. An explicit 10% of 1000 = 100; 100% = all.
        assertThat(KubeScores.numFeasibleNodesToFind(0, 50)).isEqualTo(50);
        assertThat(KubeScores.numFeasibleNodesToFind(0, 1000)).isEqualTo(420);
        assertThat(KubeScores.numFeasibleNodesToFind(0, 10000)).isEqualTo(500);
        assertThat(KubeScores.numFeasibleNodesToFind(0, 150)).isEqualTo(100);
        assertThat(KubeScores.numFeasibleNodesToFind(10, 1000)).isEqualTo(100);
        assertThat(KubeScores.numFeasibleNodesToFind(100, 5000)).isEqualTo(5000);
    }

    @Test
    void taints_aws_rules_item8_noSchedule_filters_unlessTolerated() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(node("m5.large", "a", Map.of(), List.of(new Taint("dedicated", "gpu", TaintEffect.NO_SCHEDULE))),
                "n0");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup plain = scheduler.group(PodSpec.of("plain", 100, 100));
        assertThat(plain.decide()).isEqualTo(new PlacementDecision.Pending(
                "0/1 nodes are available: 1 node(s) had untolerated taint {dedicated: gpu}."));
        int n1 = nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n1");
        // Both empty: equal scores, lowest index would be n0, but its taint filters it out.
        assertThat(plain.findHost()).isEqualTo(n1);
        PodGroup tolerant = scheduler.group(PodSpec.of("gpu", 100, 100)
                .withTolerations(List.of(Toleration.equal("dedicated", "gpu", TaintEffect.NO_SCHEDULE))));
        assertThat(tolerant.findHost()).isEqualTo(0);
        PodGroup anyTaint = scheduler.group(PodSpec.of("any", 100, 100)
                .withTolerations(List.of(Toleration.exists("", null))));
        assertThat(anyTaint.findHost()).isEqualTo(0);
        PodGroup wrongValue = scheduler.group(PodSpec.of("cpu", 100, 100)
                .withTolerations(List.of(Toleration.equal("dedicated", "cpu", TaintEffect.NO_SCHEDULE))));
        assertThat(wrongValue.findHost()).isEqualTo(n1);
    }

    @Test
    void taints_aws_rules_item8_noExecute_filtersLikeNoSchedule() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(node("m5.large", "a", Map.of(), List.of(new Taint("drain", "", TaintEffect.NO_EXECUTE))), "n0");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        assertThat(scheduler.group(PodSpec.of("p", 1, 1)).findHost()).isEqualTo(-1);
        assertThat(scheduler.group(PodSpec.of("t", 1, 1)
                .withTolerations(List.of(Toleration.exists("drain", TaintEffect.NO_EXECUTE)))).findHost()).isZero();
    }

    /**
     * Two empty m5.large nodes, node 0 with a PreferNoSchedule taint. Fit and balance are equal; TaintToleration
     * counts 1 intolerable taint on node 0, max 1: node 0 gets 100 - 100 x 1 / 1 = 0, node 1 gets 100, x3.
     * Node 1 wins by 300. When node 1 cannot fit, node 0 still takes the pod: PreferNoSchedule never filters.
     */
    @Test
    void taints_preferNoSchedule_scoresOnly_aws_rules_item8() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(node("m5.large", "a", Map.of(), List.of(new Taint("spot", "", TaintEffect.PREFER_NO_SCHEDULE))),
                "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n1");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup p = scheduler.group(PodSpec.of("p", 500, 500));
        long[] scores = scheduler.scores(p);
        assertThat(scores[1] - scores[0]).isEqualTo(300);
        assertThat(p.findHost()).isEqualTo(1);
        scheduler.group(PodSpec.of("filler", 1900, 100)).commit(1);
        assertThat(p.findHost()).isZero();
    }

    @Test
    void nodeAffinity_aws_rules_item8_selectorAndTerms_inNotInExists() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(node("m5.large", "a", Map.of("pool", "general"), List.of()), "n0");
        nodes.addHost(node("m5.large", "b", Map.of("pool", "gpu"), List.of()), "n1");
        nodes.addHost(node("m5.large", "c", Map.of(), List.of()), "n2");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        assertThat(scheduler.group(PodSpec.of("s", 1, 1).withNodeSelector(Map.of("pool", "gpu"))).findHost())
                .isEqualTo(1);
        assertThat(scheduler.group(PodSpec.of("in", 1, 1).withRequiredNodeAffinity(List.of(NodeSelectorTerm.of(
                NodeSelectorRequirement.in(HostAttributes.K8S_ZONE, "b", "c"))))).findHost()).isEqualTo(1);
        // NotIn also matches a node without the label: n2 lacks "pool".
        assertThat(scheduler.group(PodSpec.of("notin", 1, 1).withRequiredNodeAffinity(List.of(NodeSelectorTerm.of(
                NodeSelectorRequirement.notIn("pool", "general", "gpu"))))).findHost()).isEqualTo(2);
        // Terms are ORed, expressions in a term ANDed: (pool exists AND zone in [b]) OR (zone in [c]) -> n1, n2.
        PodGroup ored = scheduler.group(PodSpec.of("or", 1, 1).withRequiredNodeAffinity(List.of(
                NodeSelectorTerm.of(NodeSelectorRequirement.exists("pool"),
                        NodeSelectorRequirement.in(HostAttributes.K8S_ZONE, "b")),
                NodeSelectorTerm.of(NodeSelectorRequirement.in(HostAttributes.K8S_ZONE, "c")))));
        long[] scores = scheduler.scores(ored);
        assertThat(scores[0]).isEqualTo(Long.MIN_VALUE);
        assertThat(scores[1]).isGreaterThan(Long.MIN_VALUE);
        assertThat(scores[2]).isGreaterThan(Long.MIN_VALUE);
        PodGroup none = scheduler.group(PodSpec.of("x", 1, 1).withNodeSelector(Map.of("pool", "fpga")));
        assertThat(none.place()).isEqualTo(new PlacementDecision.Pending(
                "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."));
        PodGroup arm = scheduler.group(PodSpec.of("arm", 1, 1).withNodeSelector(Map.of(HostAttributes.K8S_ARCH, "arm64")));
        assertThat(arm.findHost()).isEqualTo(-1);
    }

    /**
     * Zone spread, DoNotSchedule, maxSkew 1; zone a: an m5.large (n0), zone b: a t3.micro (n1, 4 max pods,
     * aws-rules.md E14). Pods of 10m / 10Mi. Where both zones are allowed, n0 scores higher (more room).
     * Pod 1: a=0 b=0 -> n0. Pod 2: a=1 b=0 min 0: a would reach skew 2 -> n1. Pods 3..8 alternate the same way
     * (a first on a tie, then b). Pod 9: a=4 b=4 but n1 holds 4 pods (its max) -> n0. Pod 10: a=5 b=4 min 4:
     * a would reach skew 2, b has no pod slot -> pending.
     */
    @Test
    void topologySpread_aws_rules_item8_doNotSchedule_zoneSkew_byHand() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("t3.micro"), "b"), "n1");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup g = scheduler.group(PodSpec.of("api", 10, 10).withTopologySpread(List.of(
                new TopologySpreadConstraint(HostAttributes.K8S_ZONE, 1, WhenUnsatisfiable.DO_NOT_SCHEDULE))));
        assertThat(placeAll(g, 10)).containsExactly(0, 1, 0, 1, 0, 1, 0, 1, 0, -1);
        assertThat(g.pendingReason()).isEqualTo("0/2 nodes are available: 1 Too many pods, 1 node(s) didn't match"
                + " pod topology spread constraints.");
        // Releasing a pod in zone a brings a back to 4: skew allows a again.
        g.release(0);
        assertThat(g.findHost()).isEqualTo(0);
    }

    /**
     * Hostname spread, DoNotSchedule, maxSkew 1, on a custom key "rack": n0 (r1), n1 (no rack label), n2 (r2).
     * Nodes without the key are not domains and cannot take the pod: n1 is never used although empty.
     * Pod 1: r1=0 r2=0 -> n0 (lowest). Pod 2: r1=1 -> n2. Pod 3: tie -> n0. Pod 4 -> n2.
     */
    @Test
    void topologySpread_aws_rules_item8_doNotSchedule_nodesLackingTheKeyAreSkipped() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(node("m5.large", "a", Map.of("rack", "r1"), List.of()), "n0");
        nodes.addHost(node("m5.large", "a", Map.of(), List.of()), "n1");
        nodes.addHost(node("m5.large", "a", Map.of("rack", "r2"), List.of()), "n2");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup g = scheduler.group(PodSpec.of("api", 10, 10).withTopologySpread(List.of(
                new TopologySpreadConstraint("rack", 1, WhenUnsatisfiable.DO_NOT_SCHEDULE))));
        assertThat(placeAll(g, 4)).containsExactly(0, 2, 0, 2);
    }

    @Test
    void topologySpread_aws_rules_item8_doNotSchedule_hostname_newNodeIsTheMinimum() {
        // Two nodes with 2 pods each (maxSkew 1 keeps them level); a third node joins with 0: the minimum
        // drops to 0, so the full nodes would reach skew 3 and only the new node qualifies, twice.
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n1");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup g = scheduler.group(PodSpec.of("api", 10, 10).withTopologySpread(List.of(
                new TopologySpreadConstraint(HostAttributes.K8S_HOSTNAME, 1, WhenUnsatisfiable.DO_NOT_SCHEDULE))));
        assertThat(placeAll(g, 4)).containsExactly(0, 1, 0, 1);
        int n2 = nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n2");
        assertThat(placeAll(g, 3)).containsExactly(n2, n2, 0);
    }

    /**
     * Zone spread, ScheduleAnyway, maxSkew 1: n0 (zone a) already runs 2 pods of the group, n1 (zone b) none;
     * pods of 100m / 100Mi. Fit (LeastAllocated): n0 cpu 1630 x 100 / 1930 = 84, mem 7218 x 100 / 7518 = 96
     * -> 90; n1 cpu 94, mem 98 -> 96. Balance: n0 |300/1930 - 300/7518| / 2 = 0.0578 -> 94; n1 0.0193 -> 98.
     * Spread: 2 domains, weight ln(4) = 1.386; raw n0 = round(2 x 1.386 + 0) = 3, n1 = 0; normalized
     * 100 x (3 + 0 - s) / 3: n0 0, n1 100; x2. Taint 300 each. Totals: n0 = 90 + 94 + 300 + 0 = 484,
     * n1 = 96 + 98 + 300 + 200 = 694.
     */
    @Test
    void topologySpread_aws_rules_item8_scheduleAnyway_scoresByHand() {
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "b"), "n1");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup g = scheduler.group(PodSpec.of("api", 100, 100).withTopologySpread(List.of(
                new TopologySpreadConstraint(HostAttributes.K8S_ZONE, 1, WhenUnsatisfiable.SCHEDULE_ANYWAY))));
        g.commit(0);
        g.commit(0);
        assertThat(scheduler.scores(g)).containsExactly(484, 694);
    }

    @Test
    void nodeResourcesFit_aws_rules_item8_podWithoutRequests_scoresAs100mAnd200Mi() {
        // A best-effort pod fits anywhere with a pod slot; for scoring it counts 100m / 200 MiB, so after one
        // lands on n0 the next prefers n1 (LeastAllocated). BalancedAllocation is skipped for it.
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n1");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup g = scheduler.group(PodSpec.of("be", 0, 0));
        assertThat(placeAll(g, 2)).containsExactly(0, 1);
        // n0 after one: cpu (1930 - 200) x 100 / 1930 = 89, mem (7518 - 400) x 100 / 7518 = 94 -> 91; + 300.
        assertThat(scheduler.scores(g)[0]).isEqualTo(91 + 300);
    }

    @Test
    void adaptiveSampling_largeCluster_rotatesTheStartAndStaysFeasible() {
        // 200 nodes: kube-scheduler looks for 50 - 200/125 = 49% -> 98, floor 100 feasible nodes, starting
        // where the last search stopped. The first pod sees nodes 0..99 (all empty, tie -> 0); the second
        // starts at node 100 and sees 100..199 (tie -> 100).
        ContainerHosts nodes = ContainerHosts.eks();
        for (int i = 0; i < 200; i++) {
            nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n" + i);
        }
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup g = scheduler.group(PodSpec.of("p", 100, 100));
        assertThat(g.tryPlace()).isEqualTo(0);
        assertThat(g.tryPlace()).isEqualTo(100);
        assertThat(g.tryPlace()).isEqualTo(1);
    }

    @Test
    void cordonedNode_isFilteredOut_unschedulable() {
        // kubectl cordon sets spec.unschedulable (the node.kubernetes.io/unschedulable:NoSchedule taint): the pods
        // go to the other node; with both cordoned, FailedScheduling names them unschedulable.
        ContainerHosts nodes = ContainerHosts.eks();
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n0");
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "a"), "n1");
        KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
        PodGroup api = scheduler.group(PodSpec.of("api", 100, 100));
        nodes.cordon(0);
        assertThat(placeAll(api, 3)).containsOnly(1);
        nodes.cordon(1);
        assertThat(api.place()).isEqualTo(new PlacementDecision.Pending(
                "0/2 nodes are available: 2 node(s) were unschedulable."));
    }
}
