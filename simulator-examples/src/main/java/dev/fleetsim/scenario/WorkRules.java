package dev.fleetsim.scenario;

import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.DurationSpec;
import java.time.Duration;

/** Arrival processes and run-time distributions, shared by ECS tasks and Kubernetes Jobs. */
final class WorkRules {

    private static final int MAX_COUNT = 1_000_000_000;

    private WorkRules() {
    }

    static void arrivals(Check c, String path, ArrivalsSpec a) {
        if (a == null) {
            return;
        }
        if (a.kind() == null) {
            c.issues.add(path, a.every() == null && a.at() == null && a.uniform() == null && a.poisson() == null
                    ? "no arrival process" : "more than one arrival process",
                    "give exactly one of {every: P1D, count: N}, {at: [PT0S], count: N}, {uniform: {count: N,"
                            + " over: P1D}} or {poisson: {ratePerHour: R}}");
            return;
        }
        switch (a.kind()) {
            case EVERY:
                c.positive(Issues.child(path, "every"), a.every());
                c.range(Issues.child(path, "count"), a.count(), 1, MAX_COUNT);
                break;
            case AT:
                if (a.at().isEmpty()) {
                    c.issues.add(Issues.child(path, "at"), "needs at least one time", "e.g. at: [PT0S]");
                }
                Duration previous = null;
                for (int i = 0; i < a.at().size(); i++) {
                    String p = Issues.index(Issues.child(path, "at"), i);
                    Duration t = a.at().get(i);
                    if (c.nullItem(p, t)) {
                        continue;
                    }
                    c.withinHorizon(p, t);
                    if (previous != null && t.compareTo(previous) < 0) {
                        c.issues.add(p, "times must be in order", "sort the list");
                    }
                    previous = t;
                }
                c.range(Issues.child(path, "count"), a.count(), 1, MAX_COUNT);
                break;
            case UNIFORM:
                c.notApplicable(Issues.child(path, "count"), a.count(), "beside uniform; put it inside: uniform:"
                        + " {count: N, over: P1D}");
                String u = Issues.child(path, "uniform");
                if (c.required(Issues.child(u, "count"), a.uniform().count(), "")) {
                    c.range(Issues.child(u, "count"), a.uniform().count(), 1, MAX_COUNT);
                }
                if (c.required(Issues.child(u, "over"), a.uniform().over(), "e.g. over: P1D")) {
                    c.positive(Issues.child(u, "over"), a.uniform().over());
                }
                break;
            case POISSON:
                c.notApplicable(Issues.child(path, "count"), a.count(), "to a Poisson process; it has ratePerHour");
                String r = Issues.child(Issues.child(path, "poisson"), "ratePerHour");
                if (c.required(r, a.poisson().ratePerHour(), "")) {
                    c.positive(r, a.poisson().ratePerHour());
                }
                break;
            default:
                throw new IllegalStateException(a.kind().toString());
        }
    }

    static void duration(Check c, String path, DurationSpec d) {
        if (!c.required(path, d, "e.g. duration: {fixed: PT10M}")) {
            return;
        }
        if (d.kind() == null) {
            c.issues.add(path, d.fixed() == null && d.exponential() == null && d.lognormal() == null
                    ? "no duration distribution" : "more than one duration distribution",
                    "give exactly one of {fixed: PT10M}, {exponential: {mean: PT1H}} or {lognormal: {median:"
                            + " PT40M, sigma: 0.5}}");
            return;
        }
        switch (d.kind()) {
            case FIXED:
                c.positive(Issues.child(path, "fixed"), d.fixed());
                break;
            case EXPONENTIAL:
                String mean = Issues.child(Issues.child(path, "exponential"), "mean");
                if (c.required(mean, d.exponential().mean(), "")) {
                    c.positive(mean, d.exponential().mean());
                }
                break;
            case LOGNORMAL:
                String ln = Issues.child(path, "lognormal");
                if (c.required(Issues.child(ln, "median"), d.lognormal().median(), "")) {
                    c.positive(Issues.child(ln, "median"), d.lognormal().median());
                }
                if (c.required(Issues.child(ln, "sigma"), d.lognormal().sigma(), "e.g. sigma: 0.5")) {
                    Double s = d.lognormal().sigma();
                    if (!(s > 0) || s > 10) {
                        c.issues.add(Issues.child(ln, "sigma"), s + " is out of range", "above 0, at most 10");
                    }
                }
                break;
            default:
                throw new IllegalStateException(d.kind().toString());
        }
    }
}
