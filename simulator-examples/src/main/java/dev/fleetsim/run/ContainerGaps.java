package dev.fleetsim.run;

import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.LaunchType;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.SpotSpec;
import dev.fleetsim.scenario.spec.StrategyItemSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the container wiring leaves out, by scenario path (for NotSimulated), and the EC2 rates its instances
 * need before anything runs (for PricingSetup). Container capacity is Auto Scaling groups, interrupted when Spot,
 * resized by ECS managed scaling and the Cluster Autoscaler when configured; Karpenter, service and pod autoscaling
 * and rolling deployments are listed here until wired. Spot container instances bill at the scenario's
 * Spot market price like any Spot instance.
 */
final class ContainerGaps {

    private ContainerGaps() {
    }

    static List<String> notSimulated(ScenarioSpec spec) {
        List<String> skipped = new ArrayList<>();
        boolean fargateSpot = false;
        boolean workloads = false;
        List<EcsClusterSpec> ecs = spec.ecs().clusters();
        for (int i = 0; i < ecs.size(); i++) {
            EcsClusterSpec c = ecs.get(i);
            String path = "ecs.clusters[" + i + "]";
            for (int j = 0; j < c.capacityProviders().size(); j++) {
                CapacityProviderSpec cp = c.capacityProviders().get(j);
            }
            for (int j = 0; j < c.services().size(); j++) {
                ServiceSpec s = c.services().get(j);
                workloads = true;
                if (s.autoscaling() != null) {
                    skipped.add(path + ".services[" + j + "].autoscaling (service auto scaling; '" + s.name()
                            + "' stays at desired " + s.desired() + ")");
                }
                if (s.deployment() != null && !s.deployment().at().isEmpty()) {
                    skipped.add(path + ".services[" + j + "].deployment (rolling deployments)");
                }
                fargateSpot |= s.launchType() == LaunchType.FARGATE_SPOT;
                if (s.strategy() != null) {
                    for (StrategyItemSpec item : s.strategy()) {
                        fargateSpot |= CapacityProviderSpec.FARGATE_SPOT.equals(item.provider());
                    }
                }
            }
            for (TaskSpec t : c.tasks()) {
                workloads = true;
                fargateSpot |= t.launchType() == LaunchType.FARGATE_SPOT;
            }
        }
        List<EksClusterSpec> eks = spec.eks().clusters();
        for (int i = 0; i < eks.size(); i++) {
            EksClusterSpec c = eks.get(i);
            String path = "eks.clusters[" + i + "]";
            for (int j = 0; j < c.nodePools().size(); j++) {
                NodePoolSpec p = c.nodePools().get(j);
                if (p.kind() == NodePoolSpec.NodePoolKind.KARPENTER) {
                    skipped.add(path + ".nodePools[" + j + "] (karpenter pool '" + p.name()
                            + "': provisioning and consolidation; it launches no nodes)");
                }
            }
            for (int j = 0; j < c.workloads().size(); j++) {
                WorkloadSpec w = c.workloads().get(j);
                workloads = true;
                if (w.autoscaling() != null) {
                    skipped.add(path + ".workloads[" + j + "].autoscaling (HPA; '" + w.name() + "' stays at "
                            + w.replicas() + " replicas)");
                }
            }
        }
        // Spot container instances and nodes are interrupted (hazard and forced faults); Fargate Spot tasks not yet.
        if (fargateSpot && spec.pricing().spot().interruptions() == SpotSpec.Interruptions.HAZARD) {
            skipped.add("pricing.spot.interruptions: hazard on Fargate Spot tasks (they run uninterrupted)");
        }
        if (workloads && !spec.lifecycle().taskStartup().isZero()) {
            skipped.add("lifecycle.taskStartup (container tasks and pods start at once and bill their duration)");
        }
        return skipped;
    }

    /** True if {@code name} is an EC2 capacity provider or a managed node pool: a spot-interruption target. */
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
                if (p.kind() == NodePoolSpec.NodePoolKind.MANAGED && p.name().equals(name)) {
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
                        checkSpot(issues, "ecs.clusters[" + i + "].capacityProviders[" + j + "].group",
                                cp.group().instanceTypes(), cp.group().os(), spec, book);
                    }
                }
            }
        }
        List<EksClusterSpec> eks = spec.eks().clusters();
        for (int i = 0; i < eks.size(); i++) {
            List<NodePoolSpec> pools = eks.get(i).nodePools();
            for (int j = 0; j < pools.size(); j++) {
                NodePoolSpec p = pools.get(j);
                if (p.kind() == NodePoolSpec.NodePoolKind.MANAGED && maxOf(p.max(), p.desired()) > 0) {
                    for (String type : p.instanceTypes()) {
                        check(issues, "eks.clusters[" + i + "].nodePools[" + j + "]", type, p.os(), spec, book);
                    }
                    if (p.market() == dev.fleetsim.host.Market.SPOT) {
                        checkSpot(issues, "eks.clusters[" + i + "].nodePools[" + j + "]", p.instanceTypes(), p.os(),
                                spec, book);
                    }
                }
            }
        }
        return issues;
    }

    /**
     * A Spot pool launches only types with a Spot price (a Spot Advisor row or a fixed rate): at least one. Under the
     * interruption hazard a type priced only by a fixed rate has no frequency bucket to draw from (aws-rules.md item 4).
     */
    private static void checkSpot(List<Issue> issues, String path, List<String> types,
            dev.fleetsim.host.OperatingSystem os, ScenarioSpec spec, PriceBook book) {
        if (spec.pricing().spot().interruptions() == SpotSpec.Interruptions.HAZARD) {
            for (String type : types) {
                if (book.spotAdvisor(type, spec.region(), os).isEmpty()
                        && book.fixedSpotUsdPerHour(type, os, Tenancy.SHARED).isPresent()) {
                    issues.add(new Issue(path, type + " (" + os.key() + ") has no Spot Advisor row in "
                            + spec.region() + ", so no interruption frequency for the hazard",
                            "set pricing.spot.interruptions: none (forced spot-interruption faults still apply), or"
                                    + " pick a type the Advisor covers"));
                }
            }
        }
        for (String type : types) {
            if (book.fixedSpotUsdPerHour(type, os, Tenancy.SHARED).isPresent()
                    || book.spotAdvisor(type, spec.region(), os).isPresent()) {
                return;
            }
        }
        issues.add(new Issue(path, "none of " + types + " has a Spot price in " + spec.region()
                + " (no Spot Advisor entry, no fixed rate): the Spot group could launch nothing",
                "add a pricing.rates entry with match {type: " + types.get(0) + ", os: " + os.key()
                        + ", tenancy: shared} and a spot rate"));
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
