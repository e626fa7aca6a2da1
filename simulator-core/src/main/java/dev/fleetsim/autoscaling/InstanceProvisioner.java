package dev.fleetsim.autoscaling;

import dev.fleetsim.host.Market;

/**
 * How an Auto Scaling group starts and stops EC2 instances. The scenario runner implements it: it owns instance ids,
 * lifecycle, finite capacity pools and billing (runs reach the usage meter through it), so the group stays free of
 * all of that.
 */
public interface InstanceProvisioner {

    /** What {@link #launch} returns when the pool has no capacity (InsufficientInstanceCapacity). */
    int INSUFFICIENT_CAPACITY = -1;

    /**
     * Launches one instance now.
     *
     * @return the new instance's id (>= 0, unique while it lives), or {@link #INSUFFICIENT_CAPACITY} when the pool
     *     (type x zone, this market) is exhausted or closed
     */
    int launch(String instanceType, String zone, Market market);

    /** Terminates an instance of the group (scale in, or the at-risk instance after a Capacity Rebalancing launch). */
    void terminate(int instanceId);
}
