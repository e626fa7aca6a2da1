package dev.fleetsim.scenario;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Shared state and small checks for the validation rules; every check records an issue and carries on. */
final class Check {

    /** Something a fault may target. */
    record Target(String path, String what, boolean spot) {
    }

    private static final int MAX_TYPE_NAME_CHARS = 64;

    final ScenarioSpec spec;
    final InstanceCatalog catalog;
    final Issues issues;
    final Path baseDirectory;
    final Set<String> zones;
    /** Null when the horizon is missing or invalid: horizon-relative checks are then skipped. */
    final Duration horizon;
    /** Fault targets by name, in file order; a name listed twice is ambiguous. */
    final Map<String, List<Target>> targets = new LinkedHashMap<>();
    private final Map<String, String> workloadNames = new HashMap<>();

    Check(ScenarioSpec spec, InstanceCatalog catalog, Issues issues, Path baseDirectory) {
        this.spec = spec;
        this.catalog = catalog;
        this.issues = issues;
        this.baseDirectory = baseDirectory;
        this.zones = new LinkedHashSet<>(spec.zones());
        Duration h = spec.horizon();
        this.horizon = h != null && !h.isNegative() && !h.isZero() ? h : null;
    }

    boolean required(String path, Object value, String hint) {
        if (value == null) {
            issues.add(path, "required", hint);
            return false;
        }
        return true;
    }

    boolean requiredText(String path, String value, String hint) {
        if (value == null || value.isBlank()) {
            issues.add(path, value == null ? "required" : "must not be blank", hint);
            return false;
        }
        return true;
    }

    void notApplicable(String path, Object value, String why) {
        if (value != null) {
            issues.add(path, "does not apply " + why, "remove it");
        }
    }

    void range(String path, Integer value, long min, long max) {
        if (value != null && (value < min || value > max)) {
            issues.add(path, value + " is out of range", "allowed: " + min + " to " + max);
        }
    }

    void atLeast(String path, Integer value, long min) {
        if (value != null && value < min) {
            issues.add(path, "must be at least " + min + ", got " + value, "");
        }
    }

    void positive(String path, Double value) {
        if (value != null && !(value > 0)) {
            issues.add(path, "must be greater than 0, got " + value, "");
        }
    }

    void nonNegative(String path, Double value) {
        if (value != null && !(value >= 0)) {
            issues.add(path, "must not be negative, got " + value, "");
        }
    }

    void fraction(String path, Double value, boolean zeroAllowed) {
        if (value != null && (value > 1 || (zeroAllowed ? value < 0 : value <= 0))) {
            issues.add(path, value + " is out of range", zeroAllowed ? "a fraction from 0 to 1" 
                    : "a fraction above 0, at most 1 (0.6 means 60%)");
        }
    }

    void positive(String path, Duration d) {
        if (d != null && (d.isNegative() || d.isZero())) {
            issues.add(path, "must be a positive duration, got " + Durations.format(d), "");
        }
    }

    void nonNegative(String path, Duration d) {
        if (d != null && d.isNegative()) {
            issues.add(path, "must not be negative, got " + Durations.format(d), "");
        }
    }

    /** An offset at which something happens: 0 <= at < horizon. */
    void withinHorizon(String path, Duration at) {
        if (at == null) {
            return;
        }
        if (at.isNegative()) {
            issues.add(path, "must not be negative, got " + Durations.format(at), "offsets count from the start");
        } else if (horizon != null && at.compareTo(horizon) >= 0) {
            issues.add(path, Durations.format(at) + " is not before the horizon (" + Durations.format(horizon) + ")",
                    "it would never happen");
        }
    }

    void minDesiredMax(String path, Integer min, Integer desired, Integer max) {
        boolean haveMin = required(Issues.child(path, "min"), min, "");
        boolean haveMax = required(Issues.child(path, "max"), max, "");
        atLeast(Issues.child(path, "min"), min, 0);
        atLeast(Issues.child(path, "max"), max, 0);
        if (haveMin && haveMax && min > max) {
            issues.add(Issues.child(path, "min"), "min " + min + " is greater than max " + max, "");
        } else if (desired != null && haveMin && haveMax && (desired < min || desired > max)) {
            issues.add(Issues.child(path, "desired"), "desired " + desired + " is outside min..max (" + min + ".."
                    + max + ")", "");
        }
    }

