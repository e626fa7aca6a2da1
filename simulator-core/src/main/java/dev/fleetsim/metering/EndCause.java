package dev.fleetsim.metering;

/** Why a billable run ended; billing rules differ (aws-rules.md item 4: AWS interruption in the first hour is free). */
public enum EndCause {
    /** The user (or a scaling policy) stopped or terminated it. */
    STOPPED,
    /** AWS reclaimed Spot capacity after the 2-minute notice. */
    INTERRUPTED_BY_AWS,
    /** The hardware failed under it. */
    HOST_FAILURE,
    /** Still running when the simulated horizon ended; billed up to the horizon. */
    HORIZON
}
