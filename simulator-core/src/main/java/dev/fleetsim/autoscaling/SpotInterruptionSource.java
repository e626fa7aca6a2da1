package dev.fleetsim.autoscaling;

import dev.fleetsim.host.OperatingSystem;

/**
 * Decides when AWS interrupts Spot instances (SPEC section 3, Spot interruptions). The pricing module implements it
 * from the Spot Advisor buckets; core calls it for every Spot instance it starts. An implementation must be
 * deterministic for a seed and independent of call order: the plan of one instance depends only on its own inputs.
 */
public interface SpotInterruptionSource {

    /**
     * The plan of one Spot instance; both of its times lie strictly after {@code startMs}, so a runner may schedule
     * them in {@link dev.fleetsim.engine.Phase#LIFECYCLE} from any event at {@code startMs}.
     *
     * @param instanceKey a key unique to this instance within the run (the runner's instance id)
     * @param startMs when the instance started running
     */
    InterruptionPlan plan(long instanceKey, String instanceType, String zone, OperatingSystem os, long startMs);

    /** No random interruptions ({@code pricing.spot.interruptions: none}). */
    SpotInterruptionSource NONE = (key, type, zone, os, startMs) -> InterruptionPlan.NONE;
}
