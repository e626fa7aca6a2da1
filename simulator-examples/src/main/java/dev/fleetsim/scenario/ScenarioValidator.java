package dev.fleetsim.scenario;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.scenario.spec.CapacityPoolSpec;
import dev.fleetsim.scenario.spec.DemandSpec;
import dev.fleetsim.scenario.spec.DiurnalSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.LifecycleSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.StepSpec;
import dev.fleetsim.scenario.spec.TraceSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a bound scenario before anything runs and reports every problem, each with its YAML path and a
 * hint: required keys, ranges, zones, instance types (via the catalog), Fargate sizes, references between
 * parts (signals, capacity providers, fault targets), unique names, trace files. Rules by area live in
 * {@link Ec2Rules}, {@link EcsRules}, {@link EksRules}, {@link PricingRules} and {@link WorkRules}.
 */
public final class ScenarioValidator {

    /** Guards against typos such as P36500D; ten years is far beyond any commitment term. */
    static final Duration MAX_HORIZON = Duration.ofDays(3653);
    /** Start times in this range convert to epoch milliseconds, horizon added, without overflow. */
    static final Instant EARLIEST_START = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST_START = Instant.parse("2200-01-01T00:00:00Z");
    static final int MAX_NAME_CHARS = 200;
    /** host-failures: one failure per running hour (8,760 a 365-day year) at most. */
    static final double MAX_FAILURES_PER_YEAR = 8_760;
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d{1,2}");

    private final InstanceCatalog catalog;
    private final EntityLimits limits;

    /** With the default {@link EntityLimits}. */
    public ScenarioValidator(InstanceCatalog catalog) {
        this(catalog, EntityLimits.defaults());
    }

    public ScenarioValidator(InstanceCatalog catalog, EntityLimits limits) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * Every problem found, in the order of the spec's keys (the loader re-sorts them into file order).
     *
     * @param baseDirectory where relative file names (traces) are resolved: the scenario file's directory
     */
    public List<Issue> validate(ScenarioSpec spec, Path baseDirectory) {
        Issues issues = new Issues();
        Check c = new Check(spec, catalog, issues, baseDirectory);
        top(c);
        demand(c);
        Ec2Rules.check(c);
        EcsRules.check(c);
        EksRules.check(c);
        PricingRules.check(c);
        faults(c);
        capacity(c);
        processors(c);
        lifecycle(c);
        issues.addAll(EntityEstimate.of(c).check(limits));
        return issues.list();
    }

    /** The validated scenario, or every problem at once. */
    public Scenario requireValid(ScenarioSpec spec, Path file, Path baseDirectory) throws InvalidScenarioException {
        List<Issue> issues = validate(spec, baseDirectory);
        if (!issues.isEmpty()) {
            throw new InvalidScenarioException(issues);
        }
        return new Scenario(spec, file, baseDirectory);
    }

    private static void top(Check c) {
        ScenarioSpec s = c.spec;
        if (c.requiredText("name", s.name(), "e.g. name: quickstart")) {
            c.printable("name", s.name());
            if (s.name().length() > MAX_NAME_CHARS) {
                c.issues.add("name", "is " + s.name().length() + " characters long", "at most " + MAX_NAME_CHARS);
            }
        }
        if (c.required("horizon", s.horizon(), "how long to simulate, e.g. horizon: P1D")) {
            c.positive("horizon", s.horizon());
            if (s.horizon().compareTo(MAX_HORIZON) > 0) {
                c.issues.add("horizon", Durations.format(s.horizon()) + " is longer than ten years",
                        "at most " + Durations.format(MAX_HORIZON));
            }
        }
        if (s.start().getNano() % 1_000_000 != 0) {
            c.issues.add("start", "is finer than a millisecond, the clock's resolution", "");
        }
        if (s.start().isBefore(EARLIEST_START) || !s.start().isBefore(LATEST_START)) {
            c.issues.add("start", s.start() + " is out of range", "from " + EARLIEST_START + " to before "
                    + LATEST_START);
        }
        boolean regionOk = s.region().length() <= 32 && REGION.matcher(s.region()).matches();
        if (!regionOk) {
            c.issues.add("region", UserText.quote(s.region()) + " is not an AWS region name",
                    "e.g. us-east-1, eu-west-1");
        }
        if (s.zones().isEmpty()) {
            c.issues.add("zones", "needs at least one zone", "e.g. zones: [" + s.region() + "a]");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < s.zones().size(); i++) {
            String z = s.zones().get(i);
            String p = Issues.index("zones", i);
            if (c.nullItem(p, z)) {
                continue;
            }
            if (!seen.add(z)) {
                c.issues.add(p, UserText.quote(z) + " is listed twice", "remove one");
            } else if (regionOk && !isZoneOf(z, s.region())) {
                c.issues.add(p, UserText.quote(z) + " is not a zone of region " + s.region(),
                        "zones are the region's name and a letter, e.g. " + s.region() + "a");
            }
        }
    }

