package dev.fleetsim.scenario.spec;

import java.time.Duration;

/**
 * An injected event. spot-interruption: {@code target} (an instance, group, task, service or node pool name)
 * gets the 2-minute notice at {@code at} and is reclaimed at at + 120 s. zone-outage: {@code zone} is down
 * from {@code at} for {@code duration}. host-failures: hosts fail at random, {@code perInstancePerYear} each
 * (optionally only {@code target}'s).
 */
public record FaultSpec(Kind kind, String target, Duration at, String zone, Duration duration,
        Double perInstancePerYear) {

    public enum Kind { SPOT_INTERRUPTION, ZONE_OUTAGE, HOST_FAILURES }
}
