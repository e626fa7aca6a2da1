package dev.fleetsim.autoscaling;

import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * Where a group's next launch goes: the zones in balancing order, then the instance types to try in a zone. Pure
 * ordering over the fleet's counts and the Spot pool view; the group does the launching and the fallback down the
 * lists.
 *
 * <p>Zone balancing (ASGUG, "Availability Zone balancing"; aws-rules.md item 9 for the caps): the zone with the fewest
 * group instances of the market being launched, then the fewest of the whole group, then the zone listed first. Zones
 * at the placement group's per-zone cap are skipped.
 *
 * <p>Types: On-Demand in priority order. Spot by strategy (aws-rules.md item 4), pools closed now skipped:
 * lowest-price = the {@code spotInstancePools} cheapest pools of the zone, the one holding the fewest of the group's
 * Spot instances first, then the rest by price; capacity-optimized = lowest interruption bucket first;
 * price-capacity-optimized = lowest bucket, then cheapest; diversified = pools below On-Demand, the one holding the
 * fewest first. Remaining ties go to priority order.
 */
final class LaunchPlanner {

    private final String[] typeNames;
    private final String[] zoneNames;
    private final InstancesDistribution distribution;
    private final int maxPerZone;
    private final SpotPoolView pools;
    private final Fleet fleet;

    private final double[] primary;
    private final double[] secondary;
    private final int[] zoneEffective;
    private int rebalanceTargets;

    LaunchPlanner(String[] typeNames, String[] zoneNames, InstancesDistribution distribution, int maxPerZone,
                  SpotPoolView pools, Fleet fleet) {
        this.typeNames = typeNames;
        this.zoneNames = zoneNames;
        this.distribution = distribution;
        this.maxPerZone = maxPerZone;
        this.pools = pools;
        this.fleet = fleet;
        this.primary = new double[Math.max(typeNames.length, zoneNames.length)];
        this.secondary = new double[primary.length];
        this.zoneEffective = new int[zoneNames.length];
    }

    /**
     * AZ rebalancing (AutoScalingGroup.rebalanceZones): counts the instances that count toward capacity per zone
     * (a replaced one has left, its replacement has arrived), fills {@code out} with the zones holding at least 2
     * fewer than the fullest and below the placement group's per-zone cap, emptiest first (list order on ties), and
     * returns the fullest zone (the first listed on ties); {@link #rebalanceTargetCount} tells how many were filled.
     */
    int zonesToRebalance(int[] out) {
        Arrays.fill(zoneEffective, 0);
        IntArrayList live = fleet.live();
        for (int i = 0; i < live.size(); i++) {
            int s = live.getInt(i);
            if (fleet.replacedBy(s) < 0) {
                zoneEffective[fleet.zone(s)]++;
            }
        }
        int full = 0;
        for (int z = 1; z < zoneNames.length; z++) {
            if (zoneEffective[z] > zoneEffective[full]) {
                full = z;
            }
        }
        int n = 0;
        for (int z = 0; z < zoneNames.length; z++) {
            if (zoneEffective[z] <= zoneEffective[full] - 2 && fleet.inZone(z) < maxPerZone) {
                int j = n++;
                while (j > 0 && zoneEffective[out[j - 1]] > zoneEffective[z]) {
                    out[j] = out[j - 1];
                    j--;
                }
                out[j] = z;
            }
        }
        rebalanceTargets = n;
        return full;
    }

    /** How many zones the last {@link #zonesToRebalance} filled. */
    int rebalanceTargetCount() {
        return rebalanceTargets;
    }

    /** Fills {@code out} with the zones to try for a launch of market {@code m}; returns how many. */
    int zones(int m, int[] out) {
        int n = 0;
        for (int z = 0; z < zoneNames.length; z++) {
            if (fleet.inZone(z) < maxPerZone) {
                out[n] = z;
                primary[z] = fleet.inZone(z, m);
                secondary[z] = fleet.inZone(z);
                n++;
            }
        }
        sort(out, n);
        return n;
    }

    /**
     * Fills {@code out} with the types to try in zone {@code z} for market {@code m}, best first, leaving out
     * {@code excludedType} (-1: none); returns how many.
     */
    int types(int m, int z, long nowMs, int excludedType, int[] out) {
        int n = 0;
        if (m == Fleet.ON_DEMAND) {
            for (int t = 0; t < typeNames.length; t++) {
                if (t != excludedType) {
                    out[n++] = t;
                }
            }
            return n;
        }
        String zone = zoneNames[z];
        SpotAllocationStrategy strategy = distribution.spotAllocationStrategy();
        for (int t = 0; t < typeNames.length; t++) {
            String type = typeNames[t];
            if (t == excludedType || !pools.open(type, zone, nowMs)) {
                continue;
            }
            switch (strategy) {
                case LOWEST_PRICE -> {
                    primary[t] = pools.relativePrice(type, zone, nowMs);
                    secondary[t] = 0;
                }
                case CAPACITY_OPTIMIZED -> {
                    primary[t] = pools.interruptionBucket(type, zone);
                    secondary[t] = 0;
                }
                case PRICE_CAPACITY_OPTIMIZED -> {
                    primary[t] = pools.interruptionBucket(type, zone);
                    secondary[t] = pools.relativePrice(type, zone, nowMs);
                }
                case DIVERSIFIED -> {
                    if (!pools.belowOnDemand(type, zone, nowMs)) {
                        continue;
                    }
                    primary[t] = fleet.spotInPool(t, z);
                    secondary[t] = 0;
                }
                default -> throw new IllegalStateException(strategy.toString());
            }
            out[n++] = t;
        }
        sort(out, n);
        if (strategy == SpotAllocationStrategy.LOWEST_PRICE) {
            // Spread evenly over the N cheapest: re-sort those by how many they hold, then price.
            int head = Math.min(n, distribution.spotInstancePools());
            for (int i = 0; i < head; i++) {
                int t = out[i];
                secondary[t] = primary[t];
                primary[t] = fleet.spotInPool(t, z);
            }
            sort(out, head);
        }
        return n;
    }

    /** Insertion sort of indices by (primary, secondary, index): the lists are a handful long. */
    private void sort(int[] idx, int n) {
        for (int i = 1; i < n; i++) {
            int v = idx[i];
            int j = i - 1;
            while (j >= 0 && before(v, idx[j])) {
                idx[j + 1] = idx[j];
                j--;
            }
            idx[j + 1] = v;
        }
    }

    private boolean before(int a, int b) {
        if (primary[a] != primary[b]) {
            return primary[a] < primary[b];
        }
        if (secondary[a] != secondary[b]) {
            return secondary[a] < secondary[b];
        }
        return a < b;
    }
}
