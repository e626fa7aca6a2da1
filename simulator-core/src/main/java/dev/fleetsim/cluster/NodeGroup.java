package dev.fleetsim.cluster;

/**
 * A scalable group of container hosts: the Auto Scaling group behind an ECS capacity provider or an EKS managed node
 * group. Controllers (ECS managed scaling, Cluster Autoscaler) steer it through this surface; the scenario runner
 * implements it with real EC2 instances that join {@link #hosts()} when they reach running.
 *
 * <p>Scale-in never stops tasks silently: hosts that run no tasks go first, and a host that must go with tasks
 * on it is drained first (its services and Deployments get replacements elsewhere).
 */
public interface NodeGroup {

    String name();

    int min();

    int max();

    int desired();

    /**
     * Sets the desired capacity, clamped to [min, max]; the group launches or scales in to match. New instances join
     * {@link #hosts()} after the launch latency. Scale in takes hosts without tasks (and instances still pending)
     * first; a busy host chosen when no idle one is left is drained before its instance terminates.
     */
    void setDesired(int desired);

    /** Live instances, pending ones included (some may not have joined {@link #hosts()} yet). */
    int size();

    /** Instance types the group launches, in its order of preference. */
    int templateCount();

    /** What a new host of the {@code i}-th instance type would look like (labels, taints, the next zone). */
    HostSpec template(int i);

    /**
     * Removes one host: cordons it, evicts its tasks or pods (services and Deployments reschedule them), terminates
     * its instance and decrements desired (TerminateInstanceInAutoScalingGroup with
     * should-decrement-desired-capacity).
     *
     * @throws IllegalArgumentException if the host is not one of this group's
     * @throws IllegalStateException if desired is already at min (AWS refuses to decrement below min)
     */
    void drainAndRemove(int host);

    /** The hosts this group's instances join (shared with the cluster's other groups on EKS). */
    ContainerHosts hosts();
}