    /** The region's name and one letter: us-east-1a. */
    private static boolean isZoneOf(String zone, String region) {
        return zone.length() == region.length() + 1 && zone.startsWith(region)
                && zone.charAt(region.length()) >= 'a' && zone.charAt(region.length()) <= 'z';
    }

    private static void demand(Check c) {
        for (Map.Entry<String, DemandSpec> e : c.spec.demand().entrySet()) {
            String path = Issues.child("demand", e.getKey());
            c.printable(path, e.getKey());
            DemandSpec d = e.getValue();
            if (d == null) {
                c.issues.add(path, "no value", "e.g. {constant: 100}");
                continue;
            }
            if (d.kind() == null) {
                c.issues.add(path, d.constant() == null && d.diurnal() == null && d.steps() == null
                        && d.trace() == null ? "no signal form" : "more than one signal form",
                        "give exactly one of constant, diurnal, steps or trace");
                continue;
            }
            switch (d.kind()) {
                case CONSTANT:
                    c.nonNegative(Issues.child(path, "constant"), d.constant());
                    break;
                case DIURNAL:
                    diurnal(c, Issues.child(path, "diurnal"), d.diurnal());
                    break;
                case STEPS:
                    steps(c, Issues.child(path, "steps"), d.steps());
                    break;
                case TRACE:
                    trace(c, Issues.child(path, "trace"), d.trace());
                    break;
                default:
                    throw new IllegalStateException(d.kind().toString());
            }
        }
    }

    private static void diurnal(Check c, String path, DiurnalSpec d) {
        if (c.required(Issues.child(path, "mean"), d.mean(), "the average level, e.g. mean: 2000")) {
            c.nonNegative(Issues.child(path, "mean"), d.mean());
        }
        c.fraction(Issues.child(path, "amplitude"), d.amplitude(), true);
        if (!(d.peakHour() >= 0 && d.peakHour() < 24)) {
            c.issues.add(Issues.child(path, "peakHour"), d.peakHour() + " is out of range", "a UTC hour from 0 to"
                    + " below 24");
        }
        c.nonNegative(Issues.child(path, "weekendFactor"), d.weekendFactor());
        c.fraction(Issues.child(path, "noise"), d.noise(), true);
    }

    private static void steps(Check c, String path, List<StepSpec> steps) {
        if (steps.isEmpty()) {
            c.issues.add(path, "needs at least one step", "e.g. [{at: PT0S, value: 100}]");
        }
        Duration previous = null;
        for (int i = 0; i < steps.size(); i++) {
            String p = Issues.index(path, i);
            StepSpec s = steps.get(i);
            if (c.nullItem(p, s)) {
                continue;
            }
            if (c.required(Issues.child(p, "at"), s.at(), "")) {
                c.withinHorizon(Issues.child(p, "at"), s.at());
                if (previous != null && s.at().compareTo(previous) <= 0) {
                    c.issues.add(Issues.child(p, "at"), "steps must be in time order, one per time", "");
                }
                previous = s.at();
            }
            if (c.required(Issues.child(p, "value"), s.value(), "")) {
                c.nonNegative(Issues.child(p, "value"), s.value());
            }
        }
    }

