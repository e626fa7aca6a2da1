package dev.fleetsim.scenario;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.host.Market;
import dev.fleetsim.scenario.spec.GroupSpec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.MixSpec;
import dev.fleetsim.scenario.spec.PlacementGroupSpec;
import dev.fleetsim.scenario.spec.PlacementGroupStrategy;
import dev.fleetsim.scenario.spec.RunSpec;
import dev.fleetsim.scenario.spec.ScalingSpec;
import dev.fleetsim.scenario.spec.ScheduledActionSpec;
import java.time.Duration;
import java.util.List;

/** Fixed EC2 instances and Auto Scaling groups. */
final class Ec2Rules {

    private static final int MAX_INSTANCES = 1_000_000;
    /** Rack spread placement groups: at most 7 running instances per zone per group (aws-rules.md item 9). */
    private static final int SPREAD_PER_ZONE = 7;

    private Ec2Rules() {
    }

    static void check(Check c) {
        List<InstanceSpec> instances = c.spec.ec2().instances();
        for (int i = 0; i < instances.size(); i++) {
            String path = Issues.index("ec2.instances", i);
            if (!c.nullItem(path, instances.get(i))) {
                instance(c, path, instances.get(i));
            }
        }
        List<GroupSpec> groups = c.spec.ec2().groups();
        for (int i = 0; i < groups.size(); i++) {
            String path = Issues.index("ec2.groups", i);
            if (!c.nullItem(path, groups.get(i))) {
                group(c, path, groups.get(i));
            }
        }
    }

    private static void instance(Check c, String path, InstanceSpec s) {
        c.workloadName("ec2", path, s.name());
        c.target(s.name(), new Check.Target(path, "EC2 instance", s.market() == Market.SPOT));
        c.instanceType(Issues.child(path, "type"), s.type())
                .ifPresent(t -> c.osRunsOn(Issues.child(path, "os"), s.os(), List.of(t)));
        c.range(Issues.child(path, "count"), s.count(), 1, MAX_INSTANCES);
        c.zone(Issues.child(path, "zone"), s.zone());
        if (s.market() != Market.SPOT
                && s.interruptionBehavior() != dev.fleetsim.scenario.spec.InterruptionBehavior.TERMINATE) {
            c.issues.add(Issues.child(path, "interruptionBehavior"), "applies to Spot instances only",
                    "set market: spot or remove it");
        }
        Duration previousEnd = null;
        for (int i = 0; i < s.runs().size(); i++) {
            String p = Issues.index(Issues.child(path, "runs"), i);
            RunSpec r = s.runs().get(i);
            if (c.nullItem(p, r)) {
                continue;
            }
            c.withinHorizon(Issues.child(p, "start"), r.start());
            if (r.end() != null && r.start() != null && r.end().compareTo(r.start()) <= 0) {
                c.issues.add(Issues.child(p, "end"), "end " + Durations.format(r.end()) + " is not after start "
                        + Durations.format(r.start()), "");
            }
            if (previousEnd != null && r.start().compareTo(previousEnd) < 0) {
                c.issues.add(Issues.child(p, "start"), "overlaps the previous run window",
                        "list windows in order, each starting after the previous one ends");
            }
            if (r.end() == null && i < s.runs().size() - 1) {
                c.issues.add(Issues.child(p, "end"), "required: only the last window may run to the horizon", "");
            }
            previousEnd = r.end();
        }
    }

    private static void group(Check c, String path, GroupSpec g) {
        c.workloadName("ec2", path, g.name());
        MixSpec mix = g.mix();
        boolean spot = mix.onDemandPercentAboveBase() != null && mix.onDemandPercentAboveBase() < 100;
        c.target(g.name(), new Check.Target(path, "Auto Scaling group", spot));
        List<InstanceType> types = c.instanceTypes(Issues.child(path, "instanceTypes"), g.instanceTypes());
        c.osRunsOn(Issues.child(path, "os"), g.os(), types);
        c.zoneSubset(Issues.child(path, "zones"), g.zones());
        c.minDesiredMax(path, g.min(), g.desired(), g.max());
        c.range(Issues.child(path, "max"), g.max(), 0, MAX_INSTANCES);
        String m = Issues.child(path, "mix");
        c.atLeast(Issues.child(m, "onDemandBase"), mix.onDemandBase(), 0);
        c.range(Issues.child(m, "onDemandPercentAboveBase"), mix.onDemandPercentAboveBase(), 0, 100);
        c.range(Issues.child(m, "spotInstancePools"), mix.spotInstancePools(), 1, 20);
        if (g.scaling() != null) {
            scaling(c, Issues.child(path, "scaling"), g.scaling(), g);
        }
        if (g.placementGroup() != null) {
            placementGroup(c, Issues.child(path, "placementGroup"), g.placementGroup(), g);
        }
    }

