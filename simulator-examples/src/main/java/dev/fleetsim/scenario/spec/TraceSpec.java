package dev.fleetsim.scenario.spec;

/**
 * A CSV trace: {@code file} relative to the scenario file, with a header naming the {@code time} column
 * (an ISO-8601 offset from the start such as PT5M, seconds as a number, or an ISO-8601 date-time) and the
 * {@code value} column. The value holds until the next row.
 */
public record TraceSpec(String file, String time, String value) {
}
