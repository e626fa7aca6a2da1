package dev.fleetsim.run;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.autoscaling.ManagedScaling;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.placement.EcsPlacer;
import dev.fleetsim.placement.EcsTaskDefinition;
import dev.fleetsim.placement.PlacementConstraint;
import dev.fleetsim.placement.PlacementStrategy;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.LaunchType;
import dev.fleetsim.scenario.spec.ManagedScalingSpec;
import dev.fleetsim.scenario.spec.PlacementConstraintSpec;
import dev.fleetsim.scenario.spec.PlacementSpec;
import dev.fleetsim.scenario.spec.PlacementStrategySpec;
import dev.fleetsim.scenario.spec.ProviderGroupSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.StrategyItemSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import dev.fleetsim.report.ContainerScaling;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ecs.clusters} on the container kernel (SPEC sections 3 and 5, aws-rules.md items 5 and 7).
 *
 * <ul>
 *   <li>An EC2 capacity provider is its Auto Scaling group ({@link ContainerGroup}, a {@link NodeGroup}): min,
 *       max and desired, all its {@code instanceTypes}, its zones, its market; the desired capacity runs at time 0.
 *       Its instances are real EC2 instances billed as EC2 in the group's market that join the provider's own
 *       {@link ContainerHosts} when running, with their own {@link EcsPlacer} and {@link ClusterRuntime}: a task
 *       sent to a provider is placed only on that provider's instances. Spot instances are interrupted (hazard and
 *       forced faults) with ECS Spot draining; see {@link ContainerInstances}. With {@code managedScaling} the
 *       group is resized by {@link ManagedScaling} (cluster auto scaling on CapacityProviderReservation).</li>
 *   <li>FARGATE and FARGATE_SPOT tasks are one run each of their {@link FargateUsage} (FARGATE_SPOT: spot), on
 *       the cluster's Fargate runtime, spread round-robin over the scenario's zones ({@code FargateZones}); they
 *       wait only while a zone outage has every zone out.</li>
 *   <li>A service's desired count is split over its strategy by {@link ProviderSplit}; each provider's share is
 *       a service of that provider's runtime. On EC2 it is placed with the service's placement, by default
 *       spread on attribute:ecs.availability-zone, then spread on instanceId (the console's "AZ balanced
 *       spread"; it stands in for ECS's random choice within a zone), ties to the lowest host index.</li>
 *   <li>One-off and batch tasks arrive and run per SPEC section 5; with launchType EC2 they are placed with the
 *       task's placement, by default none (first fit: the lowest host index that fits; ECS documents no default
 *       strategy for standalone tasks). A task that fits nowhere waits PENDING in its workload's FIFO.</li>
 * </ul>
 *
 * <p>Ids: cluster k's container instances are {@code runIds(k, 0)}, its Fargate task runs {@code runIds(k, 1)}
 * (provider j of the cluster from {@code runIds(k, 0) + j x 2^32}, see {@link ContainerClusters}). Random streams: arrivals and durations of {@code ecs/CLUSTER/TASK}, placement
 * ({@code random} only) of {@code ecs/CLUSTER/PROVIDER}.
 */
final class EcsClusters {

    /** One EC2 capacity provider: its hosts, placer, runtime, Auto Scaling group and managed scaling (or null). */
    private record Ec2Provider(ContainerHosts hosts, EcsPlacer placer, ClusterRuntime runtime, ContainerGroup group,
            ManagedScaling scaling) {
    }

    private final List<WorkloadLine> lines = new ArrayList<>();
    private final List<CapacityLine> capacityLines = new ArrayList<>();
    /** Per cluster name, in file order: its EC2 providers by name, in file order. */
    private final Map<String, Map<String, Ec2Provider>> providersByCluster = new LinkedHashMap<>();
    private final Map<String, ClusterRuntime> fargateByCluster = new LinkedHashMap<>();
    /** Managed scaling by the group it resizes; lookup only, never iterated. */
    private final Map<ContainerInstances, ManagedScaling> scalingByGroup = new IdentityHashMap<>();

