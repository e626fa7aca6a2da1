package dev.fleetsim.engine;

/**
 * Observes every event the engine processes, just before its handler runs (tracing, counting, tests).
 * A simulation built without a listener pays one null check per event.
 */
@FunctionalInterface
public interface EngineListener {

    void onEvent(long timeMs, Phase phase);
}
