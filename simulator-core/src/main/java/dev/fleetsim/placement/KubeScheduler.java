package dev.fleetsim.placement;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostKind;
import dev.fleetsim.cluster.HostListener;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * kube-scheduler on the nodes of one EKS cluster (aws-rules.md item 8).
 *
 * <p>Filters: NodeResourcesFit (cpu and memory requests against allocatable, and one pod slot under the
 * node's max pods, aws-rules.md E14), NodeAffinity (nodeSelector and required affinity In, NotIn, Exists,
 * DoesNotExist), TaintToleration (NoSchedule and NoExecute), PodTopologySpread DoNotSchedule.
 *
 * <p>Scores, weighted as kube-scheduler's defaults: NodeResourcesFit (LeastAllocated or MostAllocated, x1,
 * on requests with the non-zero defaults of 100m and 200 MiB for pods without requests),
 * NodeResourcesBalancedAllocation (x1, skipped for pods without requests as kube-scheduler does),
 * TaintToleration for PreferNoSchedule (x3) and PodTopologySpread ScheduleAnyway (x2), each normalized over
 * the scored nodes as the plugins do. The highest total wins; ties go to the lowest node index (the real
 * scheduler picks among ties at random; we choose determinism).
 *
 * <p>Which nodes are scored: as kube-scheduler, filtering stops after {@link KubeScores#numFeasibleNodesToFind}
 * feasible nodes (all of them below 100 nodes), starting where the previous pod's search stopped. Reading:
 * we walk nodes in index order; kube-scheduler walks a list that interleaves zones. With
 * percentageOfNodesToScore 100 every feasible node is scored.
 *
 * <p>DaemonSets reserve their requests and one pod slot on every node when it joins (and on existing
 * nodes when the DaemonSet is added), if they fit; they ignore selectors and taints here.
 */
public final class KubeScheduler implements HostListener {

    private final ContainerHosts nodes;
    private final KubeSchedulerConfig config;
    private final List<DaemonSet> daemonSets = new ArrayList<>();
    private final List<PodGroup> groups = new ArrayList<>();
    private int daemonPodsNotPlaced;
    /** Per DaemonSet, in the order added: its pods reserved on a node, and those that did not fit. */
    private int[] daemonPlaced = new int[0];
    private int[] daemonMissed = new int[0];
    /** Per DaemonSet: the nodes now holding its pod, and those where it did not fit (its pod pends there). */
    private java.util.BitSet[] daemonOn = new java.util.BitSet[0];
    private java.util.BitSet[] daemonMissedOn = new java.util.BitSet[0];

    /** Sums of non-zero requests per node (daemon and workload pods), for NodeResourcesFit scoring. */
    private int[] nonZeroCpu = new int[16];
    private int[] nonZeroMemory = new int[16];

    private int nextStart;
    private int[] feasible = new int[16];
    private int[] unignored = new int[16];
    private long[] totals = new long[16];
    private long[] raw = new long[16];
    private double[] weights = new double[0];
    private int pass;

    public KubeScheduler(ContainerHosts nodes, KubeSchedulerConfig config) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
        this.config = Objects.requireNonNull(config, "config");
        if (nodes.kind() != HostKind.EKS_NODE) {
            throw new IllegalArgumentException("KubeScheduler schedules on EKS nodes, not " + nodes.kind());
        }
        nodes.addListener(this);
        for (int h = 0; h < nodes.hostSlots(); h++) {
            if (nodes.isActive(h)) {
                hostAdded(h);
            }
        }
    }

    public ContainerHosts nodes() {
        return nodes;
    }

    public KubeSchedulerConfig config() {
        return config;
    }

    /** The pods of one workload. Each call makes a new group with its own counts. */
    public PodGroup group(PodSpec spec) {
        PodGroup g = new PodGroup(this, spec);
        g.syncClasses(nodes.classCount());
        g.ensureHostCapacity(nodes.hostSlots());
        groups.add(g);
        for (int h = 0; h < nodes.hostSlots(); h++) {
            if (nodes.isActive(h)) {
                addNodeToCounters(g, h);
            }
        }
        return g;
    }

    /** The DaemonSets added, in order: each reserves a pod on every node that joins, if it fits. */
    public List<DaemonSet> daemonSets() {
        return java.util.Collections.unmodifiableList(daemonSets);
    }

    /** Adds a DaemonSet: one pod on every node, existing and future. */
    public void addDaemonSet(DaemonSet daemonSet) {
        daemonSets.add(Objects.requireNonNull(daemonSet, "daemonSet"));
        daemonPlaced = Arrays.copyOf(daemonPlaced, daemonSets.size());
        daemonMissed = Arrays.copyOf(daemonMissed, daemonSets.size());
        daemonOn = Arrays.copyOf(daemonOn, daemonSets.size());
        daemonMissedOn = Arrays.copyOf(daemonMissedOn, daemonSets.size());
        daemonOn[daemonSets.size() - 1] = new java.util.BitSet();
        daemonMissedOn[daemonSets.size() - 1] = new java.util.BitSet();
        for (int h = 0; h < nodes.hostSlots(); h++) {
            if (nodes.isActive(h)) {
                reserveDaemon(daemonSets.size() - 1, h);
            }
        }
    }

    /**
     * Pods of the {@code index}-th DaemonSet added that were reserved on a node when it joined (or when the
     * DaemonSet was added); cumulative, nodes that left since included.
     */
    public int daemonPodsPlaced(int index) {
        return daemonPlaced[index];
    }

    /** Pods of the {@code index}-th DaemonSet added that did not fit on their node; cumulative. */
    public int daemonPodsNotPlaced(int index) {
        return daemonMissed[index];
    }

    /** Pods of the {@code index}-th DaemonSet on nodes that are still in the cluster. */
    public int daemonPodsRunning(int index) {
        return daemonOn[index].cardinality();
    }

    /** Pods of the {@code index}-th DaemonSet pending now: on nodes still in the cluster where they did not fit. */
    public int daemonPodsPendingNow(int index) {
        return daemonMissedOn[index].cardinality();
    }

    /** DaemonSet pods that did not fit on their node (they would stay Pending there). */
    public int daemonPodsNotPlaced() {
        return daemonPodsNotPlaced;
    }

    // ---- node events ----

    @Override
    public void hostAdded(int h) {
        ensureNodes(nodes.hostSlots());
        nonZeroCpu[h] = 0;
        nonZeroMemory[h] = 0;
        for (int d = 0; d < daemonSets.size(); d++) {
            reserveDaemon(d, h);
        }
        for (PodGroup g : groups) {
            g.syncClasses(nodes.classCount());
            g.ensureHostCapacity(nodes.hostSlots());
            addNodeToCounters(g, h);
        }
    }

    @Override
    public void hostRemoving(int h) {
        // A DaemonSet pod goes with its node.
        for (int d = 0; d < daemonOn.length; d++) {
            daemonOn[d].clear(h);
            daemonMissedOn[d].clear(h);
        }
        for (PodGroup g : groups) {
            for (SpreadCounter c : g.hard) {
                c.nodeRemoving(h);
            }
            for (SpreadCounter c : g.soft) {
                c.nodeRemoving(h);
            }
        }
    }

    private void addNodeToCounters(PodGroup g, int h) {
        boolean matches = g.matchesAffinity(h);
        for (SpreadCounter c : g.hard) {
            c.nodeAdded(h, nodes.attribute(h, c.constraint.topologyKey()), matches);
        }
        for (SpreadCounter c : g.soft) {
            c.nodeAdded(h, nodes.attribute(h, c.constraint.topologyKey()), matches);
        }
    }

    private void reserveDaemon(int d, int h) {
        DaemonSet ds = daemonSets.get(d);
        if (!nodes.fits(h, ds.cpuMillicores(), ds.memoryMiB())) {
            daemonPodsNotPlaced++;
            daemonMissed[d]++;
            daemonMissedOn[d].set(h);
            return;
        }
        daemonPlaced[d]++;
        daemonOn[d].set(h);
        nodes.reserveOverhead(h, ds.cpuMillicores(), ds.memoryMiB(), 1);
        nonZeroCpu[h] += ds.cpuMillicores() == 0 ? KubeScores.DEFAULT_MILLI_CPU_REQUEST : ds.cpuMillicores();
        nonZeroMemory[h] += ds.memoryMiB() == 0 ? KubeScores.DEFAULT_MEMORY_REQUEST_MIB : ds.memoryMiB();
    }

    void podPlaced(PodGroup g, int h) {
        nonZeroCpu[h] += g.nonZeroCpu;
        nonZeroMemory[h] += g.nonZeroMemoryMiB;
        nodes.allocateTask(h, g.cpuRequest(), g.memoryRequestMiB());
    }

    void podRemoved(PodGroup g, int h) {
        nonZeroCpu[h] -= g.nonZeroCpu;
        nonZeroMemory[h] -= g.nonZeroMemoryMiB;
        nodes.releaseTask(h, g.cpuRequest(), g.memoryRequestMiB());
    }

    // ---- filter ----

    boolean feasible(PodGroup g, int h) {
        g.syncClasses(nodes.classCount());
        if (nodes.isCordoned(h) || !g.toleratesTaints(nodes.hostClass(h)) || !g.matchesAffinity(h)) {
            return false;
        }
        if (nodes.cpuFree(h) < g.cpuRequest() || nodes.memoryFreeMiB(h) < g.memoryRequestMiB()
                || nodes.podsAllocated(h) >= nodes.podCapacity(h)) {
            return false;
        }
        for (SpreadCounter c : g.hard) {
            int d = c.domainOf(h);
            if (d < 0 || c.count(d) + 1 - c.min() > c.constraint.maxSkew()) {
                return false;
            }
        }
        return true;
    }

    // ---- search ----

    int find(PodGroup g) {
        int slots = nodes.hostSlots();
        int active = nodes.activeHostCount();
        if (active == 0) {
            return -1;
        }
        g.syncClasses(nodes.classCount());
        g.ensureHostCapacity(slots);
        ensureNodes(slots);
        int toFind = KubeScores.numFeasibleNodesToFind(config.percentageOfNodesToScore(), active);
        int start = nextStart < slots ? nextStart : 0;
        int found = 0;
        int i = 0;
        for (; i < slots && found < toFind; i++) {
            int h = start + i;
            if (h >= slots) {
                h -= slots;
            }
            if (nodes.isActive(h) && feasible(g, h)) {
                feasible[found++] = h;
            }
        }
        nextStart = (start + i) % slots;
        if (found == 0) {
            return -1;
        }
        score(g, found);
        int best = -1;
        long bestTotal = Long.MIN_VALUE;
        for (int k = 0; k < found; k++) {
            int h = feasible[k];
            if (totals[k] > bestTotal || totals[k] == bestTotal && h < best) {
                best = h;
                bestTotal = totals[k];
            }
        }
        return best;
    }

    /**
     * The weighted total score of every feasible node for the next pod of {@code g} (every node scored, no
     * sampling); {@link Long#MIN_VALUE} for nodes that fail a filter or are inactive. For tests and tracing.
     */
    public long[] scores(PodGroup g) {
        int slots = nodes.hostSlots();
        g.syncClasses(nodes.classCount());
        g.ensureHostCapacity(slots);
        ensureNodes(slots);
        int found = 0;
        for (int h = 0; h < slots; h++) {
            if (nodes.isActive(h) && feasible(g, h)) {
                feasible[found++] = h;
            }
        }
        long[] result = new long[slots];
        Arrays.fill(result, Long.MIN_VALUE);
        score(g, found);
        for (int k = 0; k < found; k++) {
            result[feasible[k]] = totals[k];
        }
        return result;
    }

    /** Fills totals[0..n) for feasible[0..n). */
    private void score(PodGroup g, int n) {
        KubeSchedulerConfig.Scoring scoring = config.scoring();
        boolean bestEffort = g.cpuRequest() == 0 && g.memoryRequestMiB() == 0;
        int maxPenalty = 0;
        for (int k = 0; k < n; k++) {
            int h = feasible[k];
            long cpuAllocatable = nodes.cpuAllocatable(h);
            long memAllocatable = nodes.memoryAllocatableMiB(h);
            long total = KubeScores.WEIGHT_NODE_RESOURCES_FIT * KubeScores.nodeResourcesFit(scoring,
                    nonZeroCpu[h] + (long) g.nonZeroCpu, cpuAllocatable,
                    nonZeroMemory[h] + (long) g.nonZeroMemoryMiB, memAllocatable);
            if (!bestEffort) {
                total += KubeScores.WEIGHT_BALANCED_ALLOCATION * KubeScores.balancedAllocation(
                        nodes.cpuAllocated(h) + (long) g.cpuRequest(), cpuAllocatable,
                        nodes.memoryAllocatedMiB(h) + (long) g.memoryRequestMiB(), memAllocatable);
            }
            totals[k] = total;
            maxPenalty = Math.max(maxPenalty, g.preferNoSchedulePenalty[nodes.hostClass(h)]);
        }
        for (int k = 0; k < n; k++) {
            int penalty = g.preferNoSchedulePenalty[nodes.hostClass(feasible[k])];
            totals[k] += KubeScores.WEIGHT_TAINT_TOLERATION * KubeScores.taintToleration(penalty, maxPenalty);
        }
        if (g.soft.length > 0) {
            scoreSpread(g, n);
        }
    }

    /** PodTopologySpread ScheduleAnyway: raw score per node, normalized over the scored nodes. */
    private void scoreSpread(PodGroup g, int n) {
        int kept = 0;
        for (int k = 0; k < n; k++) {
            if (hasAllKeys(g, feasible[k])) {
                unignored[kept++] = feasible[k];
            }
        }
        if (weights.length < g.soft.length) {
            weights = new double[g.soft.length];
        }
        for (int s = 0; s < g.soft.length; s++) {
            weights[s] = KubeScores.topologyNormalizingWeight(g.soft[s].distinctDomains(unignored, kept, ++pass));
        }
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int k = 0; k < n; k++) {
            int h = feasible[k];
            if (!hasAllKeys(g, h)) {
                raw[k] = -1;
                continue;
            }
            double score = 0;
            for (int s = 0; s < g.soft.length; s++) {
                SpreadCounter c = g.soft[s];
                score += KubeScores.topologyScoreForCount(c.count(c.domainOf(h)), c.constraint.maxSkew(), weights[s]);
            }
            raw[k] = Math.round(score);
            min = Math.min(min, raw[k]);
            max = Math.max(max, raw[k]);
        }
        for (int k = 0; k < n; k++) {
            long normalized = raw[k] < 0 ? 0 : KubeScores.topologyNormalized(raw[k], min, max);
            totals[k] += KubeScores.WEIGHT_POD_TOPOLOGY_SPREAD * normalized;
        }
    }

    private static boolean hasAllKeys(PodGroup g, int h) {
        for (SpreadCounter c : g.soft) {
            if (c.domainOf(h) < 0) {
                return false;
            }
        }
        return true;
    }

    private void ensureNodes(int slots) {
        if (nonZeroCpu.length < slots) {
            int n = Math.max(slots, nonZeroCpu.length * 2);
            nonZeroCpu = Arrays.copyOf(nonZeroCpu, n);
            nonZeroMemory = Arrays.copyOf(nonZeroMemory, n);
            feasible = new int[n];
            unignored = new int[n];
            totals = new long[n];
            raw = new long[n];
        }
    }

    /** kube-scheduler's FailedScheduling message: "0/N nodes are available: 2 Insufficient cpu, ...". */
    String pendingReason(PodGroup g) {
        int active = nodes.activeHostCount();
        if (active == 0) {
            return "0/0 nodes are available: no nodes in the cluster.";
        }
        g.syncClasses(nodes.classCount());
        g.ensureHostCapacity(nodes.hostSlots());
        Map<String, Integer> reasons = new TreeMap<>();
        for (int h = 0; h < nodes.hostSlots(); h++) {
            if (!nodes.isActive(h)) {
                continue;
            }
            if (nodes.isCordoned(h)) {
                // A cordoned node carries node.kubernetes.io/unschedulable:NoSchedule.
                reasons.merge("node(s) were unschedulable", 1, Integer::sum);
                continue;
            }
            int c = nodes.hostClass(h);
            if (!g.toleratesTaints(c)) {
                reasons.merge("node(s) had untolerated taint " + untolerated(g, c), 1, Integer::sum);
                continue;
            }
            if (!g.matchesAffinity(h)) {
                reasons.merge("node(s) didn't match Pod's node affinity/selector", 1, Integer::sum);
                continue;
            }
            boolean fits = true;
            if (nodes.cpuFree(h) < g.cpuRequest()) {
                reasons.merge("Insufficient cpu", 1, Integer::sum);
                fits = false;
            }
            if (nodes.memoryFreeMiB(h) < g.memoryRequestMiB()) {
                reasons.merge("Insufficient memory", 1, Integer::sum);
                fits = false;
            }
            if (nodes.podsAllocated(h) >= nodes.podCapacity(h)) {
                reasons.merge("Too many pods", 1, Integer::sum);
                fits = false;
            }
            if (fits && !feasible(g, h)) {
                reasons.merge("node(s) didn't match pod topology spread constraints", 1, Integer::sum);
            }
        }
        // As kube-scheduler: "count reason" strings, sorted.
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : reasons.entrySet()) {
            parts.add(e.getValue() + " " + e.getKey());
        }
        parts.sort(null);
        return "0/" + active + " nodes are available: " + String.join(", ", parts) + ".";
    }

    private String untolerated(PodGroup g, int hostClass) {
        for (Taint t : nodes.classSpec(hostClass).taints()) {
            if (t.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
                continue;
            }
            boolean tolerated = false;
            for (Toleration tol : g.spec().tolerations()) {
                tolerated |= tol.tolerates(t);
            }
            if (!tolerated) {
                return "{" + t.key() + (t.value().isEmpty() ? "" : ": " + t.value()) + "}";
            }
        }
        return "";
    }
}
