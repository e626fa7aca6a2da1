package dev.fleetsim.scenario;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.placement.ClusterQuery;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.DeploymentSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.LaunchType;
import dev.fleetsim.scenario.spec.ManagedScalingSpec;
import dev.fleetsim.scenario.spec.PlacementSpec;
import dev.fleetsim.scenario.spec.ProviderGroupSpec;
import dev.fleetsim.scenario.spec.ServiceAutoscalingSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.StrategyItemSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ECS clusters, capacity providers, services and tasks. Strategy limits (at most 6 providers, one base, no
 * mix of Fargate and Auto Scaling group providers, base 0..100000, weight 0..1000) and Fargate Spot's Linux
 * only rule follow the ECS API reference, CapacityProviderStrategyItem.
 */
final class EcsRules {

    private static final int MAX_STRATEGY_ITEMS = 6;

    /** A cluster's providers by name, with the instance types of EC2 ones. */
    private record Providers(Map<String, CapacityProviderSpec> byName, Map<String, List<InstanceType>> types) {
    }

    /** What a service or task asks for, whichever it is. */
    private record TaskShape(Integer cpu, Integer memory, Architecture arch, OperatingSystem os,
            Integer ephemeralStorageGiB, Duration stopTimeout) {
    }

    private EcsRules() {
    }

    static void check(Check c) {
        List<EcsClusterSpec> clusters = c.spec.ecs().clusters();
        c.uniqueNames("ecs.clusters", clusters, EcsClusterSpec::name, "cluster");
        for (int i = 0; i < clusters.size(); i++) {
            String path = Issues.index("ecs.clusters", i);
            if (!c.nullItem(path, clusters.get(i))) {
                cluster(c, path, clusters.get(i));
            }
        }
    }

    private static void cluster(Check c, String path, EcsClusterSpec cl) {
        c.requiredText(Issues.child(path, "name"), cl.name(), "");
        Providers providers = providers(c, Issues.child(path, "capacityProviders"), cl.capacityProviders());
        for (int i = 0; i < cl.services().size(); i++) {
            String p = Issues.index(Issues.child(path, "services"), i);
            if (!c.nullItem(p, cl.services().get(i))) {
                service(c, p, path, cl.services().get(i), providers);
            }
        }
        for (int i = 0; i < cl.tasks().size(); i++) {
            String p = Issues.index(Issues.child(path, "tasks"), i);
            if (!c.nullItem(p, cl.tasks().get(i))) {
                task(c, p, path, cl.tasks().get(i), providers);
            }
        }
    }

    private static Providers providers(Check c, String path, List<CapacityProviderSpec> list) {
        Map<String, CapacityProviderSpec> byName = new LinkedHashMap<>();
        Map<String, List<InstanceType>> types = new LinkedHashMap<>();
        c.uniqueNames(path, list, CapacityProviderSpec::name, "capacity provider");
        for (int i = 0; i < list.size(); i++) {
            String p = Issues.index(path, i);
            CapacityProviderSpec cp = list.get(i);
            if (c.nullItem(p, cp) || !c.requiredText(Issues.child(p, "name"), cp.name(),
                    "FARGATE, FARGATE_SPOT or a name for an Auto Scaling group provider")) {
                continue;
            }
            byName.putIfAbsent(cp.name(), cp);
            if (cp.isFargate()) {
                c.notApplicable(Issues.child(p, "group"), cp.group(), "to " + cp.name() + ", which AWS manages");
                c.notApplicable(Issues.child(p, "managedScaling"), cp.managedScaling(), "to " + cp.name());
                continue;
            }
            if (cp.group() == null) {
                String hint = DidYouMean.closest(cp.name(), List.of(CapacityProviderSpec.FARGATE,
                        CapacityProviderSpec.FARGATE_SPOT)).map(f -> "did you mean " + f + "?")
                        .orElse("add group: {instanceTypes: [m5.large], min: 0, max: 10}");
                c.issues.add(Issues.child(p, "group"), "required for an EC2 capacity provider", hint);
                continue;
            }
            ProviderGroupSpec g = cp.group();
            String gp = Issues.child(p, "group");
            List<InstanceType> t = c.instanceTypes(Issues.child(gp, "instanceTypes"), g.instanceTypes());
            types.put(cp.name(), t);
            c.osRunsOn(Issues.child(gp, "os"), g.os(), t);
            c.zoneSubset(Issues.child(gp, "zones"), g.zones());
            c.minDesiredMax(gp, g.min(), g.desired(), g.max());
            c.target(cp.name(), new Check.Target(p, "ECS capacity provider", g.market() == Market.SPOT));
            if (cp.managedScaling() != null) {
                managedScaling(c, Issues.child(p, "managedScaling"), cp.managedScaling());
            }
        }
        return new Providers(byName, types);
    }

