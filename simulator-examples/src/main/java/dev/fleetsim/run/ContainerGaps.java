package dev.fleetsim.run;

import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the container wiring needs from the rest of the run: which fault targets are container capacity (for
 * NotSimulated), and the EC2 rates its instances need before anything runs (for PricingSetup). Nothing of the
 * container sections is left out any more: capacity is Auto Scaling groups and Karpenter NodeClaims, interrupted when
 * Spot, resized by ECS managed scaling, the Cluster Autoscaler and Karpenter when configured; service and pod
 * autoscaling, rolling deployments, Fargate Spot interruptions (ContainerDynamics) and task startup (TaskStartup) are
 * simulated. Spot container instances bill at the scenario's Spot market price like any Spot instance.
 */
final class ContainerGaps {

    private ContainerGaps() {
    }

    /** True if {@code name} is an EC2 capacity provider, a managed or a Karpenter node pool: an interruption target. */
    static boolean isCapacityTarget(ScenarioSpec spec, String name) {
        for (EcsClusterSpec c : spec.ecs().clusters()) {
            for (CapacityProviderSpec cp : c.capacityProviders()) {
                if (cp.group() != null && cp.name().equals(name)) {
                    return true;
                }
            }
        }
        for (EksClusterSpec c : spec.eks().clusters()) {
            for (NodePoolSpec p : c.nodePools()) {
                if (p.kind() != NodePoolSpec.NodePoolKind.FARGATE && p.name().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Container instances bill as EC2: their On-Demand rate must exist, as PricingSetup demands of ec2.instances. */
    static List<Issue> rateIssues(ScenarioSpec spec, PriceBook book) {
        List<Issue> issues = new ArrayList<>();
        List<EcsClusterSpec> ecs = spec.ecs().clusters();
        for (int i = 0; i < ecs.size(); i++) {
            List<CapacityProviderSpec> providers = ecs.get(i).capacityProviders();
            for (int j = 0; j < providers.size(); j++) {
                CapacityProviderSpec cp = providers.get(j);
                if (cp.group() != null && maxOf(cp.group().max(), cp.group().desired()) > 0) {
                    // The group may launch any of its types.
                    for (String type : cp.group().instanceTypes()) {
                        check(issues, "ecs.clusters[" + i + "].capacityProviders[" + j + "].group", type,
                                cp.group().os(), spec, book);
                    }
                    if (cp.group().market() == dev.fleetsim.host.Market.SPOT) {
                        SpotPriceChecks.pool(issues, "ecs.clusters[" + i + "].capacityProviders[" + j + "].group",
                                cp.group().instanceTypes(), cp.group().os(), Tenancy.SHARED, spec, book);
                    }
                }
            }
        }
        List<EksClusterSpec> eks = spec.eks().clusters();
        for (int i = 0; i < eks.size(); i++) {
            List<NodePoolSpec> pools = eks.get(i).nodePools();
            for (int j = 0; j < pools.size(); j++) {
                NodePoolSpec p = pools.get(j);
                // A karpenter pool may launch any of its candidates; a Spot price derives from the On-Demand rate.
                if (p.kind() == NodePoolSpec.NodePoolKind.MANAGED && maxOf(p.max(), p.desired()) > 0
                        || p.kind() == NodePoolSpec.NodePoolKind.KARPENTER) {
                    for (String type : p.instanceTypes()) {
                        check(issues, "eks.clusters[" + i + "].nodePools[" + j + "]", type, p.os(), spec, book);
                    }
                    if (p.market() == dev.fleetsim.host.Market.SPOT) {
                        SpotPriceChecks.pool(issues, "eks.clusters[" + i + "].nodePools[" + j + "]", p.instanceTypes(),
                                p.os(), Tenancy.SHARED, spec, book);
                    }
                }
            }
        }
        return issues;
    }

    private static int maxOf(Integer max, Integer desired) {
        return Math.max(max == null ? 0 : max, desired == null ? 0 : desired);
    }

    private static void check(List<Issue> issues, String path, String type, dev.fleetsim.host.OperatingSystem os,
            ScenarioSpec spec, PriceBook book) {
        try {
            book.onDemandUsdPerHour(type, spec.region(), os, Tenancy.SHARED);
        } catch (MissingRateException e) {
            issues.add(new Issue(path, e.getMessage(), "add a pricing.rates entry with match {type: " + type
                    + ", os: " + os.key() + ", tenancy: shared} and an onDemand rate"));
        }
    }
}
