package dev.fleetsim.run;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.SpotSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What the container wiring leaves out, by scenario path (for NotSimulated), and the EC2 rates its instances
 * need before anything runs (for PricingSetup). Container capacity is fixed in this build: scaling, Karpenter,
 * Spot interruptions of container
 * instances and nodes are the dynamics still out (service and pod autoscaling, deployments and Fargate Spot
 * interruptions are simulated: ContainerDynamics). Spot container instances bill at the scenario's Spot market
 * price like any Spot instance.
 */
final class ContainerGaps {

    private ContainerGaps() {
    }

    static List<String> notSimulated(ScenarioSpec spec) {
        List<String> skipped = new ArrayList<>();
        boolean spotInstances = false;
        boolean workloads = false;
        List<EcsClusterSpec> ecs = spec.ecs().clusters();
        for (int i = 0; i < ecs.size(); i++) {
            EcsClusterSpec c = ecs.get(i);
            String path = "ecs.clusters[" + i + "]";
            for (int j = 0; j < c.capacityProviders().size(); j++) {
                CapacityProviderSpec cp = c.capacityProviders().get(j);
                if (cp.managedScaling() != null && cp.group() != null) {
                    skipped.add(path + ".capacityProviders[" + j + "].managedScaling (cluster auto scaling; '"
                            + cp.name() + "' stays at desired " + cp.group().desired() + ")");
                }
                spotInstances |= cp.group() != null && cp.group().market() == Market.SPOT;
            }
            workloads |= !c.services().isEmpty() || !c.tasks().isEmpty();
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
                spotInstances |= p.kind() == NodePoolSpec.NodePoolKind.MANAGED && p.market() == Market.SPOT;
            }
            if (c.autoscaler() == EksClusterSpec.Autoscaler.CLUSTER_AUTOSCALER) {
                skipped.add(path + ".autoscaler: cluster-autoscaler (managed pools stay at desired)");
            }
            workloads |= !c.workloads().isEmpty();
        }
        // Forced spot-interruption faults on container targets: NotSimulated names every target that is not an EC2
        // instance or group.
        // Fargate Spot tasks are interrupted (ContainerDynamics); Spot container instances and nodes are not yet.
        if (spotInstances && spec.pricing().spot().interruptions() == SpotSpec.Interruptions.HAZARD) {
            skipped.add("pricing.spot.interruptions: hazard on container capacity (Spot container instances and"
                    + " nodes run uninterrupted)");
        }
        if (workloads && !spec.lifecycle().taskStartup().isZero()) {
            skipped.add("lifecycle.taskStartup (container tasks and pods start at once and bill their duration)");
        }
        return skipped;
    }

    /** Container instances bill as EC2: their On-Demand rate must exist, as PricingSetup demands of ec2.instances. */
    static List<Issue> rateIssues(ScenarioSpec spec, PriceBook book) {
        List<Issue> issues = new ArrayList<>();
        List<EcsClusterSpec> ecs = spec.ecs().clusters();
        for (int i = 0; i < ecs.size(); i++) {
            List<CapacityProviderSpec> providers = ecs.get(i).capacityProviders();
            for (int j = 0; j < providers.size(); j++) {
                CapacityProviderSpec cp = providers.get(j);
                if (cp.group() != null && cp.group().desired() != null && cp.group().desired() > 0) {
                    check(issues, "ecs.clusters[" + i + "].capacityProviders[" + j + "].group",
                            cp.group().instanceTypes().get(0), cp.group().os(), spec, book);
                }
            }
        }
        List<EksClusterSpec> eks = spec.eks().clusters();
        for (int i = 0; i < eks.size(); i++) {
            List<NodePoolSpec> pools = eks.get(i).nodePools();
            for (int j = 0; j < pools.size(); j++) {
                NodePoolSpec p = pools.get(j);
                if (p.kind() == NodePoolSpec.NodePoolKind.MANAGED && p.desired() != null && p.desired() > 0) {
                    check(issues, "eks.clusters[" + i + "].nodePools[" + j + "]", p.instanceTypes().get(0), p.os(),
                            spec, book);
                }
            }
        }
        return issues;
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
