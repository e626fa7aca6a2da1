package dev.fleetsim.engine;

/**
 * The order of events that fall on the same millisecond. Ties are broken by phase first, then by
 * insertion order, so one instant settles the same way on every run.
 *
 * <p>Why this order: state changes of machines come first, so that nothing at the instant decides on a
 * machine that is already gone or not yet up; finished work frees its capacity before new work arrives,
 * so arrivals at the same instant can use it; a placement pass sees every arrival of its instant; scaling
 * decides on what placement could not place; metrics are sampled last, from the settled instant.
 */
public enum Phase {
    /** Instance state changes; interruptions take effect. */
    LIFECYCLE,
    /** Tasks and pods finish, freeing capacity. */
    COMPLETION,
    /** New work arrives. */
    ARRIVAL,
    /** Placement passes. */
    SCHEDULING,
    /** Scaling decisions. */
    AUTOSCALING,
    /** Metric sampling. */
    OBSERVATION
}
