package dev.fleetsim.engine;

import java.util.Objects;

/**
 * The discrete-event kernel: a clock and the pending events, processed in (time, phase, insertion)
 * order. One instance is one simulation; it is not thread-safe, and many may run in parallel.
 *
 * <p>The clock is the pair (time, phase) of the event being processed, starting at (0, LIFECYCLE). It
 * advances in exactly one place, when the loop takes the next event, and never goes back: scheduling at
 * a time before {@link #nowMs()}, or at the current time in an earlier phase than the current one, throws
 * {@link IllegalArgumentException}. An event for the current time in the current or a later phase is
 * processed at this instant.
 *
 * <p>Horizon: events at or before {@code horizonMs} are processed, events after it are not (they stay
 * pending and may still be cancelled or moved, but their mutual order is no longer kept). The horizon,
 * at most {@link #MAX_HORIZON_MS}, is inclusive so that the domain can close
 * the scenario with an event exactly at the horizon (ending open billing runs, taking a last sample).
 * The clock is not moved to the horizon when events run out; only processing an event moves it.
 *
 * <p>Ids returned by {@code schedule} (never negative) identify the event until it is processed,
 * cancelled or rescheduled; after that {@link #cancel} returns false and {@link #reschedule} -1 for it.
 */
public final class Simulation {

    /**
     * The longest horizon, about 8.7 years: time, phase and insertion order share one 63-bit heap key
     * (see {@code EventQueue}). Shorter horizons leave more room for the insertion order.
     */
    public static final long MAX_HORIZON_MS = EventQueue.MAX_HORIZON_MS;

    private static final Phase[] PHASES = Phase.values();
    private static final int DEFAULT_CAPACITY = 1024;

    private final EventQueue queue;
    private final long horizonMs;
    private final EngineListener listener;

    private long nowMs;
    private int phase;
    private long eventsProcessed;
    private boolean stopRequested;
    private boolean running;

    /** A simulation that processes events up to and including {@code horizonMs}. */
    public Simulation(long horizonMs) {
        this(horizonMs, null, DEFAULT_CAPACITY);
    }

    /** As {@link #Simulation(long)}, reporting every event to {@code listener}. */
    public Simulation(long horizonMs, EngineListener listener) {
        this(horizonMs, Objects.requireNonNull(listener, "listener"), DEFAULT_CAPACITY);
    }

    /**
     * @param listener may be null: no listener, no cost
     * @param expectedPending initial capacity of the event arrays; they grow as needed
     */
    public Simulation(long horizonMs, EngineListener listener, int expectedPending) {
        this(horizonMs, listener, expectedPending, Integer.MAX_VALUE);
    }

    /** For tests: a narrow insertion ordinal makes the queue renumber often. */
    Simulation(long horizonMs, EngineListener listener, int expectedPending, int maxOrdinalBits) {
        if (horizonMs < 0 || horizonMs > MAX_HORIZON_MS) {
            throw new IllegalArgumentException("horizon must be between 0 and " + MAX_HORIZON_MS + " ms (about 8.7 years), got "
                    + horizonMs);
        }
        if (expectedPending < 0) {
            throw new IllegalArgumentException("expectedPending must be >= 0, got " + expectedPending);
        }
        this.horizonMs = horizonMs;
        this.listener = listener;
        this.queue = new EventQueue(horizonMs, expectedPending, maxOrdinalBits);
    }

    /**
     * Schedules {@code handler.onEvent(sim, payload)} at {@code timeMs} in {@code phase}.
     *
     * @return the event's id, never negative
     * @throws IllegalArgumentException if (timeMs, phase) is before the current (time, phase)
     * @throws IllegalStateException if more than 4,194,303 events (more with a horizon under 8.7 years)
     *     would be pending at one instant in one phase
     */
    public long schedule(long timeMs, Phase phase, EventHandler handler, long payload) {
        int phaseOrdinal = phase.ordinal();
        requireNotPast(timeMs, phaseOrdinal);
        return queue.add(timeMs, phaseOrdinal, handler, payload);
    }

