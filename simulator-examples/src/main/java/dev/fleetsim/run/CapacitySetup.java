package dev.fleetsim.run;

import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.autoscaling.SpotPoolView;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.spot.MarketPoolView;
import java.time.Instant;
import java.util.Objects;

/**
 * What container capacity needs of the run beyond the scenario: the Spot market (pool view for Spot allocation, the
 * interruption hazard), instance lifecycle timings and the gate that may close pools.
 *
 * @param book null when no pool is Spot (an On-Demand-only setup, {@link #onDemandOnly})
 * @param spotRates null with {@code book}
 */
record CapacitySetup(PriceBook book, SpotRates spotRates, Instant start, SpotInterruptionSource interruptions,
        LifecycleTimings timings, ContainerInstances.CapacityGate gate) {

    CapacitySetup {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(interruptions, "interruptions");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(gate, "gate");
        if ((book == null) != (spotRates == null)) {
            throw new IllegalArgumentException("give both the price book and the Spot rates, or neither");
        }
    }

    /** No Spot market: a Spot pool is refused; no interruptions; default timings; every pool open. */
    static CapacitySetup onDemandOnly(Instant start) {
        return new CapacitySetup(null, null, start, SpotInterruptionSource.NONE, LifecycleTimings.DEFAULT,
                ContainerInstances.CapacityGate.ALWAYS);
    }

    CapacitySetup withGate(ContainerInstances.CapacityGate newGate) {
        return new CapacitySetup(book, spotRates, start, interruptions, timings, newGate);
    }

    /** What a Spot group of {@code os} sees of the market. */
    SpotPoolView spotPools(String pool, OperatingSystem os) {
        if (book == null) {
            throw new IllegalArgumentException(pool + " is Spot, but this run has no Spot market");
        }
        return new MarketPoolView(spotRates, book, os, Tenancy.SHARED, start);
    }
}
