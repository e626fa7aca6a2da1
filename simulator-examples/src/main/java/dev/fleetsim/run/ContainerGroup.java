package dev.fleetsim.run;

import dev.fleetsim.autoscaling.AutoScalingGroup;
import dev.fleetsim.autoscaling.Ec2PlacementGroup;
import dev.fleetsim.autoscaling.GroupConfig;
import dev.fleetsim.autoscaling.InstanceProvisioner;
import dev.fleetsim.autoscaling.InstancesDistribution;
import dev.fleetsim.autoscaling.SpotAllocationStrategy;
import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.autoscaling.SpotPoolView;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.workload.ClusterRuntime;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Auto Scaling group behind an ECS capacity provider or an EKS managed node group, as a {@link NodeGroup}: a core
 * {@link AutoScalingGroup} (min, max, desired, every instance type in order, the pool's zones) whose provisioner
 * launches real EC2 instances that join the cluster's hosts ({@link ContainerInstances}).
 *
 * <p>Market (reading; the scenario has no mix keys for container pools): {@code on-demand} is all On-Demand, the
 * types in priority order (the first with capacity in the zone); {@code spot} is all Spot with
 * price-capacity-optimized, the allocation strategy EKS managed node groups use for Spot and the one AWS recommends
 * for Auto Scaling groups; ECS capacity providers take the same for want of a key.
 *
 * <p>Capacity Rebalancing (no scenario key for container pools): on for EKS managed Spot node groups, which EKS
 * creates with it enabled; off for ECS capacity providers, the Auto Scaling default. A Spot instance the group
 * loses to an interruption is replaced at once (the group is below desired).
 *
 * <p>Scale in ({@link #setDesired} below the current size): the instances whose hosts run tasks or pods are
 * protected from scale in (ECS managed termination protection; for EKS, reading: the same, so that a scale in never
 * drains a busy node while an idle one is left), so empty hosts and instances still pending go first, by the group's
 * termination policy among them; when every instance is busy, the chosen one is drained before it terminates
 * (ECS services and Deployments get replacements elsewhere; see {@link ContainerInstances}).
 */
final class ContainerGroup extends ContainerInstances implements NodeGroup, InstanceProvisioner {

    private final String name;
    private final List<InstanceType> types;
    private final List<String> zones;
    private final OperatingSystem os;
    private final Map<String, String> attributes;
    private final List<Taint> taints;
    private final AutoScalingGroup group;
    private long replacements;

    /**
     * @param spotPools required when {@code market} is Spot
     * @param attributes ECS custom attributes or Kubernetes node labels every host carries
     * @param taints Kubernetes node taints; empty for ECS
     */
    ContainerGroup(Simulation sim, String name, List<InstanceType> types, List<String> zones, int min, int max,
            int desired, Market market, OperatingSystem os, Map<String, String> attributes, List<Taint> taints,
            boolean capacityRebalance, ContainerHosts hosts, ClusterRuntime runtime, UsageListener usage,
            LifecycleTimings timings, SpotInterruptionSource hazard, SpotPoolView spotPools, CapacityGate gate,
            long firstRunId) {
        super(sim, hosts, runtime, usage, timings, hazard, gate, firstRunId, name);
        this.name = Objects.requireNonNull(name, "name");
        this.types = List.copyOf(types);
        this.zones = List.copyOf(zones);
        this.os = Objects.requireNonNull(os, "os");
        this.attributes = Map.copyOf(attributes);
        this.taints = List.copyOf(taints);
        InstancesDistribution distribution = market == Market.SPOT
                ? InstancesDistribution.spot(0, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED)
                : InstancesDistribution.ALL_ON_DEMAND;
        // In service (for Capacity Rebalancing: the at-risk instance may go) once it runs and joins.
        GroupConfig config = new GroupConfig(name, types, zones, min, max, desired, distribution,
                capacityRebalance && market == Market.SPOT, Ec2PlacementGroup.NONE, timings.launchLatencyMs());
        this.group = new AutoScalingGroup(sim, config, this, market == Market.SPOT ? spotPools : null, null);
        // AZ rebalancing terminates idle hosts (and pending instances) before hosts running tasks or pods.
        group.keepIfPossibleWhenRebalancing(id -> {
            int h = hostOfInstance(id);
            return h >= 0 && hosts.runningCount(h) > 0;
        });
    }

    /** Launches the initial desired capacity, running at once. */
    void start() {
        group.start();
    }

    /**
     * A zone outage has ended: if the group uses the zone it rebalances into it (AZRebalance,
     * {@link AutoScalingGroup#rebalanceZones}): in an over-represented zone it terminates idle hosts and pending
     * instances first, and drains a busy host first, as for a scale in ({@link #terminate}).
     */
    void zoneRecovered(String zone) {
        if (zones.contains(zone)) {
            group.rebalanceZones();
        }
    }

    AutoScalingGroup autoScalingGroup() {
        return group;
    }

    /** Instances launched to replace interrupted ones (after a reclaim, or early on a rebalance recommendation). */
    long replacements() {
        return replacements;
    }

    // ---- InstanceProvisioner: the group launches and terminates through these ----

    @Override
    public int launch(String instanceType, String zone, Market market) {
        return launchInstance(new HostSpec(type(instanceType), zone, os, attributes, taints), market);
    }

    @Override
    public void terminate(int instanceId) {
        removeInstance(instanceId, EndCause.STOPPED);
    }

    // ---- NodeGroup ----

    @Override
    public String name() {
        return name;
    }

    @Override
    public int min() {
        return group.min();
    }

    @Override
    public int max() {
        return group.max();
    }

    @Override
    public int desired() {
        return group.desired();
    }

    @Override
    public void setDesired(int desired) {
        if (desired < group.effectiveSize()) {
            // Managed termination protection: busy hosts are protected, so scale in takes idle ones first.
            for (int id : group.instanceIds()) {
                int h = hostOfInstance(id);
                group.setScaleInProtection(id, h >= 0 && hosts.runningCount(h) > 0);
            }
        }
        group.setDesired(desired);
    }

    @Override
    public int size() {
        return group.size();
    }

    @Override
    public int templateCount() {
        return types.size();
    }

    /** The {@code i}-th type in the zone the group balances into next: the one holding the fewest of it, then list order. */
    @Override
    public HostSpec template(int i) {
        String zone = zones.get(0);
        int fewest = group.countInZone(zone);
        for (String z : zones) {
            int n = group.countInZone(z);
            if (n < fewest) {
                zone = z;
                fewest = n;
            }
        }
        return new HostSpec(types.get(i), zone, os, attributes, taints);
    }

    /**
     * Drains the host and terminates its instance, decrementing desired (TerminateInstanceInAutoScalingGroup with
     * should-decrement-desired-capacity).
     *
     * @throws IllegalArgumentException if the host is not one of this group's
     * @throws IllegalStateException if desired is already at min (AWS refuses the decrement)
     */
    @Override
    public void drainAndRemove(int host) {
        int id = instanceOfHost(host);
        if (id < 0 || !group.contains(id)) {
            throw new IllegalArgumentException(name + " has no host at index " + host);
        }
        group.terminateInstance(id, true);
    }

    @Override
    public ContainerHosts hosts() {
        return hosts;
    }

    // ---- Spot ----

    @Override
    protected void rebalance(int id) {
        if (group.contains(id)) {
            long before = group.launches();
            group.rebalanceRecommendation(id);
            replacements += group.launches() - before;
        }
    }

    @Override
    protected void lost(int id) {
        long before = group.launches();
        group.instanceLost(id);
        replacements += group.launches() - before;
    }

    @Override
    protected void lostToFault(int id) {
        group.instanceLost(id);
    }

    private InstanceType type(String instanceType) {
        for (InstanceType t : types) {
            if (t.name().equals(instanceType)) {
                return t;
            }
        }
        throw new IllegalArgumentException(name + " has no instance type " + instanceType);
    }
}