    private static void scaling(Check c, String path, ScalingSpec s, GroupSpec g) {
        c.nonNegative(Issues.child(path, "instanceWarmup"), s.instanceWarmup());
        boolean tracking = s.signal() != null || s.perInstance() != null || s.targetUtilization() != null;
        if (tracking && s.isScheduled()) {
            c.issues.add(path, "has both target tracking (signal) and a schedule", "use one of them");
            return;
        }
        if (!tracking && !s.isScheduled()) {
            c.issues.add(path, "no scaling policy", "give {signal: NAME, perInstance: N, targetUtilization: 0.6} or"
                    + " {schedule: [{at: PT8H, desired: 10}]}");
            return;
        }
        if (tracking) {
            c.signal(Issues.child(path, "signal"), s.signal());
            if (c.required(Issues.child(path, "perInstance"), s.perInstance(), "demand one instance serves")) {
                c.positive(Issues.child(path, "perInstance"), s.perInstance());
            }
            if (c.required(Issues.child(path, "targetUtilization"), s.targetUtilization(), "e.g. 0.6")) {
                c.fraction(Issues.child(path, "targetUtilization"), s.targetUtilization(), false);
            }
            if (s.referenceType() != null) {
                c.instanceType(Issues.child(path, "referenceType"), s.referenceType());
            }
            return;
        }
        List<ScheduledActionSpec> schedule = s.schedule();
        if (schedule.isEmpty()) {
            c.issues.add(Issues.child(path, "schedule"), "needs at least one action", "e.g. [{at: PT8H, desired: 10}]");
        }
        Integer min = g.min();
        Integer max = g.max();
        Duration previous = null;
        for (int i = 0; i < schedule.size(); i++) {
            String p = Issues.index(Issues.child(path, "schedule"), i);
            ScheduledActionSpec a = schedule.get(i);
            if (c.nullItem(p, a)) {
                continue;
            }
            if (c.required(Issues.child(p, "at"), a.at(), "")) {
                c.withinHorizon(Issues.child(p, "at"), a.at());
                if (previous != null && a.at().compareTo(previous) <= 0) {
                    c.issues.add(Issues.child(p, "at"), "actions must be in time order, one per time", "");
                }
                previous = a.at();
            }
            if (a.desired() == null && a.min() == null && a.max() == null) {
                c.issues.add(p, "sets nothing", "give desired (and optionally min, max)");
            }
            min = a.min() != null ? a.min() : min;
            max = a.max() != null ? a.max() : max;
            c.atLeast(Issues.child(p, "min"), a.min(), 0);
            if (min != null && max != null && min > max) {
                c.issues.add(p, "min " + min + " is greater than max " + max + " after this action", "");
            } else if (a.desired() != null && min != null && max != null && (a.desired() < min || a.desired() > max)) {
                c.issues.add(Issues.child(p, "desired"), "desired " + a.desired() + " is outside min..max (" + min
                        + ".." + max + ")", "");
            }
        }
    }

    /** aws-rules.md item 9 and E15. */
    private static void placementGroup(Check c, String path, PlacementGroupSpec p, GroupSpec g) {
        if (!c.required(Issues.child(path, "strategy"), p.strategy(), "cluster, spread or partition")) {
            return;
        }
        int zoneCount = g.zones().isEmpty() ? c.zones.size() : g.zones().size();
        if (p.strategy() == PlacementGroupStrategy.PARTITION) {
            c.range(Issues.child(path, "partitions"), p.partitions(), 1, 7);
        } else {
            c.notApplicable(Issues.child(path, "partitions"), p.partitions(), "to a " + EnumKeys.key(p.strategy())
                    + " placement group");
        }
        if (p.strategy() == PlacementGroupStrategy.CLUSTER && zoneCount != 1) {
            c.issues.add(path, "a cluster placement group lives in one zone, but the group spans " + zoneCount,
                    "give the group one zone, e.g. zones: [" + c.zones.iterator().next() + "]");
        }
        if (p.strategy() == PlacementGroupStrategy.SPREAD && g.max() != null
                && g.max() > SPREAD_PER_ZONE * zoneCount) {
            c.issues.add(Issues.child(path.substring(0, path.lastIndexOf('.')), "max"), "max " + g.max()
                    + " cannot be reached: a spread placement group holds at most " + SPREAD_PER_ZONE
                    + " instances per zone, " + SPREAD_PER_ZONE * zoneCount + " in " + zoneCount
                    + (zoneCount == 1 ? " zone" : " zones"), "lower max or use a partition placement group");
        }
    }
}