    /** aws-rules.md item 7: targetCapacity 1..100; steps 1..10000. */
    private static void managedScaling(Check c, String path, ManagedScalingSpec m) {
        c.range(Issues.child(path, "targetCapacity"), m.targetCapacity(), 1, 100);
        c.range(Issues.child(path, "minimumScalingStepSize"), m.minimumScalingStepSize(), 1, 10_000);
        c.range(Issues.child(path, "maximumScalingStepSize"), m.maximumScalingStepSize(), 1, 10_000);
        if (m.minimumScalingStepSize() > m.maximumScalingStepSize()) {
            c.issues.add(Issues.child(path, "minimumScalingStepSize"), "is greater than maximumScalingStepSize", "");
        }
        c.nonNegative(Issues.child(path, "instanceWarmupPeriod"), m.instanceWarmupPeriod());
    }

    private static void service(Check c, String path, String clusterPath, ServiceSpec s, Providers providers) {
        c.workloadName(clusterPath, path, s.name());
        TaskShape shape = new TaskShape(s.cpu(), s.memory(), s.arch(), s.os(), s.ephemeralStorageGiB(),
                s.stopTimeout());
        boolean usesEc2 = false;
        boolean spot = false;
        if (s.strategy() != null && s.launchType() != null) {
            c.issues.add(path, "has both strategy and launchType", "use one of them");
        } else if (s.strategy() != null) {
            c.notApplicable(Issues.child(path, "capacityProvider"), s.capacityProvider(),
                    "with a strategy; name providers in the strategy");
            List<String> used = strategy(c, Issues.child(path, "strategy"), clusterPath, s.strategy(), providers);
            for (String name : used) {
                CapacityProviderSpec cp = providers.byName().get(name);
                if (cp.isFargate()) {
                    spot |= CapacityProviderSpec.FARGATE_SPOT.equals(name);
                    fargate(c, path, shape, CapacityProviderSpec.FARGATE_SPOT.equals(name));
                } else {
                    usesEc2 = true;
                    spot |= cp.group().market() == Market.SPOT;
                    fitsProvider(c, path, shape, name, providers);
                }
            }
        } else if (s.launchType() != null) {
            usesEc2 = launchType(c, path, clusterPath, s.launchType(), s.capacityProvider(), shape, providers);
            spot = s.launchType() == LaunchType.FARGATE_SPOT;
        } else {
            c.issues.add(path, "needs a strategy or a launchType", "e.g. strategy: [{provider: FARGATE, weight: 1}]");
        }
        shape(c, path, shape);
        c.target(s.name(), new Check.Target(path, "ECS service", spot));
        c.atLeast(Issues.child(path, "desired"), s.desired(), 0);
        if (s.autoscaling() != null) {
            autoscaling(c, Issues.child(path, "autoscaling"), s.autoscaling());
        }
        if (s.deployment() != null) {
            deployment(c, Issues.child(path, "deployment"), s.deployment(), s.desired());
        }
        placement(c, Issues.child(path, "placement"), s.placement(), usesEc2);
    }

