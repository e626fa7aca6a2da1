package dev.fleetsim.scenario.spec;

import java.time.Duration;
import java.util.List;

/**
 * When tasks (or Job pods) arrive; exactly one form (SPEC section 5, timing semantics):
 * {@code {every: D, count: N}} launches N at 0, D, 2D, ... before the horizon; {@code {at: [T1, T2],
 * count: N}} launches N at each listed time; {@code {uniform: {count, over}}} and {@code {poisson:
 * {ratePerHour}}} draw from the scenario's arrivals stream.
 *
 * @param count with {@code every} or {@code at}: tasks per arrival, default 1
 */
public record ArrivalsSpec(Duration every, List<Duration> at, Integer count, UniformArrivalsSpec uniform,
        PoissonArrivalsSpec poisson) {

    public static final ArrivalsSpec ONCE_AT_START = new ArrivalsSpec(null, List.of(Duration.ZERO), 1, null, null);

    /** Which form is set. */
    public enum Kind { EVERY, AT, UNIFORM, POISSON }

    public ArrivalsSpec {
        at = at == null ? null : Specs.list(at);
        if (count == null && (every != null || at != null)) {
            count = 1;
        }
    }

    /** The form that is set, or null when none or several are (an invalid spec). */
    public Kind kind() {
        int set = (every != null ? 1 : 0) + (at != null ? 1 : 0) + (uniform != null ? 1 : 0)
                + (poisson != null ? 1 : 0);
        if (set != 1) {
            return null;
        }
        return every != null ? Kind.EVERY : at != null ? Kind.AT : uniform != null ? Kind.UNIFORM : Kind.POISSON;
    }
}
