package dev.fleetsim.autoscaling;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.KubeReserved;
import dev.fleetsim.host.Market;
import dev.fleetsim.placement.DaemonSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The state of one Karpenter NodePool inside a {@link Karpenter}: its offerings (type x zone, index
 * {@code type * zones + zone}), its live node claims in launch order, its limit accounting and counters.
 */
final class KarpenterPool {

    /** One node claim of the pool. */
    static final class Node {
        final int claim;
        final int offering;
        final long launchMs;
        int host = -1;
        /** A cheaper node launched to replace this one; this one is drained when it joins. */
        Node replacement;
        /** The node this one replaces. */
        Node replaces;
        /** Set just before this controller drains it, so the removal is not counted as lost. */
        boolean removing;

        Node(int claim, int offering, long launchMs) {
            this.claim = claim;
            this.offering = offering;
            this.launchMs = launchMs;
        }
    }

    final KarpenterPoolConfig config;
    final InstanceType[] types;
    final String[] zones;
    final HostSpec[] specs;
    final Market market;
    /** Until when an offering is skipped after InsufficientInstanceCapacity (Karpenter's 3-minute ICE cache). */
    final long[] iceUntilMs;
    /** What an empty node of each type offers to pods, after kubeReserved, eviction threshold and DaemonSets. */
    final int[] allocCpu;
    final int[] allocMem;
    final int[] allocPods;
    final List<Node> nodes = new ArrayList<>();
    long provisionedCpu;
    long provisionedMem;

    long launched;
    long launchFailures;
    long emptyDeleted;
    long underutilizedDeleted;
    long replaced;
    long expired;
    long lost;
    int peakNodes;
    long limitBlocked;

    private final long[] keyA;
    private final long[] keyB;

    KarpenterPool(KarpenterPoolConfig config) {
        this.config = config;
        this.types = config.instanceTypes().toArray(new InstanceType[0]);
        this.zones = config.zones().toArray(new String[0]);
        this.market = config.market();
        int n = types.length * zones.length;
        specs = new HostSpec[n];
        for (int t = 0; t < types.length; t++) {
            if (types[t].vcpu() <= 0 || types[t].memoryMiB() <= 0) {
                throw new IllegalArgumentException("karpenter pool " + config.name() + ": " + types[t].name()
                        + " has no known vCPU count or memory");
            }
            for (int z = 0; z < zones.length; z++) {
                Map<String, String> labels = new TreeMap<>(config.labels());
                labels.put(KarpenterPoolConfig.NODEPOOL_LABEL, config.name());
                labels.put(KarpenterPoolConfig.CAPACITY_TYPE_LABEL, market == Market.SPOT ? "spot" : "on-demand");
                specs[t * zones.length + z] = new HostSpec(types[t], zones[z], config.os(), labels, config.taints());
            }
        }
        iceUntilMs = new long[n];
        allocCpu = new int[types.length];
        allocMem = new int[types.length];
        allocPods = new int[types.length];
        keyA = new long[n];
        keyB = new long[n];
    }

    int offerings() {
        return specs.length;
    }

    int typeOf(int offering) {
        return offering / zones.length;
    }

    String zoneOf(int offering) {
        return zones[offering % zones.length];
    }

    long cpuCapacity(int t) {
        return types[t].vcpu() * 1000L;
    }

    long memCapacity(int t) {
        return types[t].memoryMiB();
    }

    /** True if a node of type {@code t} would stay within the pool's cpu and memory limits. */
    boolean withinLimits(int t) {
        return provisionedCpu + cpuCapacity(t) <= config.cpuLimitMillicores()
                && provisionedMem + memCapacity(t) <= config.memoryLimitMiB();
    }

