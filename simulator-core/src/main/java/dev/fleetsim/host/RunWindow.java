package dev.fleetsim.host;

/**
 * A stretch [startMs, endMs) during which a fixed instance is in {@code running}: its billed state
 * (SPEC section 5, timing semantics). Launch latency falls before {@code startMs}, stop latency after
 * {@code endMs}.
 */
public record RunWindow(long startMs, long endMs) {
    public RunWindow {
        if (startMs < 0) {
            throw new IllegalArgumentException("a run window cannot start before 0 ms, got " + startMs);
        }
        if (endMs <= startMs) {
            throw new IllegalArgumentException("a run window must end after it starts, got [" + startMs + ", "
                    + endMs + ") ms");
        }
    }
}