    /** The catalog's type, or an issue naming the closest types (SPEC section 5). */
    Optional<InstanceType> instanceType(String path, String name) {
        if (!requiredText(path, name, "an EC2 instance type such as m7g.large")) {
            return Optional.empty();
        }
        Optional<InstanceType> t = catalog.find(name);
        if (t.isEmpty()) {
            // The catalog's message names the closest types; no type name is anywhere near this long.
            String suggestion = "";
            if (name.length() <= MAX_TYPE_NAME_CHARS) {
                try {
                    catalog.require(name);
                } catch (IllegalArgumentException e) {
                    String message = e.getMessage();
                    int cut = message.indexOf("; ");
                    suggestion = cut < 0 ? "" : message.substring(cut + 2);
                }
            }
            issues.add(path, "unknown instance type " + UserText.quote(name), suggestion.isEmpty()
                    ? "fleetsim catalog lists the known types" : suggestion);
        }
        return t;
    }

    /** Resolves a list of instance types, reporting unknown and repeated ones. */
    List<InstanceType> instanceTypes(String path, List<String> names) {
        List<InstanceType> found = new ArrayList<>();
        if (names.isEmpty()) {
            issues.add(path, "needs at least one instance type", "e.g. instanceTypes: [m7g.large]");
            return found;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < names.size(); i++) {
            String p = Issues.index(path, i);
            if (names.get(i) != null && !seen.add(names.get(i))) {
                issues.add(p, UserText.quote(names.get(i)) + " is listed twice", "remove one");
                continue;
            }
            instanceType(p, names.get(i)).ifPresent(found::add);
        }
        return found;
    }

    void zone(String path, String zone) {
        if (zone != null && !zones.contains(zone)) {
            issues.add(path, "zone " + UserText.quote(zone) + " is not one of the scenario's zones",
                    "zones: " + UserText.list(zones));
        }
    }

    void zoneSubset(String path, List<String> list) {
        Set<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) != null && !seen.add(list.get(i))) {
                issues.add(Issues.index(path, i), UserText.quote(list.get(i)) + " is listed twice", "remove one");
            } else {
                zone(Issues.index(path, i), list.get(i));
            }
        }
    }

    void signal(String path, String signal) {
        if (requiredText(path, signal, "the name of a signal under demand:") && !spec.demand().containsKey(signal)) {
            issues.add(path, "no demand signal named " + UserText.quote(signal), spec.demand().isEmpty()
                    ? "define it under demand:" : DidYouMean.hint(signal, spec.demand().keySet(), "signals"));
        }
    }

    /** Windows AMIs exist only for x86_64, so Windows cannot run on Graviton types. */
    void osRunsOn(String path, dev.fleetsim.host.OperatingSystem os, List<InstanceType> types) {
        if (os != dev.fleetsim.host.OperatingSystem.WINDOWS) {
            return;
        }
        for (InstanceType t : types) {
            if (t.architecture() == Architecture.ARM64) {
                issues.add(path, "Windows does not run on arm64 (Graviton) instance types such as " + t.name(),
                        "use an x86_64 type or os: linux");
                return;
            }
        }
    }

    /** Names unique within one list; reports each repeat once. */
    <T> void uniqueNames(String listPath, List<T> items, Function<T, String> name, String what) {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            String n = item == null ? null : name.apply(item);
            if (n == null) {
                continue;
            }
            printable(Issues.child(Issues.index(listPath, i), "name"), n);
            Integer earlier = first.putIfAbsent(n, i);
            if (earlier != null) {
                issues.add(Issues.child(Issues.index(listPath, i), "name"), "duplicate " + what + " name "
                        + UserText.quote(n), "also used by " + Issues.index(listPath, earlier));
            }
        }
    }

    /**
     * Workload names are unique within their scope: the EC2 instances and groups together, the services and
     * tasks of one ECS cluster, the workloads of one EKS cluster. The same name in two scopes is allowed (SPEC
     * section 5 names both a group and an ECS service "web"); a fault that names it is then ambiguous.
     *
     * @param scope "ec2", or the path of the ECS or EKS cluster
     */
    void workloadName(String scope, String path, String name) {
        if (!requiredText(Issues.child(path, "name"), name, "")) {
            return;
        }
        printable(Issues.child(path, "name"), name);
        String earlier = workloadNames.putIfAbsent(scope + "\u0000" + name, path);
        if (earlier != null) {
            issues.add(Issues.child(path, "name"), "the name " + UserText.quote(name) + " is already used by "
                    + earlier, "rename one");
        }
    }

    /**
     * Names reach reports, tables and terminals: no control or format characters (a terminal escape sequence
     * or a bidirectional override in a name would act on whoever reads the report).
     */
    void printable(String path, String name) {
        if (!UserText.printable(name).equals(name)) {
            issues.add(path, "must not contain control or format characters", "found in "
                    + UserText.quote(name));
        }
    }

    void target(String name, Target target) {
        if (name != null) {
            targets.computeIfAbsent(name, k -> new ArrayList<>()).add(target);
        }
    }

    boolean nullItem(String path, Object item) {
        if (item == null) {
            issues.add(path, "empty list item", "remove it or give it a value");
            return true;
        }
        return false;
    }
}
