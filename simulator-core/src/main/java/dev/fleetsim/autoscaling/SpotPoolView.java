package dev.fleetsim.autoscaling;

/**
 * What an Auto Scaling group may know about the Spot pools it could launch into, without money: core stays
 * price-free (SPEC section 1), so the pricing module implements this over its Spot market. A pool is an instance type
 * in a zone, for the group's operating system.
 */
public interface SpotPoolView {

    /**
     * A positive number proportional to the pool's current Spot price per instance-hour, comparable across the
     * group's pools (the pricing module passes USD per hour as a double). Only its order is used, never its amount.
     */
    double relativePrice(String instanceType, String zone, long nowMs);

    /**
     * The pool's Spot Advisor interruption-frequency bucket, 0 (under 5% a month) to 4 (over 20%); a lower bucket
     * stands for more spare capacity (aws-rules.md item 4).
     */
    int interruptionBucket(String instanceType, String zone);

    /** False when the pool has no Spot capacity now (closed or exhausted); the group then does not try it. */
    default boolean open(String instanceType, String zone, long nowMs) {
        return true;
    }

    /** False when the pool's Spot price is at or above On-Demand (the diversified strategy then skips it). */
    default boolean belowOnDemand(String instanceType, String zone, long nowMs) {
        return true;
    }
}
