package dev.fleetsim.scenario.spec;

import java.util.List;

/** A named demand signal: exactly one of the four forms is set (the validator checks). */
public record DemandSpec(Double constant, DiurnalSpec diurnal, List<StepSpec> steps, TraceSpec trace) {

    /** Which form the signal takes. */
    public enum Kind { CONSTANT, DIURNAL, STEPS, TRACE }

    public DemandSpec {
        steps = steps == null ? null : Specs.list(steps);
    }

    /** The form that is set, or null when none or several are (an invalid spec). */
    public Kind kind() {
        int set = (constant != null ? 1 : 0) + (diurnal != null ? 1 : 0) + (steps != null ? 1 : 0)
                + (trace != null ? 1 : 0);
        if (set != 1) {
            return null;
        }
        return constant != null ? Kind.CONSTANT : diurnal != null ? Kind.DIURNAL : steps != null ? Kind.STEPS
                : Kind.TRACE;
    }
}
