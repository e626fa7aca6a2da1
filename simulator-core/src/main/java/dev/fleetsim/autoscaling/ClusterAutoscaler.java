package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostListener;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.DaemonSet;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.PodGroup;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * The Kubernetes Cluster Autoscaler over an EKS cluster's managed node groups (aws-rules.md item 8, from
 * cluster-autoscaler's FAQ), steering each through its {@link NodeGroup}. One loop every {@code scanInterval}
 * (10 s; first at start + 10 s, {@link Phase#AUTOSCALING}, after the instant's placement pass):
 *
 * <p><b>Scale up.</b> Pods still pending after the pass are unschedulable. First they are packed onto the nodes
 * already asked for and not yet joined (desired minus joined, empty template nodes), as CA counts upcoming nodes;
 * the rest are offered to every group below its max: a group can help the pods its template node admits (node
 * selector and required affinity on the template's labels, NoSchedule/NoExecute taints tolerated, requests and a
 * pod slot within the template's allocatable after kube-reserved, eviction threshold and the DaemonSets that fit
 * on it), and needs the nodes a first-fit-decreasing estimate gives ({@link BinPackEstimate}), capped at max.
 * The expander picks one group per loop (CA's default), which is raised by that many nodes. The template is the
 * group's first instance type. Hard topology spread is not part of the template check (reading: a new node's
 * domain is not known before it is launched).
 *
 * <p><b>Expanders.</b> {@link Expander#RANDOM}, CA's default, draws uniformly among the groups that can help from
 * the given stream, so a seed fixes it; {@link Expander#LEAST_WASTE} picks the least idle CPU share + idle memory
 * share of the new nodes, ties to the group listed first.
 *
 * <p><b>Scale down.</b> A node of a managed group is unneeded while its requested CPU and memory (pods and
 * DaemonSet pods, CA's default utilization) are both below 50% of allocatable, its group is above min, and every
 * workload pod on it could move elsewhere: each pod is fitted, first fit by node index, onto another node whose
 * taints and affinity it passes, with the free capacity left after earlier candidates' pods in the same loop
 * (a node that receives pods is itself needed this loop); empty nodes are looked at first, so they are the ones that
 * go when an empty and a busy node could each take the other's place. DaemonSet pods never block; Job pods move like
 * Deployment pods (their controller reruns them, {@link ClusterRuntime#drainPods}). Cordoned (draining) nodes are
 * neither candidates nor destinations, and do not count as joined. After 10 minutes unneeded a node is drained and removed ({@link NodeGroup#drainAndRemove}): empty ones (no
 * workload pods) up to 10 per loop, else one non-empty node per loop, lowest index first; never below min; not
 * within 10 minutes of a scale-up (scale-down-delay-after-add). A scale-up loop does no scale-down.
 */
public final class ClusterAutoscaler implements HostListener {

    /** How the group to grow is chosen among those that can help. */
    public enum Expander { RANDOM, LEAST_WASTE }

    /**
     * The autoscaler's flags; {@link #DEFAULT} holds cluster-autoscaler's defaults.
     *
     * @param utilizationThresholdPercent scale-down-utilization-threshold, percent
     * @param maxEmptyBulkDelete empty nodes removed in one loop
     */
    public record Config(long scanIntervalMs, long scaleDownUnneededMs, long scaleDownDelayAfterAddMs,
            int utilizationThresholdPercent, int maxEmptyBulkDelete, Expander expander) {

        public static final Config DEFAULT = new Config(10_000L, 600_000L, 600_000L, 50, 10, Expander.RANDOM);

        public Config {
            Objects.requireNonNull(expander, "expander");
            if (scanIntervalMs <= 0 || scaleDownUnneededMs < 0 || scaleDownDelayAfterAddMs < 0) {
                throw new IllegalArgumentException("scan interval must be > 0 and delays >= 0");
            }
            if (utilizationThresholdPercent < 1 || utilizationThresholdPercent > 100 || maxEmptyBulkDelete < 1) {
                throw new IllegalArgumentException("threshold must be 1..100 percent and bulk delete >= 1");
            }
        }

        public Config withExpander(Expander e) {
            return new Config(scanIntervalMs, scaleDownUnneededMs, scaleDownDelayAfterAddMs,
                    utilizationThresholdPercent, maxEmptyBulkDelete, e);
        }
    }

    private final Simulation sim;
    private final ClusterRuntime runtime;
    private final KubeScheduler scheduler;
    private final ContainerHosts nodes;
    private final List<NodeGroup> groups;
    private final Config config;
    private final SplittableRandom random;
    private final GroupMembership membership;
    private final UnneededNodes unneeded;
    private final BinPackEstimate estimate = new BinPackEstimate();
    private final EventHandler onScan = (s, unused) -> scan();
    private boolean started;
    private long lastScaleUpMs = Long.MIN_VALUE / 2;

    /*
     * Both halves of a loop are functions of the cluster's state (hosts, their allocations, desired capacities,
     * waiting pods), so a loop that finds the state unchanged reuses the last answer: version counts changes.
     */
    private long version;
    private long evaluatedVersion = -1;
    private long noHelpVersion = -1;
    private int[] noHelpWaiting = new int[0];

    // Pending pods of this loop, one batch per workload.
    private PodGroup[] pendingGroup = new PodGroup[8];
    private int[] pendingLeft = new int[8];
    private int pendingBatches;
    private int[] batchOf = new int[8];
    private int[] placed = new int[8];
    private int[] joined;
    private int[] optionGroup;
    private int[] optionNodes;
    private double[] optionWaste;

    private final int[] scaleUps;
    private final int[] nodesAdded;
    private final int[] nodesRemoved;
    private final int[] scaleDowns;
    private final long[] lastScaleDownLoop;
    private long loops;
    private final int[] peakDesired;

    /**
     * @param groups the cluster's managed node groups the autoscaler may resize, joining {@code scheduler.nodes()}
     * @param random the expander's stream, e.g. {@code streams.stream("autoscaler", "eks/CLUSTER")}; only
     *     {@link Expander#RANDOM} draws from it
     */
    public ClusterAutoscaler(Simulation sim, ClusterRuntime runtime, KubeScheduler scheduler, List<NodeGroup> groups,
            Config config, SplittableRandom random) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.nodes = scheduler.nodes();
        this.groups = List.copyOf(groups);
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.membership = new GroupMembership(nodes, this.groups);
        int n = this.groups.size();
        joined = new int[n];
        optionGroup = new int[n];
        optionNodes = new int[n];
        optionWaste = new double[n];
        scaleUps = new int[n];
        nodesAdded = new int[n];
        nodesRemoved = new int[n];
        scaleDowns = new int[n];
        lastScaleDownLoop = new long[n];
        peakDesired = new int[n];
        for (int g = 0; g < n; g++) {
            peakDesired[g] = this.groups.get(g).desired();
        }
        this.unneeded = new UnneededNodes(nodes, runtime, this.groups, membership, config);
        nodes.addListener(this);
    }

    /** Schedules the loops, the first one scan interval from now. Call once. */
    public void start() {
        if (started) {
            throw new IllegalStateException("the cluster autoscaler has already started");
        }
        started = true;
        schedule(sim.nowMs() + config.scanIntervalMs());
    }

    @Override
    public void hostAdded(int host) {
        unneeded.reset(host);
        version++;
    }

    @Override
    public void hostRemoving(int host) {
        unneeded.reset(host);
        version++;
    }

    @Override
    public void hostCordoned(int host) {
        version++;
    }

    @Override
    public void capacityChanged(int host) {
        version++;
    }

    private void scan() {
        runOnce();
        schedule(sim.nowMs() + config.scanIntervalMs());
    }

    private void schedule(long atMs) {
        if (atMs <= sim.horizonMs()) {
            sim.schedule(atMs, Phase.AUTOSCALING, onScan, 0);
        }
    }

    /** One autoscaler loop: scale up for unschedulable pods, else scale down. Public for tests. */
    public void runOnce() {
        loops++;
        if (!scaleUp()) {
            scaleDown();
        }
    }

    // ---- scale up ----

    private boolean scaleUp() {
        if (runtime.pendingCount() == 0 || groups.isEmpty()) {
            return false;
        }
        if (version == noHelpVersion && sameWaiting()) {
            return false;
        }
        collectPending();
        if (pendingBatches == 0) {
            return false;
        }
        Arrays.fill(joined, 0);
        for (int h = 0; h < nodes.hostSlots(); h++) {
            if (nodes.isActive(h) && !nodes.isCordoned(h)) {
                int g = membership.groupOf(h);
                if (g >= 0) {
                    joined[g]++;
                }
            }
        }
        for (int g = 0; g < groups.size(); g++) {
            int upcoming = groups.get(g).desired() - joined[g];
            if (upcoming > 0) {
                packOnTemplate(g, upcoming, true);
            }
        }
        int options = 0;
        for (int g = 0; g < groups.size(); g++) {
            NodeGroup group = groups.get(g);
            int room = group.max() - group.desired();
            if (room <= 0) {
                continue;
            }
            int needed = packOnTemplate(g, room, false);
            if (needed > 0) {
                optionGroup[options] = g;
                optionNodes[options] = needed;
                optionWaste[options] = waste(g, needed);
                options++;
            }
        }
        if (options == 0) {
            // Nothing helps these pods; until something changes, nothing will.
            noHelpVersion = version;
            rememberWaiting();
            return false;
        }
        int pick = 0;
        if (config.expander() == Expander.RANDOM) {
            pick = options == 1 ? 0 : random.nextInt(options);
        } else {
            for (int o = 1; o < options; o++) {
                if (optionWaste[o] < optionWaste[pick]) {
                    pick = o;
                }
            }
        }
        int g = optionGroup[pick];
        NodeGroup group = groups.get(g);
        int before = group.desired();
        group.setDesired(before + optionNodes[pick]);
        version++;
        scaleUps[g]++;
        nodesAdded[g] += group.desired() - before;
        peakDesired[g] = Math.max(peakDesired[g], group.desired());
        lastScaleUpMs = sim.nowMs();
        return true;
    }

    private boolean sameWaiting() {
        List<Workload> workloads = runtime.workloads();
        if (workloads.size() != noHelpWaiting.length) {
            return false;
        }
        for (int i = 0; i < noHelpWaiting.length; i++) {
            if (workloads.get(i).waitingCount() != noHelpWaiting[i]) {
                return false;
            }
        }
        return true;
    }

    private void rememberWaiting() {
        List<Workload> workloads = runtime.workloads();
        if (noHelpWaiting.length != workloads.size()) {
            noHelpWaiting = new int[workloads.size()];
        }
        for (int i = 0; i < noHelpWaiting.length; i++) {
            noHelpWaiting[i] = workloads.get(i).waitingCount();
        }
    }

    private void collectPending() {
        pendingBatches = 0;
        List<Workload> workloads = runtime.workloads();
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            if (w.waitingCount() == 0 || !(w.target() instanceof TaskTarget.OnHosts)
                    || !(((TaskTarget.OnHosts) w.target()).group() instanceof PodGroup)) {
                continue;
            }
            if (pendingBatches == pendingGroup.length) {
                pendingGroup = Arrays.copyOf(pendingGroup, pendingBatches * 2);
                pendingLeft = Arrays.copyOf(pendingLeft, pendingBatches * 2);
                batchOf = Arrays.copyOf(batchOf, pendingBatches * 2);
                placed = Arrays.copyOf(placed, pendingBatches * 2);
            }
            pendingGroup[pendingBatches] = (PodGroup) ((TaskTarget.OnHosts) w.target()).group();
            pendingLeft[pendingBatches] = w.waitingCount();
            pendingBatches++;
        }
    }

    /**
     * Packs the pods left that group g's template admits onto at most {@code maxNodes} empty template nodes.
     * {@code consume}: the placed pods are no longer left (upcoming nodes will take them).
     *
     * @return nodes used
     */
    private int packOnTemplate(int g, int maxNodes, boolean consume) {
        HostSpec template = groups.get(g).template(0);
        int[] capacity = templateCapacity(template);
        estimate.clear();
        for (int b = 0; b < pendingBatches; b++) {
            batchOf[b] = -1;
            PodGroup pod = pendingGroup[b];
            if (pendingLeft[b] > 0 && pod.admits(template)) {
                batchOf[b] = estimate.add(pod.cpuRequest(), pod.memoryRequestMiB(), pendingLeft[b], false);
            }
        }
        if (estimate.batchCount() == 0) {
            return 0;
        }
        int used = estimate.pack(capacity[0], capacity[1], capacity[2], maxNodes, placed);
        if (consume) {
            for (int b = 0; b < pendingBatches; b++) {
                if (batchOf[b] >= 0) {
                    pendingLeft[b] -= placed[batchOf[b]];
                }
            }
        }
        return used;
    }

    /** Idle CPU share + idle memory share of {@code n} new nodes of group g holding the pods last packed. */
    private double waste(int g, int n) {
        int[] capacity = templateCapacity(groups.get(g).template(0));
        long cpu = 0;
        long memory = 0;
        for (int b = 0; b < pendingBatches; b++) {
            if (batchOf[b] >= 0) {
                cpu += (long) placed[batchOf[b]] * pendingGroup[b].cpuRequest();
                memory += (long) placed[batchOf[b]] * pendingGroup[b].memoryRequestMiB();
            }
        }
        double cpuTotal = (double) n * Math.max(1, capacity[0]);
        double memoryTotal = (double) n * Math.max(1, capacity[1]);
        return (cpuTotal - cpu) / cpuTotal + (memoryTotal - memory) / memoryTotal;
    }

    /** CPU, memory and pod slots a node of the template offers pods after kube-reserved and its DaemonSets. */
    private int[] templateCapacity(HostSpec template) {
        int cpu = nodes.allocatableCpuOf(template);
        int memory = nodes.allocatableMemoryMiBOf(template);
        int pods = nodes.podCapacityOf(template);
        for (DaemonSet ds : scheduler.daemonSets()) {
            if (ds.cpuMillicores() <= cpu && ds.memoryMiB() <= memory && pods >= 1) {
                cpu -= ds.cpuMillicores();
                memory -= ds.memoryMiB();
                pods--;
            }
        }
        return new int[] {cpu, memory, pods};
    }

    // ---- scale down ----

    private void scaleDown() {
        long now = sim.nowMs();
        int slots = nodes.hostSlots();
        if (version != evaluatedVersion) {
            unneeded.find(now);
            evaluatedVersion = version;
        }
        if (unneeded.count() == 0 || now < unneeded.earliestRipeMs()) {
            return;
        }
        if (now - lastScaleUpMs < config.scaleDownDelayAfterAddMs()) {
            return;
        }
        int removedEmpty = 0;
        for (int h = 0; h < slots && removedEmpty < config.maxEmptyBulkDelete(); h++) {
            if (unneeded.ripe(h, now) && nodes.runningCount(h) == 0 && remove(h)) {
                removedEmpty++;
            }
        }
        if (removedEmpty > 0) {
            return;
        }
        for (int h = 0; h < slots; h++) {
            if (unneeded.ripe(h, now) && remove(h)) {
                return;
            }
        }
    }

    private boolean remove(int h) {
        int g = membership.groupOf(h);
        NodeGroup group = groups.get(g);
        if (group.desired() <= group.min()) {
            return false;
        }
        group.drainAndRemove(h);
        nodesRemoved[g]++;
        if (lastScaleDownLoop[g] != loops) {
            lastScaleDownLoop[g] = loops;
            scaleDowns[g]++;
        }
        return true;
    }

    // ---- what happened ----

    public List<NodeGroup> groups() {
        return groups;
    }

    /** Scale-ups of the {@code g}-th group. */
    public int scaleUps(int g) {
        return scaleUps[g];
    }

    /** Nodes added to the {@code g}-th group's desired capacity by scale-ups. */
    public int nodesAdded(int g) {
        return nodesAdded[g];
    }

    /** Loops in which the {@code g}-th group lost nodes to scale-down. */
    public int scaleDowns(int g) {
        return scaleDowns[g];
    }

    /** Nodes of the {@code g}-th group drained and removed by scale-down. */
    public int nodesRemoved(int g) {
        return nodesRemoved[g];
    }

    /** The largest desired capacity of the {@code g}-th group seen, from construction. */
    public int peakDesired(int g) {
        return peakDesired[g];
    }

    /** True if the node is unneeded now (a scale-down candidate), for tests and tracing. */
    public boolean isUnneeded(int host) {
        return unneeded.isUnneeded(host);
    }
}
