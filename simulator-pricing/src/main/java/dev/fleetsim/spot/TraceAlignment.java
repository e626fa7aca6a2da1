package dev.fleetsim.spot;

/** How a replayed price history's timeline maps onto the scenario's. */
public enum TraceAlignment {
    /**
     * Shift the history by whole days so that the UTC day of its earliest row falls on the UTC day of the scenario
     * start: time of day is kept (an 01:06 change stays at 01:06), the date is moved. The default: a history from
     * 2021 replays under a scenario of 2026.
     */
    SHIFT_TO_START_DAY,
    /** Use the history's own dates: for a scenario that starts within the history. */
    ABSOLUTE
}
