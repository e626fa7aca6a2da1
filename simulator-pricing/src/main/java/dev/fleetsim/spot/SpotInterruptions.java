package dev.fleetsim.spot;

import dev.fleetsim.autoscaling.InterruptionPlan;
import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.demand.CounterRandom;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.pricing.Regions;
import dev.fleetsim.pricing.SpotAdvisorEntry;
import dev.fleetsim.pricing.SpotAdvisorTable;
import java.util.Objects;
import java.util.Optional;

/**
 * Random Spot interruptions from the Spot Advisor buckets ({@code pricing.spot.interruptions: hazard}, SPEC
 * sections 3 and 4): each pool interrupts its running instances at the constant hazard of its bucket
 * ({@link InterruptionAssumptions}), so an instance's time to the interruption notice is exponential from its start.
 *
 * <p>Draws come from the scenario's {@code "spot"} stream seed, counter-based on the instance key: lane 0 gives the
 * notice time ({@code -ln(U) / hazard}), lane 1 whether the rebalance recommendation comes early. An instance's plan
 * depends only on (seed, key, pool, start), never on the order in which instances ask.
 *
 * <p>Both times lie strictly after the start (by at least 1 ms). A type with no Spot Advisor row in its region has no Spot pool to interrupt from; {@link #plan} rejects it.
 */
public final class SpotInterruptions implements SpotInterruptionSource {

    public static final String RANDOM_SOURCE = "spot";

    private static final double HOUR_MS = 3_600_000.0;

    private final SpotAdvisorTable advisor;
    private final InterruptionAssumptions assumptions;
    private final long seed;

    public SpotInterruptions(SpotAdvisorTable advisor, RandomStreams streams, InterruptionAssumptions assumptions) {
        this.advisor = Objects.requireNonNull(advisor, "advisor");
        this.assumptions = Objects.requireNonNull(assumptions, "assumptions");
        this.seed = RandomStreams.streamSeed(streams.seed(), RANDOM_SOURCE, null);
    }

    /** The Spot Advisor bucket of a pool, if the feed has the type in the zone's region. */
    public Optional<Integer> bucket(String instanceType, String zone, OperatingSystem os) {
        return advisor.find(Regions.ofZone(zone), os, instanceType).map(SpotAdvisorEntry::bucket);
    }

    /** The pool's interruption hazard per running hour. */
    public double hazardPerHour(String instanceType, String zone, OperatingSystem os) {
        return assumptions.hazardPerHour(requireBucket(instanceType, zone, os));
    }

    @Override
    public InterruptionPlan plan(long instanceKey, String instanceType, String zone, OperatingSystem os,
                                 long startMs) {
        double hazard = hazardPerHour(instanceType, zone, os);
        if (hazard == 0) {
            return InterruptionPlan.NONE;
        }
        double hours = -Math.log(CounterRandom.uniformPositive(seed, instanceKey, 0)) / hazard;
        // At least 1 ms after the start: a runner launching inside a later-phase event can still schedule the
        // notice and the recommendation in the lifecycle phase.
        double ms = Math.max(1.0, Math.ceil(hours * HOUR_MS));
        if (ms >= (double) (Long.MAX_VALUE / 2 - Math.max(0, startMs))) {
            return InterruptionPlan.NONE;
        }
        long noticeAt = startMs + (long) ms;
        long rebalanceAt = noticeAt;
        if (CounterRandom.uniform(seed, instanceKey, 1) < assumptions.earlyRebalanceShare()) {
            rebalanceAt = Math.max(startMs + 1, noticeAt - assumptions.rebalanceLeadMs());
        }
        return new InterruptionPlan(rebalanceAt, noticeAt);
    }

    public InterruptionAssumptions assumptions() {
        return assumptions;
    }

    private int requireBucket(String instanceType, String zone, OperatingSystem os) {
        return bucket(instanceType, zone, os).orElseThrow(() -> new IllegalArgumentException(instanceType + " in "
                + zone + " (" + os.key() + ") has no Spot Advisor row, so no Spot pool to interrupt from"));
    }
}
