package dev.fleetsim.autoscaling;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One Karpenter NodePool (SPEC section 5, {@code eks.nodePools} kind karpenter).
 *
 * @param instanceTypes the types the pool may launch, in the scenario's order (ties in price go to the earlier)
 * @param zones the zones it may launch in, in order
 * @param consolidation WhenEmptyOrUnderutilized when true, no consolidation when false
 * @param consolidateAfterMs how long a node must go without a pod being added or removed before consolidation
 *     considers it
 * @param expireAfterMs node lifetime; {@link Long#MAX_VALUE}: never (default 720 h, aws-rules.md item 8)
 * @param cpuLimitMillicores the most vCPU capacity (x 1000) its nodes may have in total; {@link Long#MAX_VALUE}: none
 * @param memoryLimitMiB the most memory capacity its nodes may have in total; {@link Long#MAX_VALUE}: none
 * @param budgetPercent the disruption budget, percent of the pool's nodes (default 10, aws-rules.md item 8)
 */
public record KarpenterPoolConfig(String name, List<InstanceType> instanceTypes, List<String> zones, Market market,
        OperatingSystem os, Map<String, String> labels, List<Taint> taints, boolean consolidation,
        long consolidateAfterMs, long expireAfterMs, long cpuLimitMillicores, long memoryLimitMiB,
        int budgetPercent) {

    /** Karpenter's label naming a node's NodePool. */
    public static final String NODEPOOL_LABEL = "karpenter.sh/nodepool";
    /** Karpenter's label naming a node's market: "spot" or "on-demand". */
    public static final String CAPACITY_TYPE_LABEL = "karpenter.sh/capacity-type";
    public static final long DEFAULT_EXPIRE_AFTER_MS = 720L * 3_600_000L;
    public static final int DEFAULT_BUDGET_PERCENT = 10;

    public KarpenterPoolConfig {
        Objects.requireNonNull(name, "name");
        instanceTypes = List.copyOf(instanceTypes);
        zones = List.copyOf(zones);
        Objects.requireNonNull(market, "market");
        Objects.requireNonNull(os, "os");
        labels = Collections.unmodifiableMap(new TreeMap<>(labels));
        taints = List.copyOf(taints);
        if (instanceTypes.isEmpty() || zones.isEmpty()) {
            throw new IllegalArgumentException("karpenter pool " + name + " needs instance types and zones");
        }
        if (consolidateAfterMs < 0 || expireAfterMs <= 0 || cpuLimitMillicores <= 0 || memoryLimitMiB <= 0) {
            throw new IllegalArgumentException("karpenter pool " + name + ": consolidateAfter must be >= 0 and "
                    + "expireAfter and limits > 0");
        }
        if (budgetPercent < 0 || budgetPercent > 100) {
            throw new IllegalArgumentException("budget percent must be in [0, 100], got " + budgetPercent);
        }
    }

    /** A pool with Karpenter's defaults: consolidation after 0 s, expiry after 720 h, no limits, budget 10%. */
    public static KarpenterPoolConfig of(String name, List<InstanceType> types, List<String> zones, Market market) {
        return new KarpenterPoolConfig(name, types, zones, market, OperatingSystem.LINUX, Map.of(), List.of(), true, 0,
                DEFAULT_EXPIRE_AFTER_MS, Long.MAX_VALUE, Long.MAX_VALUE, DEFAULT_BUDGET_PERCENT);
    }

    public KarpenterPoolConfig withLimits(long cpuMillicores, long memoryMiB) {
        return new KarpenterPoolConfig(name, instanceTypes, zones, market, os, labels, taints, consolidation,
                consolidateAfterMs, expireAfterMs, cpuMillicores, memoryMiB, budgetPercent);
    }

    public KarpenterPoolConfig withConsolidation(boolean on, long afterMs) {
        return new KarpenterPoolConfig(name, instanceTypes, zones, market, os, labels, taints, on, afterMs,
                expireAfterMs, cpuLimitMillicores, memoryLimitMiB, budgetPercent);
    }

    public KarpenterPoolConfig withExpireAfter(long ms) {
        return new KarpenterPoolConfig(name, instanceTypes, zones, market, os, labels, taints, consolidation,
                consolidateAfterMs, ms, cpuLimitMillicores, memoryLimitMiB, budgetPercent);
    }

    public KarpenterPoolConfig withBudgetPercent(int percent) {
        return new KarpenterPoolConfig(name, instanceTypes, zones, market, os, labels, taints, consolidation,
                consolidateAfterMs, expireAfterMs, cpuLimitMillicores, memoryLimitMiB, percent);
    }

    public KarpenterPoolConfig withLabelsAndTaints(Map<String, String> nodeLabels, List<Taint> nodeTaints) {
        return new KarpenterPoolConfig(name, instanceTypes, zones, market, os, nodeLabels, nodeTaints, consolidation,
                consolidateAfterMs, expireAfterMs, cpuLimitMillicores, memoryLimitMiB, budgetPercent);
    }

    /** Disruptions allowed at once out of {@code nodes}: roundup(nodes x percent / 100) (aws-rules.md E21). */
    public static int budget(int nodes, int percent) {
        return (int) ((nodes * (long) percent + 99) / 100);
    }
}