    EcsClusters(Simulation sim, RandomStreams streams, ScenarioSpec spec, InstanceCatalog catalog,
            UsageListener usage, CpuUtilization cpu, ContainerClusters.RunIds ids, CapacitySetup capacity) {
        List<EcsClusterSpec> clusters = spec.ecs().clusters();
        for (int k = 0; k < clusters.size(); k++) {
            new Cluster(sim, streams, spec, catalog, usage, cpu, ids, k, clusters.get(k), capacity).build();
        }
    }

    List<WorkloadLine> lines() {
        return lines;
    }

    /** Per EC2 capacity provider, in file order: its instances' launches, interruptions and replacements. */
    List<CapacityLine> capacityLines() {
        return capacityLines;
    }

    /** The Auto Scaling groups of the cluster's EC2 capacity providers, in file order; empty for an unknown name. */
    List<NodeGroup> nodeGroups(String cluster) {
        List<NodeGroup> groups = new ArrayList<>();
        for (Ec2Provider p : providersByCluster.getOrDefault(cluster, Map.of()).values()) {
            groups.add(p.group());
        }
        return groups;
    }

    /** What managed scaling did to {@code source}, or null when it does not resize it. */
    ContainerScaling scaling(ContainerInstances source) {
        ManagedScaling m = scalingByGroup.get(source);
        return m == null ? null : new ContainerScaling("managed-scaling", m.peakDesired(), m.scaleOuts(),
                m.instancesAdded(), m.scaleIns(), m.instancesRemoved());
    }

    /** The managed scaling of one EC2 capacity provider, or null when it has none (or no such provider). */
    ManagedScaling managedScaling(String cluster, String provider) {
        Ec2Provider p = providersByCluster.getOrDefault(cluster, Map.of()).get(provider);
        return p == null ? null : p.scaling();
    }

    /** The task runtime of one EC2 capacity provider (its services' and tasks' shares), or null. */
    ClusterRuntime runtime(String cluster, String provider) {
        Ec2Provider p = providersByCluster.getOrDefault(cluster, Map.of()).get(provider);
        return p == null ? null : p.runtime();
    }

    /** The placer of one EC2 capacity provider, or null. */
    EcsPlacer placer(String cluster, String provider) {
        Ec2Provider p = providersByCluster.getOrDefault(cluster, Map.of()).get(provider);
        return p == null ? null : p.placer();
    }

    /** Every cluster's FARGATE / FARGATE_SPOT task runtime, in file order. */
    Collection<ClusterRuntime> fargateRuntimes() {
        return fargateByCluster.values();
    }

    /** The cluster's FARGATE / FARGATE_SPOT task runtime, or null if nothing runs on Fargate there. */
    ClusterRuntime fargateRuntime(String cluster) {
        return fargateByCluster.get(cluster);
    }

    /**
     * A forced {@code spot-interruption} of every EC2 capacity provider named {@code provider} (in any cluster).
     *
     * @return false if none has that name
     */
    boolean interrupt(String provider, long atMs) {
        boolean found = false;
        for (Map<String, Ec2Provider> providers : providersByCluster.values()) {
            Ec2Provider p = providers.get(provider);
            if (p != null) {
                p.group().scheduleForcedNotice(atMs);
                found = true;
            }
        }
        return found;
    }

    /** Container instances of the cluster running at least one task now. */
    int busyHosts(String cluster) {
        int busy = 0;
        for (Ec2Provider p : providersByCluster.getOrDefault(cluster, Map.of()).values()) {
            ContainerHosts hosts = p.hosts();
            for (int h = 0; h < hosts.hostSlots(); h++) {
                busy += hosts.isActive(h) && hosts.runningCount(h) > 0 ? 1 : 0;
            }
        }
        return busy;
    }

    private final class Cluster {
        private final Simulation sim;
        private final RandomStreams streams;
        private final ScenarioSpec spec;
        private final InstanceCatalog catalog;
        private final UsageListener usage;
        private final CpuUtilization cpu;
        private final ContainerClusters.RunIds ids;
        private final int index;
        private final EcsClusterSpec cluster;
        private final CapacitySetup capacity;
        private final Map<String, Ec2Provider> ec2 = new LinkedHashMap<>();
        private ClusterRuntime fargate;

