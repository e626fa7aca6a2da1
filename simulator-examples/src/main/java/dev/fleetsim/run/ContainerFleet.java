package dev.fleetsim.run;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Ec2Instance;
import dev.fleetsim.host.FixedFleet;
import dev.fleetsim.host.FixedInstanceSpec;
import dev.fleetsim.host.InstanceState;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.UsageListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The EC2 instances behind container capacity (ECS capacity provider groups, EKS managed node groups) at a fixed
 * size: each pool's {@code count} instances are running at time 0 and stay running to the horizon, as EC2
 * instances of the host lifecycle ({@link FixedFleet}), so they bill through the same usage listener as any
 * instance (InstanceUsage: type, zone, OS, shared tenancy, the pool's market). An instance joins its pool's
 * {@link ContainerHosts} when it enters {@code running}.
 *
 * <p>Zones: a pool's instances go round-robin over its zones in the order listed (instance i in zone i mod n),
 * as an Auto Scaling group balances its zones. Instance ids (= run ids) are {@code firstInstanceId, +1, ...} in
 * pool order, then zone order. Nothing in this build stops these instances before the horizon: scaling and
 * interruptions of container capacity are dynamics (see NotSimulated).
 */
final class ContainerFleet {

    /**
     * One group of identical instances.
     *
     * @param attributes ECS custom attributes or Kubernetes node labels every instance carries
     * @param taints Kubernetes node taints; empty for ECS
     */
    record Pool(String name, InstanceType type, List<String> zones, int count, OperatingSystem os, Market market,
            Map<String, String> attributes, List<Taint> taints, ContainerHosts hosts) {
        Pool {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            zones = List.copyOf(zones);
            if (zones.isEmpty() || count < 0) {
                throw new IllegalArgumentException(name + ": a pool needs zones and a count >= 0");
            }
        }
    }

    private final List<HostSpec> hostSpecs = new ArrayList<>();
    private final List<ContainerHosts> targets = new ArrayList<>();
    private final int[] joined;
    private final List<Pool> pools;
    private final FixedFleet fleet;

    ContainerFleet(Simulation sim, List<Pool> pools, UsageListener usage, long firstInstanceId) {
        this.pools = List.copyOf(pools);
        this.joined = new int[this.pools.size()];
        List<FixedInstanceSpec> specs = new ArrayList<>();
        List<Integer> poolOfSpec = new ArrayList<>();
        for (int p = 0; p < this.pools.size(); p++) {
            Pool pool = this.pools.get(p);
            int n = pool.zones().size();
            for (int z = 0; z < n; z++) {
                // Round-robin: zone z gets instances z, z + n, z + 2n, ... of the pool.
                int inZone = pool.count() / n + (z < pool.count() % n ? 1 : 0);
                if (inZone == 0) {
                    continue;
                }
                String zone = pool.zones().get(z);
                specs.add(new FixedInstanceSpec(pool.name(), pool.type().name(), zone, pool.os(), Tenancy.SHARED,
                        pool.market(), inZone, List.of()));
                hostSpecs.add(new HostSpec(pool.type(), zone, pool.os(), pool.attributes(), pool.taints()));
                targets.add(pool.hosts());
                poolOfSpec.add(p);
            }
        }
        int[] poolOf = new int[poolOfSpec.size()];
        for (int i = 0; i < poolOf.length; i++) {
            poolOf[i] = poolOfSpec.get(i);
        }
        this.fleet = specs.isEmpty() ? null : new FixedFleet(sim, specs, LifecycleTimings.DEFAULT, usage,
                (instance, previous, current, timeMs) -> stateChanged(instance, current, poolOf), firstInstanceId);
    }

    private void stateChanged(Ec2Instance instance, InstanceState current, int[] poolOf) {
        if (current != InstanceState.RUNNING) {
            return;
        }
        int spec = fleet.specIndexOf(instance.instanceId());
        int pool = poolOf[spec];
        targets.get(spec).addHost(hostSpecs.get(spec), pools.get(pool).name() + "-" + joined[pool]++);
    }

    /** Instances of the pool that have joined their cluster so far. */
    int joined(int pool) {
        return joined[pool];
    }
}
