package dev.fleetsim.run;

import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeProvisioner;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.workload.ClusterRuntime;
import java.util.Objects;

/**
 * Individual nodes of one EKS cluster outside any Auto Scaling group, as Karpenter's NodeClaims
 * ({@link NodeProvisioner}): each claim is a real EC2 instance of the template's type and zone, billed from launch,
 * joining the cluster's nodes with the template's labels and taints when it runs, and exposed to the Spot hazard and
 * forced interruptions like any container instance ({@link ContainerInstances}). Nothing replaces an interrupted
 * node here: its evicted pods pend until a controller launches capacity for them. Claim ids are launch order.
 */
final class EksNodeProvisioner extends ContainerInstances implements NodeProvisioner {

    EksNodeProvisioner(Simulation sim, String clusterName, ContainerHosts nodes, ClusterRuntime runtime,
            UsageListener usage, LifecycleTimings timings, SpotInterruptionSource hazard, CapacityGate gate,
            long firstRunId) {
        super(sim, nodes, runtime, usage, timings, hazard, gate, firstRunId, clusterName + "-node");
    }

    @Override
    public int launch(HostSpec template, Market market) {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(market, "market");
        int id = launchInstance(template, market);
        return id < 0 ? INSUFFICIENT_CAPACITY : id;
    }

    /**
     * @throws IllegalArgumentException if the host is not one of this provisioner's nodes
     */
    @Override
    public void drainAndRemove(int host) {
        int claim = instanceOfHost(host);
        if (claim < 0) {
            throw new IllegalArgumentException("no node of this provisioner at host index " + host);
        }
        removeInstance(claim, EndCause.STOPPED);
    }

    /** Terminates a claim whose instance has not joined yet (or removes its node if it has). */
    void terminate(int claim) {
        removeInstance(claim, EndCause.STOPPED);
    }

    @Override
    public int hostOf(int claim) {
        return hostOfInstance(claim);
    }

    @Override
    public ContainerHosts hosts() {
        return hosts;
    }
}
