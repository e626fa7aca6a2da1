package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.host.Market;
import dev.fleetsim.placement.PodGroup;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Karpenter's disruption controller for the pools of one {@link Karpenter}, run every 15 s (aws-rules.md item 8).
 *
 * <p>Per pool, in order: replacements whose new node joined drain the old node; nodes older than expireAfter are
 * drained (forceful, outside the budget, as Karpenter v1's expiration); then, with consolidation on, within the
 * budget roundup(nodes x budget%) minus nodes being replaced minus nodes not yet joined (aws-rules.md E21):
 * <ol>
 *   <li>empty nodes are deleted, as many as the budget allows;</li>
 *   <li>otherwise one single-node action: candidates by fewest pods, then oldest; a node whose pods all fit on the
 *       other nodes (requests, pod slots, affinity and taints; checked order-independently, see
 *       {@link #singleNode}) is deleted; else if the pods left over fit on one node of the pool cheaper than this
 *       node's price now, that node is launched and this one drained when it joins. Spot to Spot needs 15 or more cheaper fitting
 *       instance types (aws-rules.md item 8; read as the SpotToSpotConsolidation gate on).</li>
 * </ol>
 * A node on which a pending pod would fit now (pods just evicted by a drain among them) is not a candidate: it is
 * nominated for them, as Karpenter does not disrupt nodes nominated for pending pods; so a replacement node is not
 * deleted before its pods land. A candidate has gone consolidateAfter without a pod added or removed. Nodes running Job pods are not candidates:
 * an evicted Job pod starts over, so Job pods are read as carrying karpenter.sh/do-not-disrupt, the usual practice
 * for batch pods. Cordoned nodes (draining after a Spot notice) are neither candidates nor destinations. Multi-node
 * consolidation is not modelled; successive single-node actions stand in for it.
 *
 * <p>A pass that finds nothing to do is not repeated until a node joins or leaves, a pod moves, a node reaches
 * consolidateAfter, or 5 minutes pass (prices move), as Karpenter skips unchanged cluster state.
 */
final class KarpenterDisruption {

    /** Karpenter re-validates consolidation at least this often even when nothing changed. */
    static final long REVALIDATE_MS = 300_000;
    static final int SPOT_TO_SPOT_MIN_CHEAPER_TYPES = 15;

    private final Karpenter k;
    private long lastNoopChanges = -1;
    private long lastNoopMs;
    private long nextEligibleMs = Long.MAX_VALUE;


    KarpenterDisruption(Karpenter k) {
        this.k = k;
    }

    void run(long now) {
        for (KarpenterPool p : k.pools) {
            finishReplacements(p);
            expire(p, now);
        }
        long changes = k.topologyChanges + changeSum();
        if (changes == lastNoopChanges && now < nextEligibleMs && now - lastNoopMs < REVALIDATE_MS) {
            return;
        }
        nextEligibleMs = Long.MAX_VALUE;
        boolean acted = false;
        for (KarpenterPool p : k.pools) {
            if (p.config.consolidation()) {
                acted |= consolidate(p, now);
            }
        }
        if (acted) {
            lastNoopChanges = -1;
        } else {
            lastNoopChanges = k.topologyChanges + changeSum();
            lastNoopMs = now;
        }
    }

    /** A cheap fingerprint of pod movement: the sum of the last-change times of the pools' joined nodes. */
    private long changeSum() {
        long sum = 0;
        for (KarpenterPool p : k.pools) {
            for (KarpenterPool.Node n : p.nodes) {
                if (n.host >= 0) {
                    sum += k.lastChangeMs[n.host] * 31 + n.host;
                }
            }
        }
        return sum;
    }

    private void finishReplacements(KarpenterPool p) {
        List<KarpenterPool.Node> done = new ArrayList<>();
        for (KarpenterPool.Node n : p.nodes) {
            if (n.replacement != null && n.replacement.host >= 0 && n.host >= 0) {
                done.add(n);
            }
        }
        for (KarpenterPool.Node n : done) {
            p.replaced++;
            drain(n);
        }
    }

    private void expire(KarpenterPool p, long now) {
        List<KarpenterPool.Node> old = new ArrayList<>();
        for (KarpenterPool.Node n : p.nodes) {
            if (n.host >= 0 && now - n.launchMs >= p.config.expireAfterMs()) {
                old.add(n);
            }
        }
        for (KarpenterPool.Node n : old) {
            p.expired++;
            drain(n);
        }
    }

    private void drain(KarpenterPool.Node n) {
        n.removing = true;
        k.provisioner.drainAndRemove(n.host);
    }

    private boolean consolidate(KarpenterPool p, long now) {
        int total = p.nodes.size();
        int notReady = 0;
        int disrupting = 0;
        for (KarpenterPool.Node n : p.nodes) {
            if (n.host < 0) {
                notReady++;
            }
            if (n.replacement != null) {
                disrupting++;
            }
        }
        int allowed = KarpenterPoolConfig.budget(total, p.config.budgetPercent()) - disrupting - notReady;
        if (allowed <= 0) {
            return false;
        }
        List<KarpenterPool.Node> candidates = new ArrayList<>();
        for (KarpenterPool.Node n : p.nodes) {
            if (n.host < 0 || k.hosts.isCordoned(n.host) || n.replacement != null
                    || n.replaces != null && n.replaces.host >= 0) {
                continue;
            }
            long eligibleAt = k.lastChangeMs[n.host] + p.config.consolidateAfterMs();
            if (eligibleAt > now) {
                nextEligibleMs = Math.min(nextEligibleMs, eligibleAt);
                continue;
            }
            if (!runsJobPods(n.host) && !nominated(n.host)) {
                candidates.add(n);
            }
        }
        // Fewest pods first, then oldest (launch order), as Karpenter's disruption cost orders them.
        candidates.sort((a, b) -> Integer.compare(k.hosts.runningCount(a.host), k.hosts.runningCount(b.host)));
        List<KarpenterPool.Node> empty = new ArrayList<>();
        for (KarpenterPool.Node n : candidates) {
            if (k.hosts.runningCount(n.host) == 0 && empty.size() < allowed) {
                empty.add(n);
            }
        }
        if (!empty.isEmpty()) {
            for (KarpenterPool.Node n : empty) {
                p.emptyDeleted++;
                drain(n);
            }
            return true;
        }
        for (KarpenterPool.Node n : candidates) {
            if (singleNode(p, n, now)) {
                return true;
            }
        }
        return false;
    }

    /** True if a pending pod would pass the filters on {@code host} now (topology spread aside). */
    private boolean nominated(int host) {
        if (k.runtime.pendingCount() == 0) {
            return false;
        }
        ContainerHosts hosts = k.hosts;
        for (Workload w : k.runtime.workloads()) {
            if (k.runtime.pendingCount(w) > 0 && w.target() instanceof TaskTarget.OnHosts
                    && ((TaskTarget.OnHosts) w.target()).group() instanceof PodGroup) {
                PodGroup g = (PodGroup) ((TaskTarget.OnHosts) w.target()).group();
                if (hosts.cpuFree(host) >= g.cpuRequest() && hosts.memoryFreeMiB(host) >= g.memoryRequestMiB()
                        && hosts.podsAllocated(host) < hosts.podCapacity(host) && g.admitsHost(host)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean runsJobPods(int host) {
        for (Workload w : k.runtime.workloads()) {
            if (w.kind() == Workload.Kind.JOB && w.target() instanceof TaskTarget.OnHosts
                    && ((TaskTarget.OnHosts) w.target()).group().runningOn(host) > 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Delete {@code n} if its pods fit elsewhere, else replace it with one cheaper node if that works. "Fit" is
     * checked so that it holds whatever order and node kube-scheduler picks: every pod of the node counts as the
     * largest CPU and the largest memory request among them, and a node offers floor(free / largest) such slots per
     * resource (a pod never takes more than one slot of each, so if slots >= pods, each pod finds room when its turn
     * comes). Only nodes that every one of the pods may use count.
     */
    private boolean singleNode(KarpenterPool p, KarpenterPool.Node n, long now) {
        ContainerHosts hosts = k.hosts;
        List<PodGroup> groups = new ArrayList<>();
        int pods = 0;
        long maxCpu = 0;
        long maxMem = 0;
        for (Workload w : k.runtime.workloads()) {
            if (w.target() instanceof TaskTarget.OnHosts
                    && ((TaskTarget.OnHosts) w.target()).group() instanceof PodGroup) {
                PodGroup g = (PodGroup) ((TaskTarget.OnHosts) w.target()).group();
                int c = g.runningOn(n.host);
                if (c > 0) {
                    groups.add(g);
                    pods += c;
                    maxCpu = Math.max(maxCpu, g.cpuRequest());
                    maxMem = Math.max(maxMem, g.memoryRequestMiB());
                }
            }
        }
        if (pods == 0) {
            return false;
        }
        Set<Integer> excluded = new HashSet<>();
        excluded.add(n.host);
        for (KarpenterPool q : k.pools) {
            for (KarpenterPool.Node m : q.nodes) {
                if (m.host >= 0 && m.replacement != null) {
                    excluded.add(m.host); // about to go
                }
            }
        }
        long slots = 0;
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (!hosts.isActive(h) || hosts.isCordoned(h) || excluded.contains(h) || !admitsAll(groups, h)) {
                continue;
            }
            slots += slots(hosts.cpuFree(h), hosts.memoryFreeMiB(h), hosts.podCapacity(h) - hosts.podsAllocated(h),
                    maxCpu, maxMem);
        }
        if (slots >= pods) {
            p.underutilizedDeleted++;
            drain(n);
            return true;
        }
        long needed = pods - slots;
        long currentPrice = p.price(n.offering, k.prices, now);
        if (currentPrice < 0) {
            return false;
        }
        p.computeAllocatable(k.scheduler.daemonSets());
        boolean[] cheaper = new boolean[p.offerings()];
        boolean[] cheaperType = new boolean[p.types.length];
        boolean any = false;
        for (int o = 0; o < p.offerings(); o++) {
            int t = p.typeOf(o);
            if (!p.launchable(o, k.prices, now) || p.price(o, k.prices, now) >= currentPrice
                    || slots(p.allocCpu[t], p.allocMem[t], p.allocPods[t], maxCpu, maxMem) < needed
                    || p.provisionedCpu + p.cpuCapacity(t) > p.config.cpuLimitMillicores()
                    || p.provisionedMem + p.memCapacity(t) > p.config.memoryLimitMiB()) {
                continue;
            }
            boolean ok = true;
            for (PodGroup g : groups) {
                ok &= g.admits(p.specs[o]);
            }
            cheaper[o] = ok;
            cheaperType[t] |= ok;
            any |= ok;
        }
        if (!any) {
            return false;
        }
        if (p.market == Market.SPOT) {
            int types = 0;
            for (boolean b : cheaperType) {
                types += b ? 1 : 0;
            }
            if (types < SPOT_TO_SPOT_MIN_CHEAPER_TYPES) {
                return false;
            }
        }
        KarpenterPool.Node replacement = k.launchReplacement(p, cheaper, now);
        if (replacement == null) {
            return false;
        }
        n.replacement = replacement;
        replacement.replaces = n;
        return true;
    }

    private static boolean admitsAll(List<PodGroup> groups, int host) {
        for (PodGroup g : groups) {
            if (!g.admitsHost(host)) {
                return false;
            }
        }
        return true;
    }

    /** Pods of at most {@code maxCpu} and {@code maxMem} that fit in the given free room, whatever their order. */
    static long slots(long freeCpu, long freeMem, long freePods, long maxCpu, long maxMem) {
        long n = Math.max(0, freePods);
        if (maxCpu > 0) {
            n = Math.min(n, Math.max(0, freeCpu) / maxCpu);
        }
        if (maxMem > 0) {
            n = Math.min(n, Math.max(0, freeMem) / maxMem);
        }
        return n;
    }

}
