package dev.fleetsim.demand;

import dev.fleetsim.engine.RandomStreams;
import java.time.Instant;

/** Builds the signals of a scenario's {@code demand:} section (SPEC section 5). */
public final class DemandSignals {

    /** The random source a demand signal's noise is drawn from; the stream's name is the signal's name. */
    public static final String RANDOM_SOURCE = "demand";

    private DemandSignals() {
    }

    public static DemandSignal constant(double value) {
        return new ConstantDemand(value);
    }

    /**
     * A diurnal signal whose noise is seeded by the scenario's {@code ("demand", signalName)} stream, so that each
     * named signal has its own noise and adding a signal changes no other.
     */
    public static DemandSignal diurnal(DiurnalShape shape, Instant scenarioStart, RandomStreams streams,
                                       String signalName) {
        long seed = RandomStreams.streamSeed(streams.seed(), RANDOM_SOURCE, signalName);
        return new DiurnalDemand(shape, UtcAnchor.of(scenarioStart), seed);
    }

    /** {@code steps}: from each {@code atMs} on, its value; before the first, 0. */
    public static DemandSignal steps(long[] atMs, double[] values) {
        return new StepDemand(atMs, values);
    }

    /** A CSV trace already parsed to scenario times: each value holds until the next point (see {@link StepDemand}). */
    public static DemandSignal trace(long[] timeMs, double[] values) {
        return new StepDemand(timeMs, values);
    }
}
