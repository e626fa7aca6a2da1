package dev.fleetsim.run;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.CapacityPools;
import dev.fleetsim.host.HostFailureClock;
import dev.fleetsim.scenario.spec.CapacityPoolSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.GroupSpec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The scenario's {@code capacity:} pools and its {@code zone-outage} and {@code host-failures} faults, for the EC2
 * launchers of a run: one {@link CapacityPools} that fixed instances and Auto Scaling groups launch through, one
 * {@link HostFailureClock} per instance entry or group that host failures hit, and the outage events.
 *
 * <p>Host failure rates add up: an entry hit by a fault without target and by one naming it fails at the sum of the
 * two rates (independent constant hazards superpose).
 */
final class Faults {

    /**
     * How long EC2 auto-recovery takes after a host failure. AWS publishes no duration (aws-rules.md item 10 lists
     * none); assumed: the system status check runs every minute, a recover alarm fires after two failed checks, and
     * the migration reboot takes about three minutes more: 5 minutes.
     */
    static final long RECOVERY_DELAY_MS = 5 * 60_000L;

    private final ScenarioSpec spec;
    private final CapacityPools pools;
    private long zoneOutages;

    Faults(ScenarioSpec spec) {
        this.spec = spec;
        List<CapacityPools.Limit> limits = new ArrayList<>();
        for (CapacityPoolSpec p : spec.capacity().pools()) {
            limits.add(new CapacityPools.Limit(p.type(), p.zone(), p.market(), p.max()));
        }
        this.pools = CapacityPools.of(limits);
    }

    CapacityPools pools() {
        return pools;
    }

    /** Per {@code ec2.instances} entry, in file order: its host failure clock, null if no host-failures fault hits it. */
    HostFailureClock[] instanceClocks() {
        List<InstanceSpec> specs = spec.ec2().instances();
        HostFailureClock[] clocks = new HostFailureClock[specs.size()];
        for (int i = 0; i < clocks.length; i++) {
            clocks[i] = clock(specs.get(i).name());
        }
        return clocks;
    }

    /** Per {@code ec2.groups} entry, in file order. */
    HostFailureClock[] groupClocks() {
        List<GroupSpec> specs = spec.ec2().groups();
        HostFailureClock[] clocks = new HostFailureClock[specs.size()];
        for (int i = 0; i < clocks.length; i++) {
            clocks[i] = clock(specs.get(i).name());
        }
        return clocks;
    }

    /**
     * Host failures for container capacity: every ECS capacity provider group, EKS managed node group and EKS
     * cluster's provisioned nodes that a {@code host-failures} fault hits (by the provider's or node pool's name, or
     * every source without a target). A Karpenter pool's name hits the cluster's provisioned nodes that carry its
     * {@code karpenter.sh/nodepool} label, at the untargeted rate plus the pool's own.
     */
    void failContainerHosts(List<CapacityLine> containers) {
        for (CapacityLine l : containers) {
            String key = l.kind() + "/" + l.cluster() + "/" + l.name();
            HostFailureClock c = clock(l.name());
            if (!l.kind().equals(CapacityLine.EKS_PROVISIONED_NODES)) {
                if (c != null) {
                    l.source().failHosts(c, key);
                }
                continue;
            }
            Map<String, HostFailureClock> byPool = karpenterPoolClocks(l.cluster());
            if (c != null || !byPool.isEmpty()) {
                l.source().failHosts(spec -> {
                    String pool = spec.attributes().get(EksClusters.KARPENTER_NODEPOOL_LABEL);
                    HostFailureClock p = pool == null ? null : byPool.get(pool);
                    return p != null ? p : c;
                }, key);
            }
        }
    }

    /** The host failure clock of each Karpenter pool of the EKS cluster that a host-failures fault hits. */
    private Map<String, HostFailureClock> karpenterPoolClocks(String cluster) {
        Map<String, HostFailureClock> clocks = new LinkedHashMap<>();
        for (EksClusterSpec c : spec.eks().clusters()) {
            if (!c.name().equals(cluster)) {
                continue;
            }
            for (NodePoolSpec p : c.nodePools()) {
                HostFailureClock clock = p.kind() == NodePoolSpec.NodePoolKind.KARPENTER ? clock(p.name()) : null;
                if (clock != null) {
                    clocks.put(p.name(), clock);
                }
            }
        }
        return clocks;
    }

    /**
     * Schedules every zone outage: at {@code at} the zone's pools close and its EC2 instances, container hosts and
     * Fargate tasks and pods fail (fixed instances come back at {@code at + duration}; group instances and container
     * hosts are replaced elsewhere, their tasks and pods drained first; Fargate services and Deployments replace
     * their tasks in their other zones); at {@code at + duration} the pools and the zone open again and, once no
     * other outage holds it, the Auto Scaling groups using the zone (EC2 groups, ECS capacity providers, EKS managed
     * node groups) rebalance into it (AZRebalance; container hosts are drained as for a scale in).
     */
    void scheduleOutages(Simulation sim, Ec2Instances instances, Ec2Groups groups, List<CapacityLine> containers,
            ContainerClusters clusters) {
        for (FaultSpec f : spec.faults()) {
            if (f.kind() != FaultSpec.Kind.ZONE_OUTAGE) {
                continue;
            }
            long at = f.at().toMillis();
            long end = at + f.duration().toMillis();
            String zone = f.zone();
            if (at > sim.horizonMs()) {
                continue;
            }
            // Scheduled before the run: the reopening precedes any recovery scheduled for the same instant.
            EventHandler close = (s, unused) -> {
                zoneOutages++;
                pools.closeZone(zone);
                instances.failZone(zone, end);
                groups.failZone(zone);
                // Container hosts: cordon the whole zone first, so drained tasks and pods land outside it.
                for (CapacityLine l : containers) {
                    l.source().cordonZone(zone);
                }
                for (CapacityLine l : containers) {
                    l.source().failZone(zone);
                }
                clusters.failFargateZone(zone);
            };
            sim.schedule(at, Phase.LIFECYCLE, close, 0);
            if (end <= sim.horizonMs()) {
                sim.schedule(end, Phase.LIFECYCLE, (s, unused) -> {
                    pools.openZone(zone);
                    clusters.restoreFargateZone(zone);
                    if (pools.isOpen(zone)) {
                        // AZRebalance: groups using the zone move instances back into it (AutoScalingGroup).
                        groups.zoneRecovered(zone);
                        for (CapacityLine l : containers) {
                            if (l.source() instanceof ContainerGroup g) {
                                g.zoneRecovered(zone);
                            }
                        }
                    }
                }, 0);
            }
        }
    }

    /** Zone outages that have begun. */
    long zoneOutages() {
        return zoneOutages;
    }

    private HostFailureClock clock(String name) {
        double rate = 0;
        for (FaultSpec f : spec.faults()) {
            if (f.kind() == FaultSpec.Kind.HOST_FAILURES && (f.target() == null || f.target().equals(name))) {
                rate += f.perInstancePerYear();
            }
        }
        return rate > 0 ? new HostFailureClock(spec.seed(), rate) : null;
    }
}