    private static void trace(Check c, String path, TraceSpec t) {
        boolean file = c.requiredText(Issues.child(path, "file"), t.file(), "a CSV file relative to the scenario");
        boolean time = c.requiredText(Issues.child(path, "time"), t.time(), "the name of the time column");
        boolean value = c.requiredText(Issues.child(path, "value"), t.value(), "the name of the value column");
        if (!file) {
            return;
        }
        Path resolved = c.baseDirectory.resolve(t.file()).normalize();
        if (!Files.isRegularFile(resolved)) {
            c.issues.add(Issues.child(path, "file"), "no such file: " + resolved, "paths are relative to the"
                    + " scenario file");
            return;
        }
        if (time && value) {
            try {
                TraceCsv.read(resolved, t.time(), t.value(), c.spec.start());
            } catch (IllegalArgumentException e) {
                c.issues.add(Issues.child(path, "file"), e.getMessage(), "");
            }
        }
    }

    private static void faults(Check c) {
        List<FaultSpec> faults = c.spec.faults();
        for (int i = 0; i < faults.size(); i++) {
            String path = Issues.index("faults", i);
            FaultSpec f = faults.get(i);
            if (c.nullItem(path, f) || !c.required(Issues.child(path, "kind"), f.kind(),
                    "spot-interruption, zone-outage or host-failures")) {
                continue;
            }
            String kind = "to a " + EnumKeys.key(f.kind()) + " fault";
            switch (f.kind()) {
                case SPOT_INTERRUPTION:
                    target(c, Issues.child(path, "target"), f.target(), true);
                    if (c.required(Issues.child(path, "at"), f.at(), "when the 2-minute notice arrives")) {
                        c.withinHorizon(Issues.child(path, "at"), f.at());
                    }
                    c.notApplicable(Issues.child(path, "zone"), f.zone(), kind);
                    c.notApplicable(Issues.child(path, "duration"), f.duration(), kind);
                    c.notApplicable(Issues.child(path, "perInstancePerYear"), f.perInstancePerYear(), kind);
                    break;
                case ZONE_OUTAGE:
                    if (c.requiredText(Issues.child(path, "zone"), f.zone(), "")) {
                        c.zone(Issues.child(path, "zone"), f.zone());
                    }
                    if (c.required(Issues.child(path, "at"), f.at(), "")) {
                        c.withinHorizon(Issues.child(path, "at"), f.at());
                    }
                    if (c.required(Issues.child(path, "duration"), f.duration(), "e.g. duration: PT3H")) {
                        c.positive(Issues.child(path, "duration"), f.duration());
                    }
                    c.notApplicable(Issues.child(path, "target"), f.target(), kind + "; it hits the whole zone");
                    c.notApplicable(Issues.child(path, "perInstancePerYear"), f.perInstancePerYear(), kind);
                    break;
                case HOST_FAILURES:
                    if (c.required(Issues.child(path, "perInstancePerYear"), f.perInstancePerYear(), "e.g. 0.02")) {
                        c.positive(Issues.child(path, "perInstancePerYear"), f.perInstancePerYear());
                        if (f.perInstancePerYear() > MAX_FAILURES_PER_YEAR) {
                            // Beyond this every instance would fail within the hour: a typo, and unbounded work.
                            c.issues.add(Issues.child(path, "perInstancePerYear"), f.perInstancePerYear()
                                    + " failures per instance-year is more than one per running hour",
                                    "at most " + (long) MAX_FAILURES_PER_YEAR + "; e.g. 0.02");
                        }
                    }
                    if (f.target() != null) {
                        target(c, Issues.child(path, "target"), f.target(), false);
                    }
                    c.notApplicable(Issues.child(path, "at"), f.at(), kind + "; failures come at random");
                    c.notApplicable(Issues.child(path, "zone"), f.zone(), kind);
                    c.notApplicable(Issues.child(path, "duration"), f.duration(), kind);
                    break;
                default:
                    throw new IllegalStateException(f.kind().toString());
            }
        }
    }