    /** Returns the providers the strategy names that exist. */
    private static List<String> strategy(Check c, String path, String clusterPath, List<StrategyItemSpec> items,
            Providers providers) {
        List<String> used = new ArrayList<>();
        if (items.isEmpty()) {
            c.issues.add(path, "needs at least one provider", "e.g. [{provider: FARGATE, weight: 1}]");
            return used;
        }
        if (items.size() > MAX_STRATEGY_ITEMS) {
            c.issues.add(path, items.size() + " providers; a strategy holds at most " + MAX_STRATEGY_ITEMS, "");
        }
        int withBase = 0;
        int weighted = 0;
        boolean fargate = false;
        boolean ec2 = false;
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String p = Issues.index(path, i);
            StrategyItemSpec item = items.get(i);
            if (c.nullItem(p, item)) {
                continue;
            }
            c.range(Issues.child(p, "base"), item.base(), 0, 100_000);
            c.range(Issues.child(p, "weight"), item.weight(), 0, 1000);
            withBase += item.base() != null && item.base() > 0 ? 1 : 0;
            weighted += item.weight() != null && item.weight() > 0 ? 1 : 0;
            String name = item.provider();
            if (!c.requiredText(Issues.child(p, "provider"), name, "a capacity provider of the cluster")) {
                continue;
            }
            if (!seen.add(name)) {
                c.issues.add(Issues.child(p, "provider"), UserText.quote(name) + " is listed twice", "");
                continue;
            }
            CapacityProviderSpec cp = providers.byName().get(name);
            if (cp == null) {
                Set<String> names = providers.byName().keySet();
                c.issues.add(Issues.child(p, "provider"), "the cluster has no capacity provider "
                        + UserText.quote(name),
                        names.isEmpty() || (name.startsWith("FARGATE") && !names.contains(name))
                                ? "add {name: " + name + "} to " + clusterPath + ".capacityProviders"
                                : DidYouMean.hint(name, names, "providers"));
                continue;
            }
            fargate |= cp.isFargate();
            ec2 |= !cp.isFargate();
            if (cp.isFargate() || cp.group() != null) {
                used.add(name);
            }
        }
        if (withBase > 1) {
            c.issues.add(path, "more than one provider has a base", "only one provider in a strategy may have one");
        }
        if (weighted == 0) {
            c.issues.add(path, "no provider has a weight above 0", "give at least one a weight, e.g. weight: 1");
        }
        if (fargate && ec2) {
            c.issues.add(path, "mixes Fargate and Auto Scaling group providers",
                    "a strategy holds only Fargate providers or only Auto Scaling group providers");
        }
        return used;
    }

    /** Returns whether the task runs on EC2 capacity. */
    private static boolean launchType(Check c, String path, String clusterPath, LaunchType launchType,
            String capacityProvider, TaskShape shape, Providers providers) {
        String cpPath = Issues.child(path, "capacityProvider");
        if (launchType.isFargate()) {
            c.notApplicable(cpPath, capacityProvider, "to launchType " + launchType.key());
            if (launchType == LaunchType.FARGATE_SPOT
                    && !providers.byName().containsKey(CapacityProviderSpec.FARGATE_SPOT)) {
                c.issues.add(Issues.child(path, "launchType"), "FARGATE_SPOT is not a capacity provider of the"
                        + " cluster", "add {name: FARGATE_SPOT} to " + clusterPath + ".capacityProviders");
            }
            fargate(c, path, shape, launchType == LaunchType.FARGATE_SPOT);
            return false;
        }
        if (!c.requiredText(cpPath, capacityProvider, "with launchType EC2, name an Auto Scaling group provider of"
                + " the cluster")) {
            return true;
        }
        CapacityProviderSpec cp = providers.byName().get(capacityProvider);
        if (cp == null) {
            List<String> ec2Names = new ArrayList<>(providers.types().keySet());
            c.issues.add(cpPath, "the cluster has no capacity provider " + UserText.quote(capacityProvider),
                    ec2Names.isEmpty() ? "add one with a group to " + clusterPath + ".capacityProviders"
                            : DidYouMean.hint(capacityProvider, ec2Names, "EC2 providers"));
        } else if (cp.isFargate()) {
            c.issues.add(cpPath, capacityProvider + " is a Fargate provider", "use launchType: " + capacityProvider);
        } else {
            fitsProvider(c, path, shape, capacityProvider, providers);
        }
        return true;
    }

    private static void task(Check c, String path, String clusterPath, TaskSpec t, Providers providers) {
        c.workloadName(clusterPath, path, t.name());
        TaskShape shape = new TaskShape(t.cpu(), t.memory(), t.arch(), t.os(), t.ephemeralStorageGiB(),
                t.stopTimeout());
        boolean ec2 = false;
        if (c.required(Issues.child(path, "launchType"), t.launchType(), "FARGATE, FARGATE_SPOT or EC2")) {
            ec2 = launchType(c, path, clusterPath, t.launchType(), t.capacityProvider(), shape, providers);
        }
        boolean spot = t.launchType() == LaunchType.FARGATE_SPOT;
        if (ec2 && t.capacityProvider() != null && providers.types().containsKey(t.capacityProvider())) {
            spot = providers.byName().get(t.capacityProvider()).group().market() == Market.SPOT;
        }
        c.target(t.name(), new Check.Target(path, "ECS task", spot));
        shape(c, path, shape);
        WorkRules.arrivals(c, Issues.child(path, "arrivals"), t.arrivals());
        WorkRules.duration(c, Issues.child(path, "duration"), t.duration());
        placement(c, Issues.child(path, "placement"), t.placement(), ec2);
    }

    private static void shape(Check c, String path, TaskShape s) {
        if (c.required(Issues.child(path, "cpu"), s.cpu(), "CPU units, 1024 = 1 vCPU")) {
            c.atLeast(Issues.child(path, "cpu"), s.cpu(), 1);
        }
        if (c.required(Issues.child(path, "memory"), s.memory(), "MiB")) {
            c.atLeast(Issues.child(path, "memory"), s.memory(), 1);
        }
        Duration stop = s.stopTimeout();
        if (stop != null && (stop.isNegative() || stop.compareTo(Duration.ofSeconds(120)) > 0)) {
            c.issues.add(Issues.child(path, "stopTimeout"), Durations.format(stop) + " is out of range",
                    "from PT0S to PT120S (aws-rules.md item 4)");
        }
    }

    /** aws-rules.md item 5: size combinations, Windows sizes, ephemeral storage 20..200 GiB on ECS. */
    private static void fargate(Check c, String path, TaskShape s, boolean spot) {
        if (s.cpu() != null && s.memory() != null && s.cpu() > 0 && s.memory() > 0) {
            FargateSizes.problem(s.cpu(), s.memory(), s.os()).ifPresent(p -> c.issues.add(path, p[0], p[1]));
        }
        c.range(Issues.child(path, "ephemeralStorageGiB"), s.ephemeralStorageGiB(), 20, 200);
        if (s.os() != OperatingSystem.LINUX && s.os() != OperatingSystem.WINDOWS) {
            c.issues.add(Issues.child(path, "os"), "Fargate runs Linux or Windows containers, not "
                    + EnumKeys.key(s.os()), "use os: linux");
        }
        if (s.os() == OperatingSystem.WINDOWS && s.arch() == Architecture.ARM64) {
            c.issues.add(Issues.child(path, "arch"), "Windows containers on Fargate run on x86_64 only",
                    "use arch: x86_64");
        }
        if (spot && s.os() == OperatingSystem.WINDOWS) {
            c.issues.add(Issues.child(path, "os"), "Fargate Spot runs Linux tasks only", "use FARGATE for Windows");
        }
    }

    /** The task must fit the provider's largest instance type and run on its architecture. */
    private static void fitsProvider(Check c, String path, TaskShape s, String provider, Providers providers) {
        List<InstanceType> types = providers.types().get(provider);
        if (types == null || types.isEmpty()) {
            return;
        }
        boolean archOk = false;
        boolean fits = false;
        InstanceType largest = types.get(0);
        for (InstanceType t : types) {
            if (t.architecture() != s.arch()) {
                continue;
            }
            archOk = true;
            if (s.cpu() != null && s.memory() != null && (long) s.cpu() <= t.vcpu() * 1024L
                    && s.memory() <= t.memoryMiB()) {
                fits = true;
            }
            if (t.vcpu() > largest.vcpu() || largest.architecture() != s.arch()) {
                largest = t;
            }
        }
        if (!archOk) {
            c.issues.add(Issues.child(path, "arch"), "provider " + provider + " has no " + s.arch().key()
                    + " instance types", "match arch to the provider's types or add " + s.arch().key() + " types");
        } else if (!fits && s.cpu() != null && s.memory() != null) {
            c.issues.add(path, s.cpu() + " CPU units and " + s.memory() + " MiB fit no instance type of provider "
                    + provider, "its largest " + s.arch().key() + " type " + largest.name() + " has "
                    + largest.vcpu() * 1024 + " CPU units and " + largest.memoryMiB() + " MiB");
        }
    }

    private static void autoscaling(Check c, String path, ServiceAutoscalingSpec a) {
        c.signal(Issues.child(path, "signal"), a.signal());
        if (c.required(Issues.child(path, "perTask"), a.perTask(), "demand one task serves")) {
            c.positive(Issues.child(path, "perTask"), a.perTask());
        }
        if (c.required(Issues.child(path, "targetUtilization"), a.targetUtilization(), "e.g. 0.6")) {
            c.fraction(Issues.child(path, "targetUtilization"), a.targetUtilization(), false);
        }
        c.minDesiredMax(path, a.min(), null, a.max());
        c.nonNegative(Issues.child(path, "scaleOutCooldown"), a.scaleOutCooldown());
        c.nonNegative(Issues.child(path, "scaleInCooldown"), a.scaleInCooldown());
    }

    /** aws-rules.md item 7: the floor rounds up, the ceiling rounds down; one of them must leave room. */
    private static void deployment(Check c, String path, DeploymentSpec d, Integer desired) {
        c.range(Issues.child(path, "minimumHealthyPercent"), d.minimumHealthyPercent(), 0, 100);
        c.atLeast(Issues.child(path, "maximumPercent"), d.maximumPercent(), 100);
        for (int i = 0; i < d.at().size(); i++) {
            String p = Issues.index(Issues.child(path, "at"), i);
            if (!c.nullItem(p, d.at().get(i))) {
                c.withinHorizon(p, d.at().get(i));
            }
        }
        if (desired != null && desired > 0) {
            long floor = (desired * (long) d.minimumHealthyPercent() + 99) / 100;
            long ceiling = desired * (long) d.maximumPercent() / 100;
            if (floor >= desired && ceiling <= desired) {
                c.issues.add(path, "a deployment could never replace a task: with desired " + desired
                        + ", minimumHealthyPercent keeps " + floor + " and maximumPercent allows " + ceiling,
                        "lower minimumHealthyPercent or raise maximumPercent");
            }
        }
    }

    private static void placement(Check c, String path, PlacementSpec p, boolean ec2) {
        if (p == null) {
            return;
        }
        if (!ec2) {
            c.issues.add(path, "applies to the EC2 launch type only", "Fargate spreads tasks across zones itself");
            return;
        }
        for (int i = 0; i < p.strategies().size(); i++) {
            String sp = Issues.index(Issues.child(path, "strategies"), i);
            var s = p.strategies().get(i);
            if (c.nullItem(sp, s)) {
                continue;
            }
            int forms = (s.binpack() != null ? 1 : 0) + (s.spread() != null ? 1 : 0)
                    + (Boolean.TRUE.equals(s.random()) ? 1 : 0);
            if (forms != 1) {
                c.issues.add(sp, "give exactly one of binpack, spread or random", "e.g. {binpack: cpu}");
            }
            if (s.spread() != null && !s.spread().equals("instanceId") && !s.spread().equals("host")
                    && !(s.spread().startsWith("attribute:") && s.spread().length() > "attribute:".length())) {
                c.issues.add(Issues.child(sp, "spread"), UserText.quote(s.spread()) + " is not a spread field",
                        "instanceId, host or attribute:NAME, e.g. attribute:ecs.availability-zone");
            }
        }
        for (int i = 0; i < p.constraints().size(); i++) {
            String cp = Issues.index(Issues.child(path, "constraints"), i);
            var k = p.constraints().get(i);
            if (c.nullItem(cp, k)) {
                continue;
            }
            int forms = (Boolean.TRUE.equals(k.distinctInstance()) ? 1 : 0) + (k.memberOf() != null ? 1 : 0);
            if (forms != 1) {
                c.issues.add(cp, "give exactly one of distinctInstance or memberOf", "");
            } else if (k.memberOf() != null && k.memberOf().isBlank()) {
                c.issues.add(Issues.child(cp, "memberOf"), "must not be blank",
                        "e.g. \"attribute:ecs.instance-type =~ m5.*\"");
            } else if (k.memberOf() != null) {
                try {
                    ClusterQuery.parse(k.memberOf());
                } catch (IllegalArgumentException e) { // ClusterQuerySyntaxException, with the column
                    c.issues.add(Issues.child(cp, "memberOf"), e.getMessage(),
                            "the ECS cluster query language, e.g. \"attribute:ecs.instance-type =~ m5.*\"");
                }
            }
        }
    }
}
