package dev.fleetsim.scenario.spec;

import java.time.Duration;

/** How long a task or pod runs; exactly one form: {@code fixed}, {@code exponential} or {@code lognormal}. */
public record DurationSpec(Duration fixed, ExponentialSpec exponential, LognormalSpec lognormal) {

    /** Which form is set. */
    public enum Kind { FIXED, EXPONENTIAL, LOGNORMAL }

    /** The form that is set, or null when none or several are (an invalid spec). */
    public Kind kind() {
        int set = (fixed != null ? 1 : 0) + (exponential != null ? 1 : 0) + (lognormal != null ? 1 : 0);
        if (set != 1) {
            return null;
        }
        return fixed != null ? Kind.FIXED : exponential != null ? Kind.EXPONENTIAL : Kind.LOGNORMAL;
    }
}
