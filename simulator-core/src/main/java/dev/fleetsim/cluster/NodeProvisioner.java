package dev.fleetsim.cluster;

import dev.fleetsim.host.Market;

/**
 * Launches and removes individual container hosts outside any Auto Scaling group, as Karpenter does with its
 * NodeClaims. The scenario runner implements it with real EC2 instances: a launched instance bills from launch,
 * joins {@link #hosts()} when it reaches running, and is exposed to the Spot market like any other.
 */
public interface NodeProvisioner {

    /** What {@link #launch} returns when the pool (type x zone x market) has no capacity. */
    int INSUFFICIENT_CAPACITY = -1;

    /**
     * Launches one instance of {@code template}'s type in its zone, carrying its labels and taints.
     *
     * @return an id of the launched node claim (>= 0), or {@link #INSUFFICIENT_CAPACITY}
     */
    int launch(HostSpec template, Market market);

    /**
     * Cordons the host, evicts its pods (Deployments reschedule them, Jobs rerun theirs) and terminates its instance.
     *
     * @throws IllegalArgumentException if the host is not one this provisioner launched
     */
    void drainAndRemove(int host);

    /** The host index the claim joined as, or -1 while its instance is still pending (or gone). */
    int hostOf(int claim);

    ContainerHosts hosts();
}
