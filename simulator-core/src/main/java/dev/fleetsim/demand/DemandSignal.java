package dev.fleetsim.demand;

/**
 * A demand rate over scenario time, in the signal's own unit (requests per second, say), that groups and services
 * scale on (SPEC section 3, demand signals). Deterministic for a seed: the value at a time depends only on the
 * signal's inputs and that time, never on who asked before or in what order, so that two policies compared under
 * one seed face the same demand.
 */
public interface DemandSignal {

    /** The rate at scenario time {@code timeMs}; never negative. */
    double valueAt(long timeMs);

    /**
     * The time-average of the rate over {@code [fromMs, toMs)}; the value at {@code fromMs} when the interval is
     * empty. The integral over the interval is {@code meanOver(from, to) * (to - from) / 1000} in the unit times
     * seconds (requests, for a signal in requests per second).
     *
     * @throws IllegalArgumentException if {@code toMs < fromMs}
     */
    double meanOver(long fromMs, long toMs);

    /** Checks an interval argument of {@link #meanOver}. */
    static void requireInterval(long fromMs, long toMs) {
        if (toMs < fromMs) {
            throw new IllegalArgumentException("interval ends before it starts: [" + fromMs + ", " + toMs + ") ms");
        }
    }
}