    private static void target(Check c, String path, String name, boolean mustBeSpot) {
        if (!c.requiredText(path, name, "the name of an instance, group, task, service or node pool")) {
            return;
        }
        List<Check.Target> found = c.targets.get(name);
        if (found == null) {
            c.issues.add(path, "nothing is named " + UserText.quote(name), c.targets.isEmpty() ? ""
                    : DidYouMean.hint(name, c.targets.keySet(), "names"));
        } else if (found.size() > 1) {
            c.issues.add(path, UserText.quote(name) + " names both " + found.get(0).path() + " and "
                    + found.get(1).path(), "rename one");
        } else if (mustBeSpot && !found.get(0).spot()) {
            c.issues.add(path, UserText.quote(name) + " (" + found.get(0).what() + ") runs no Spot capacity, and"
                    + " only Spot capacity is interrupted", "give it Spot capacity (market: spot, FARGATE_SPOT, or a"
                    + " mix below 100% On-Demand)");
        }
    }

    /** {@code capacity.pools}: known type, scenario zone, max >= 0, one limit per (type, zone, market or both). */
    private static void capacity(Check c) {
        List<CapacityPoolSpec> pools = c.spec.capacity().pools();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pools.size(); i++) {
            String path = Issues.index("capacity.pools", i);
            CapacityPoolSpec p = pools.get(i);
            if (c.nullItem(path, p)) {
                continue;
            }
            c.instanceType(Issues.child(path, "type"), p.type());
            if (c.requiredText(Issues.child(path, "zone"), p.zone(), "one of the scenario's zones")) {
                c.zone(Issues.child(path, "zone"), p.zone());
            }
            if (c.required(Issues.child(path, "max"), p.max(), "the most instances of the pool at once, e.g. max: 10")) {
                c.range(Issues.child(path, "max"), p.max(), 0, 1_000_000);
            }
            String market = p.market() == null ? "both markets" : p.market().key();
            if (p.type() != null && p.zone() != null && !seen.add(p.type() + "@" + p.zone() + "/" + market)) {
                c.issues.add(path, "the pool " + UserText.quote(p.type()) + " in " + UserText.quote(p.zone()) + " ("
                        + market + ") is limited twice", "keep one entry per type, zone and market");
            }
        }
    }

    private static void processors(Check c) {
        List<String> keys = new ArrayList<>();
        for (Microarchitecture m : Microarchitecture.values()) {
            keys.add(m.key());
        }
        for (Map.Entry<String, Double> e : c.spec.processors().entrySet()) {
            String path = Issues.child("processors", e.getKey());
            if (Microarchitecture.fromKey(e.getKey()).isEmpty()) {
                c.issues.add(path, "unknown processor " + UserText.quote(e.getKey()), DidYouMean.hint(e.getKey(), keys,
                        "valid processors"));
            } else if (e.getValue() == null || !(e.getValue() > 0) || e.getValue() > 100) {
                c.issues.add(path, "a throughput factor must be above 0 and at most 100, got " + e.getValue(),
                        "1.0 is one m5 vCPU (docs/processors.md)");
            }
        }
    }

    private static void lifecycle(Check c) {
        LifecycleSpec l = c.spec.lifecycle();
        c.nonNegative("lifecycle.instanceLaunch", l.instanceLaunch());
        c.nonNegative("lifecycle.instanceStop", l.instanceStop());
        c.nonNegative("lifecycle.instanceTerminate", l.instanceTerminate());
        c.nonNegative("lifecycle.taskStartup", l.taskStartup());
    }
}
