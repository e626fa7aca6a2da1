package dev.fleetsim.autoscaling;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.function.IntPredicate;

/**
 * Which instance of a group goes, by the default termination policy (ASGUG as-instance-termination.md, "Default
 * termination policy", as read here): for a scale in, at-risk Spot instances without a replacement first; then the
 * market above its target share; then the zone holding the most of the group; then, within it, the instance closest to
 * its next billing hour (longest into its current hour); ties go to the oldest, where AWS picks at random. AWS applies
 * the same policy when AZ rebalancing terminates (ASGUG as-instance-termination.md, "When Amazon EC2 Auto Scaling uses
 * termination policies"); there the zone is given.
 */
final class TerminationPolicy {

    private static final long HOUR_MS = 3_600_000L;

    private final Fleet fleet;
    private final InstancesDistribution distribution;
    private final BitSet scaleInProtected;
    private final int[] zoneTotal;
    private final int[] zoneOfMarket;
    private final int[] candidates = new int[2];
    private IntPredicate busy = id -> false;

    /** @param scaleInProtected instance ids protected from scale in, shared with the group */
    TerminationPolicy(Fleet fleet, InstancesDistribution distribution, BitSet scaleInProtected, int zoneCount) {
        this.fleet = fleet;
        this.distribution = distribution;
        this.scaleInProtected = scaleInProtected;
        this.zoneTotal = new int[zoneCount];
        this.zoneOfMarket = new int[zoneCount];
    }

    /** The slot a scale in to {@code desired} terminates next; there must be one. */
    int scaleInVictim(long now, int desired) {
        IntArrayList live = fleet.live();
        for (int i = 0; i < live.size(); i++) {
            int s = live.getInt(i);
            if (fleet.atRisk(s) && fleet.replacedBy(s) < 0 && fleet.replaces(s) < 0) {
                return s;
            }
        }
        // Protected instances are candidates only when no unprotected one is left (AutoScalingGroup's reading).
        boolean skipProtected = false;
        candidates[0] = 0;
        candidates[1] = 0;
        if (!scaleInProtected.isEmpty()) {
            for (int i = 0; i < live.size(); i++) {
                int s = live.getInt(i);
                if (fleet.replacedBy(s) < 0 && !scaleInProtected.get(fleet.id(s))) {
                    skipProtected = true;
                    candidates[fleet.market(s)]++;
                }
            }
        }
        if (!skipProtected) {
            candidates[Fleet.ON_DEMAND] = fleet.effectiveCount(Fleet.ON_DEMAND);
            candidates[Fleet.SPOT] = fleet.effectiveCount(Fleet.SPOT);
        }
        int odTarget = distribution.onDemandTarget(desired);
        int market = fleet.effectiveCount(Fleet.ON_DEMAND) > odTarget ? Fleet.ON_DEMAND : Fleet.SPOT;
        if (candidates[market] == 0) {
            market = 1 - market;
        }
        // Counts over the instances that count toward capacity (covered ones are leaving anyway).
        Arrays.fill(zoneTotal, 0);
        Arrays.fill(zoneOfMarket, 0);
        for (int i = 0; i < live.size(); i++) {
            int s = live.getInt(i);
            if (fleet.replacedBy(s) < 0) {
                zoneTotal[fleet.zone(s)]++;
                if (fleet.market(s) == market && !(skipProtected && scaleInProtected.get(fleet.id(s)))) {
                    zoneOfMarket[fleet.zone(s)]++;
                }
            }
        }
        int zone = -1;
        for (int z = 0; z < zoneTotal.length; z++) {
            if (zoneOfMarket[z] == 0) {
                continue;
            }
            if (zone < 0 || zoneTotal[z] > zoneTotal[zone]
                    || (zoneTotal[z] == zoneTotal[zone] && zoneOfMarket[z] > zoneOfMarket[zone])) {
                zone = z;
            }
        }
        int inZone = zone;
        int ofMarket = market;
        boolean spareProtected = skipProtected;
        int best = closestToNextHour(now, v -> fleet.zone(v) == inZone && fleet.market(v) == ofMarket
                && fleet.replacedBy(v) < 0 && !(spareProtected && scaleInProtected.get(fleet.id(v))));
        if (best < 0) {
            throw new IllegalStateException("no instance to scale in");
        }
        return best;
    }

    /** Instances AZ rebalancing terminates only when no other is left in the zone (e.g. container hosts with tasks). */
    void keepIfPossible(IntPredicate busyInstance) {
        this.busy = Objects.requireNonNull(busyInstance, "busyInstance");
    }

    /**
     * The slot AZ rebalancing terminates in {@code zone}: of either market (the replacement takes the victim's, so
     * the On-Demand and Spot counts stay), not already replaced and not itself a replacement waiting to be in service;
     * among those, the ones neither protected from scale in nor busy ({@link #keepIfPossible}) first (the default
     * policy looks for an unprotected instance first); then closest to its next billing hour, then the oldest; -1 if
     * none. Reading: when every candidate is protected or busy, one of them goes (drained first by the runner).
     */
    int zoneVictim(int zone, long now) {
        int s = zoneVictim(zone, true, now);
        return s >= 0 ? s : zoneVictim(zone, false, now);
    }

    private int zoneVictim(int zone, boolean spareProtectedAndBusy, long now) {
        return closestToNextHour(now, v -> fleet.zone(v) == zone && fleet.replacedBy(v) < 0 && fleet.replaces(v) < 0
                && !(spareProtectedAndBusy && (scaleInProtected.get(fleet.id(v)) || busy.test(fleet.id(v)))));
    }

    /** Of the live instances {@code eligible} accepts, the one longest into its current billing hour, ties the oldest. */
    private int closestToNextHour(long now, IntPredicate eligible) {
        IntArrayList live = fleet.live();
        int best = -1;
        long bestIntoHour = -1;
        for (int i = 0; i < live.size(); i++) {
            int s = live.getInt(i);
            if (!eligible.test(s)) {
                continue;
            }
            long intoHour = (now - fleet.launchMs(s)) % HOUR_MS;
            if (intoHour > bestIntoHour) {
                best = s;
                bestIntoHour = intoHour;
            }
        }
        return best;
    }
}
