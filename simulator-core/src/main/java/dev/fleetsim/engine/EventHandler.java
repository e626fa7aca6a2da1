package dev.fleetsim.engine;

/**
 * Reacts to an event. The domain registers long-lived handler objects and passes a primitive payload
 * (an index into its own arrays, an instance id, ...), so scheduling an event allocates nothing.
 */
@FunctionalInterface
public interface EventHandler {

    void onEvent(Simulation sim, long payload);
}
