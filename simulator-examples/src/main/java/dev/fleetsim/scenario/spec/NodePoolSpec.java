package dev.fleetsim.scenario.spec;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A source of EKS nodes. {@code managed}: a managed node group (an Auto Scaling group; uses instanceTypes,
 * min, max, desired). {@code karpenter}: a Karpenter NodePool that launches the cheapest fitting of
 * instanceTypes and consolidates (uses limits, consolidation, consolidateAfter, expireAfter).
 * {@code fargate}: a Fargate profile for the listed namespaces, one pod per micro-VM.
 *
 * @param zones empty: all scenario zones
 * @param desired managed pools; default: min
 * @param market default on-demand (Fargate profiles have no Spot)
 * @param os default linux
 * @param consolidation karpenter; default true (WhenEmptyOrUnderutilized, aws-rules.md item 8)
 * @param consolidateAfter karpenter; default PT0S
 * @param expireAfter karpenter; default 720 hours
 * @param limits karpenter: the most cpu and memory the pool may provision; null: unlimited
 * @param labels node labels, for workload nodeSelectors
 */
public record NodePoolSpec(String name, NodePoolKind kind, List<String> instanceTypes, List<String> zones,
        Integer min, Integer max, Integer desired, Market market, OperatingSystem os, Boolean consolidation,
        Duration consolidateAfter, Duration expireAfter, ResourcesSpec limits, List<String> namespaces,
        Map<String, String> labels, List<TaintSpec> taints) {

    public NodePoolSpec {
        instanceTypes = Specs.list(instanceTypes);
        zones = Specs.list(zones);
        desired = desired == null ? min : desired;
        market = Specs.or(market, Market.ON_DEMAND);
        os = Specs.or(os, OperatingSystem.LINUX);
        if (kind == NodePoolKind.KARPENTER) {
            consolidation = Specs.or(consolidation, true);
            consolidateAfter = Specs.or(consolidateAfter, Duration.ZERO);
            expireAfter = Specs.or(expireAfter, Duration.ofHours(720));
        }
        namespaces = Specs.list(namespaces);
        labels = Specs.map(labels);
        taints = Specs.list(taints);
    }

    public enum NodePoolKind { MANAGED, KARPENTER, FARGATE }
}