        Cluster(Simulation sim, RandomStreams streams, ScenarioSpec spec, InstanceCatalog catalog,
                UsageListener usage, CpuUtilization cpu, ContainerClusters.RunIds ids, int index,
                EcsClusterSpec cluster, CapacitySetup capacity) {
            this.capacity = capacity;
            this.sim = sim;
            this.streams = streams;
            this.spec = spec;
            this.catalog = catalog;
            this.usage = usage;
            this.cpu = cpu;
            this.ids = ids;
            this.index = index;
            this.cluster = cluster;
        }

        void build() {
            Map<String, Ec2Provider> providers = providersByCluster.computeIfAbsent(cluster.name(),
                    n -> new LinkedHashMap<>());
            List<CapacityProviderSpec> cps = cluster.capacityProviders();
            for (int j = 0; j < cps.size(); j++) {
                CapacityProviderSpec cp = cps.get(j);
                if (cp.isFargate()) {
                    continue;
                }
                ContainerHosts hosts = ContainerHosts.ecs();
                cpu.follow(hosts);
                EcsPlacer placer = new EcsPlacer(hosts, streams.stream("placement",
                        WorkloadLine.streamName("ecs", cluster.name(), cp.name())));
                ClusterRuntime runtime = new ClusterRuntime(sim, streams, null, ids.of(index, 1), hosts,
                        spec.lifecycle().taskStartup().toMillis());
                ProviderGroupSpec g = cp.group();
                List<String> zones = g.zones().isEmpty() ? spec.zones() : g.zones();
                ContainerGroup group = ContainerClusters.group(sim, cp.name(), catalog, g.instanceTypes(), zones,
                        g.min(), g.max(), g.desired(), g.market(), g.os(), Map.of(), List.of(), false, hosts,
                        runtime, usage, capacity, ids.pool(index, 0, j));
                group.start();
                ManagedScaling scaling = null;
                if (cp.managedScaling() != null) {
                    ManagedScalingSpec m = cp.managedScaling();
                    scaling = new ManagedScaling(sim, group, runtime, new ManagedScaling.Config(m.targetCapacity(),
                            m.minimumScalingStepSize(), m.maximumScalingStepSize(),
                            m.instanceWarmupPeriod().toMillis()));
                    scaling.start();
                    scalingByGroup.put(group, scaling);
                }
                Ec2Provider p = new Ec2Provider(hosts, placer, runtime, group, scaling);
                ec2.put(cp.name(), p);
                providers.putIfAbsent(cp.name(), p);
                capacityLines.add(new CapacityLine(cluster.name(), cp.name(), "ecs-capacity-provider", group));
            }
            for (ServiceSpec s : cluster.services()) {
                service(s);
            }
            for (TaskSpec t : cluster.tasks()) {
                task(t);
            }
        }

        private void service(ServiceSpec s) {
            WorkloadLine line = new WorkloadLine(cluster.name(), s.name(), "ecs-service");
            lines.add(line);
            List<String> providers = new ArrayList<>();
            int[] counts;
            if (s.strategy() != null) {
                List<StrategyItemSpec> items = s.strategy();
                int[] base = new int[items.size()];
                int[] weight = new int[items.size()];
                for (int i = 0; i < items.size(); i++) {
                    providers.add(items.get(i).provider());
                    base[i] = items.get(i).base();
                    weight[i] = items.get(i).weight();
                }
                counts = ProviderSplit.split(s.desired(), base, weight);
            } else {
                providers.add(s.launchType() == LaunchType.EC2 ? s.capacityProvider() : s.launchType().key());
                counts = new int[] {s.desired()};
            }
            List<Workload> fargateParts = new ArrayList<>();
            for (int i = 0; i < providers.size(); i++) {
                String provider = providers.get(i);
                String name = WorkloadLine.streamName("ecs", cluster.name(), s.name() + "@" + provider);
                if (isFargate(provider)) {
                    ClusterRuntime rt = fargate();
                    Workload w = rt.addService(name, new TaskTarget.OnFargate(fargateUsage(s.arch(), s.os(),
                            s.cpu(), s.memory(), s.ephemeralStorageGiB(), provider)), counts[i]);
                    fargateParts.add(w);
                    line.add(rt, w);
                } else {
                    Ec2Provider p = ec2.get(provider);
                    List<PlacementStrategy> strategies = s.placement() == null || s.placement().strategies().isEmpty()
                            ? List.of(PlacementStrategy.spread("attribute:ecs.availability-zone"),
                                    PlacementStrategy.spread("instanceId"))
                            : strategies(s.placement());
                    Workload w = p.runtime().addService(name, new TaskTarget.OnHosts(p.placer().group(
                            "service:" + s.name(), definition(s.cpu(), s.memory(), s.arch()), strategies,
                            constraints(s.placement()))), counts[i]);
                    line.add(p.runtime(), w);
                }
            }
            if (!fargateParts.isEmpty()) {
                // One ECS service: its FARGATE and FARGATE_SPOT tasks spread across the zones together.
                fargate().fargateZones().spreadTogether(fargateParts, spec.zones());
            }
        }