    /** Schedules an event {@code delayMs} (>= 0) after the current time. */
    public long scheduleAfter(long delayMs, Phase phase, EventHandler handler, long payload) {
        return schedule(timeAfter(delayMs), phase, handler, payload);
    }

    /** Cancels a pending event. Returns false if the id has already been processed or cancelled. */
    public boolean cancel(long eventId) {
        return queue.cancel(eventId);
    }

    /**
     * Moves a pending event to {@code newTimeMs}, earlier or later, keeping its phase, handler and payload.
     * The event gets a new id (the old one is dead afterwards, as if cancelled) and, among events of the
     * same time and phase, sorts as if scheduled now: after those already pending.
     *
     * @return the event's new id, or -1 if {@code eventId} has already been processed or cancelled
     * @throws IllegalArgumentException if the new time is in the past; the event then stays as it was
     */
    public long reschedule(long eventId, long newTimeMs) {
        int phaseOrdinal = queue.phaseOf(eventId);
        if (phaseOrdinal < 0) {
            return -1;
        }
        requireNotPast(newTimeMs, phaseOrdinal);
        return queue.reschedule(eventId, newTimeMs);
    }

    /** True if the event is still pending (neither processed nor cancelled). */
    public boolean isPending(long eventId) {
        return queue.phaseOf(eventId) >= 0;
    }

    /**
     * Processes events in order until the next one lies after the horizon, none is left, or a handler
     * calls {@link #stop()}.
     *
     * @return the number of events processed by this call
     */
    public long run() {
        enterLoop();
        long before = eventsProcessed;
        try {
            while (!stopRequested && processNext()) {
                // processNext does the work
            }
        } finally {
            running = false;
        }
        return eventsProcessed - before;
    }

    /**
     * Processes the single next event if it lies at or before the horizon.
     *
     * @return false if there was none
     */
    public boolean step() {
        if (running) {
            throw new IllegalStateException("the simulation is already running; handlers must not call run or step");
        }
        running = true;
        try {
            return processNext();
        } finally {
            running = false;
        }
    }

    /** Makes the running {@link #run()} return after the current event. Has no effect outside a run. */
    public void stop() {
        stopRequested = true;
    }

    /** The current time: that of the event being (or last) processed. */
    public long nowMs() {
        return nowMs;
    }

    /** The phase of the event being (or last) processed; LIFECYCLE before the first event. */
    public Phase phase() {
        return PHASES[phase];
    }

    public long horizonMs() {
        return horizonMs;
    }

    /** Events processed since construction. */
    public long eventsProcessed() {
        return eventsProcessed;
    }

    /** Events scheduled and neither processed nor cancelled, including those after the horizon. */
    public int pendingEvents() {
        return queue.liveCount();
    }

    private void enterLoop() {
        if (running) {
            throw new IllegalStateException("the simulation is already running; handlers must not call run or step");
        }
        running = true;
        stopRequested = false;
    }

    /** The one place where the clock advances. */
    private boolean processNext() {
        EventQueue q = queue;
        EventHandler handler = q.pollUpTo(horizonMs);
        if (handler == null) {
            return false;
        }
        nowMs = q.polledTimeMs();
        phase = q.polledPhase();
        long payload = q.polledPayload();
        eventsProcessed++;
        if (listener != null) {
            listener.onEvent(nowMs, PHASES[phase]);
        }
        handler.onEvent(this, payload);
        return true;
    }

    private void requireNotPast(long timeMs, int phaseOrdinal) {
        if (timeMs < nowMs || (timeMs == nowMs && phaseOrdinal < phase)) {
            throw new IllegalArgumentException("cannot schedule an event in the past: " + timeMs + " ms in phase "
                    + PHASES[phaseOrdinal] + " is before the clock at " + nowMs + " ms in phase " + PHASES[phase]);
        }
    }

    private long timeAfter(long delayMs) {
        if (delayMs < 0) {
            throw new IllegalArgumentException("delay must be >= 0 ms, got " + delayMs);
        }
        if (delayMs > Long.MAX_VALUE - nowMs) {
            throw new IllegalArgumentException("delay of " + delayMs + " ms overflows the clock at " + nowMs + " ms");
        }
        return nowMs + delayMs;
    }
}