    /** Recomputes what an empty node of each type offers to pods (aws-rules.md E14 max pods, KubeReserved). */
    void computeAllocatable(List<DaemonSet> daemonSets) {
        int dsCpu = 0;
        int dsMem = 0;
        for (DaemonSet d : daemonSets) {
            dsCpu += d.cpuMillicores();
            dsMem += d.memoryMiB();
        }
        for (int t = 0; t < types.length; t++) {
            InstanceType type = types[t];
            int maxPods = KubeReserved.maxPods(type.maxPods());
            allocCpu[t] = type.vcpu() * 1000 - KubeReserved.cpuMillicores(type.vcpu()) - dsCpu;
            allocMem[t] = type.memoryMiB() - KubeReserved.memoryHeldBackMiB(maxPods) - dsMem;
            allocPods[t] = maxPods - daemonSets.size();
        }
    }

    boolean fitsEmpty(int t, long cpu, long mem, int pods) {
        return cpu <= allocCpu[t] && mem <= allocMem[t] && pods <= allocPods[t];
    }

    /** True if the offering may be tried now: not in the ICE cache, available, priced. */
    boolean launchable(int o, OfferingPrices prices, long nowMs) {
        String type = types[typeOf(o)].name();
        String zone = zoneOf(o);
        return iceUntilMs[o] <= nowMs && prices.available(type, zone, config.os(), market, nowMs)
                && prices.microUsdPerHour(type, zone, config.os(), market, nowMs) >= 0;
    }

    long price(int o, OfferingPrices prices, long nowMs) {
        return prices.microUsdPerHour(types[typeOf(o)].name(), zoneOf(o), config.os(), market, nowMs);
    }

    /**
     * The candidate offerings in the order a launch tries them. On-Demand: lowest price first (EC2 Fleet's
     * lowest-price, Karpenter's On-Demand strategy). Spot: price-capacity-optimized, read as the lowest Spot Advisor
     * interruption bucket first (most spare capacity), then the lowest price (aws-rules.md item 4). Ties: the
     * pool's type order, then its zone order (the offering index).
     *
     * @return how many offerings were written to {@code out}
     */
    int launchOrder(boolean[] candidates, OfferingPrices prices, long nowMs, int[] out) {
        int n = 0;
        for (int o = 0; o < specs.length; o++) {
            if (candidates[o] && launchable(o, prices, nowMs)) {
                long price = price(o, prices, nowMs);
                keyA[o] = market == Market.SPOT ? prices.interruptionBucket(types[typeOf(o)].name(), zoneOf(o), config.os()) : 0;
                keyB[o] = price;
                out[n++] = o;
            }
        }
        for (int i = 1; i < n; i++) {
            int o = out[i];
            int j = i - 1;
            while (j >= 0 && after(out[j], o)) {
                out[j + 1] = out[j];
                j--;
            }
            out[j + 1] = o;
        }
        return n;
    }

    private boolean after(int a, int b) {
        if (keyA[a] != keyA[b]) {
            return keyA[a] > keyA[b];
        }
        if (keyB[a] != keyB[b]) {
            return keyB[a] > keyB[b];
        }
        return a > b;
    }

    Node add(int claim, int offering, long nowMs) {
        Node node = new Node(claim, offering, nowMs);
        nodes.add(node);
        int t = typeOf(offering);
        provisionedCpu += cpuCapacity(t);
        provisionedMem += memCapacity(t);
        launched++;
        peakNodes = Math.max(peakNodes, nodes.size());
        return node;
    }

    void remove(Node node) {
        nodes.remove(node);
        int t = typeOf(node.offering);
        provisionedCpu -= cpuCapacity(t);
        provisionedMem -= memCapacity(t);
        if (node.replaces != null) {
            node.replaces.replacement = null;
        }
        if (node.replacement != null) {
            node.replacement.replaces = null;
        }
    }

    KarpenterCounters counters() {
        return new KarpenterCounters(config.name(), launched, launchFailures, emptyDeleted, underutilizedDeleted,
                replaced, expired, lost, nodes.size(), peakNodes, limitBlocked);
    }
}