        private void task(TaskSpec t) {
            WorkloadLine line = new WorkloadLine(cluster.name(), t.name(), "ecs-task");
            lines.add(line);
            String name = WorkloadLine.streamName("ecs", cluster.name(), t.name());
            if (t.launchType().isFargate()) {
                ClusterRuntime rt = fargate();
                Workload w = rt.addJob(name, new TaskTarget.OnFargate(fargateUsage(t.arch(), t.os(), t.cpu(),
                        t.memory(), t.ephemeralStorageGiB(), t.launchType().key())),
                        WorkloadLine.arrivals(t.arrivals()), WorkloadLine.duration(t.duration()));
                rt.fargateZones().assign(w, spec.zones());
                line.add(rt, w);
                return;
            }
            Ec2Provider p = ec2.get(t.capacityProvider());
            List<PlacementStrategy> strategies = t.placement() == null ? List.of() : strategies(t.placement());
            Workload w = p.runtime().addJob(name, new TaskTarget.OnHosts(p.placer().group("family:" + t.name(),
                    definition(t.cpu(), t.memory(), t.arch()), strategies, constraints(t.placement()))),
                    WorkloadLine.arrivals(t.arrivals()), WorkloadLine.duration(t.duration()));
            line.add(p.runtime(), w);
        }

        private ClusterRuntime fargate() {
            if (fargate == null) {
                fargate = new ClusterRuntime(sim, streams, usage, ids.of(index, 1), null,
                        spec.lifecycle().taskStartup().toMillis());
                fargateByCluster.putIfAbsent(cluster.name(), fargate);
            }
            return fargate;
        }
    }

    private static boolean isFargate(String provider) {
        return CapacityProviderSpec.FARGATE.equals(provider) || CapacityProviderSpec.FARGATE_SPOT.equals(provider);
    }

    /** aws-rules.md item 5: billed on the task's size (valid, checked by validation) and storage; Spot on FARGATE_SPOT. */
    private static FargateUsage fargateUsage(Architecture arch, OperatingSystem os, int cpuUnits, int memoryMiB,
            int storageGiB, String provider) {
        return new FargateUsage(arch == Architecture.ARM64, os, cpuUnits, memoryMiB, storageGiB,
                CapacityProviderSpec.FARGATE_SPOT.equals(provider));
    }

    private static EcsTaskDefinition definition(int cpuUnits, int memoryMiB, Architecture arch) {
        return new EcsTaskDefinition(cpuUnits, memoryMiB, arch);
    }

    private static List<PlacementStrategy> strategies(PlacementSpec p) {
        List<PlacementStrategy> list = new ArrayList<>();
        for (PlacementStrategySpec s : p.strategies()) {
            if (s.binpack() != null) {
                list.add(PlacementStrategy.binpack(s.binpack() == PlacementStrategySpec.BinpackResource.CPU
                        ? PlacementStrategy.Resource.CPU : PlacementStrategy.Resource.MEMORY));
            } else if (s.spread() != null) {
                list.add(PlacementStrategy.spread(s.spread()));
            } else {
                list.add(PlacementStrategy.random());
            }
        }
        return list;
    }

    private static List<PlacementConstraint> constraints(PlacementSpec p) {
        List<PlacementConstraint> list = new ArrayList<>();
        if (p == null) {
            return list;
        }
        for (PlacementConstraintSpec c : p.constraints()) {
            list.add(Boolean.TRUE.equals(c.distinctInstance()) ? PlacementConstraint.distinctInstance()
                    : PlacementConstraint.memberOf(c.memberOf()));
        }
        return list;
    }
}
