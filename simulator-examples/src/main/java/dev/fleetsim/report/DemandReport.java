package dev.fleetsim.report;

/**
 * Demand that the scenario's scaled workloads were asked to serve, integrated over the run (requests, i.e.
 * requests/s x seconds), and what part of it their in-service capacity could not serve.
 */
public record DemandReport(double requests, double served, double unserved) {

    public DemandReport {
        if (!(requests >= 0) || !(served >= 0) || !(unserved >= 0) || Double.isInfinite(requests)) {
            throw new IllegalArgumentException("demand figures must be finite and >= 0");
        }
    }

    /** Unserved over requested, 0 when nothing was requested. */
    public double unservedShare() {
        return requests == 0 ? 0.0 : unserved / requests;
    }
}
