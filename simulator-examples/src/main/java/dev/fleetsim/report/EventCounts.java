package dev.fleetsim.report;

/** Engine counters. */
public record EventCounts(long processed, long spotInterruptionNotices) {

    public EventCounts {
        if (processed < 0 || spotInterruptionNotices < 0) {
            throw new IllegalArgumentException("event counts must not be negative");
        }
    }
}
