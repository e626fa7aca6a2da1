package dev.fleetsim.autoscaling;

import it.unimi.dsi.fastutil.ints.Int2IntOpenHashMap;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import java.util.Arrays;

/**
 * The live instances of one group and the counts its decisions need, in primitive arrays. Each launch takes a new
 * slot (slots are never reused, so a slot is a stable handle and launch order is slot order); removal keeps the slot
 * but drops it from {@link #live}.
 */
final class Fleet {

    static final int ON_DEMAND = 0;
    static final int SPOT = 1;

    private final int typeCount;
    private final int zoneCount;
    private final int partitionsPerZone;

    // Per slot.
    private int[] id = new int[16];
    private int[] type = new int[16];
    private int[] zone = new int[16];
    private int[] partition = new int[16];
    private int[] market = new int[16];
    private long[] launchMs = new long[16];
    private boolean[] inService = new boolean[16];
    private boolean[] atRisk = new boolean[16];
    private int[] replacedBy = new int[16];
    private int[] replaces = new int[16];
    private int slots;

    /** Live slots in launch order. */
    private final IntArrayList live = new IntArrayList();
    private final Int2IntOpenHashMap slotOfId = new Int2IntOpenHashMap();

    // Counts over live slots.
    private final int[] perZone;
    private final int[][] perZoneMarket;
    private final int[][] spotPerPool; // [type][zone]
    private final int[][] perPartition; // [zone][partition]
    private final int[] inServicePerType;
    /** Live instances per type that count toward capacity (covered ones do not). */
    private final int[] effectivePerType;
    private final int[] perMarket = new int[2];
    /** Instances whose replacement is live (Capacity Rebalancing or AZ rebalancing): they do not count. */
    private int covered;
    /** The covered instances that are at risk. */
    private int coveredAtRisk;
    private final int[] coveredOfMarket = new int[2];
    private int liveAtRisk;

    Fleet(int typeCount, int zoneCount, int partitionsPerZone) {
        this.typeCount = typeCount;
        this.zoneCount = zoneCount;
        this.partitionsPerZone = partitionsPerZone;
        this.perZone = new int[zoneCount];
        this.perZoneMarket = new int[zoneCount][2];
        this.spotPerPool = new int[typeCount][zoneCount];
        this.perPartition = new int[zoneCount][partitionsPerZone];
        this.inServicePerType = new int[typeCount];
        this.effectivePerType = new int[typeCount];
        slotOfId.defaultReturnValue(-1);
    }

    int add(int instanceId, int t, int z, int m, long nowMs) {
        if (slotOfId.containsKey(instanceId)) {
            throw new IllegalStateException("instance id " + instanceId + " is already in the group");
        }
        if (slots == id.length) {
            grow();
        }
        int s = slots++;
        id[s] = instanceId;
        type[s] = t;
        zone[s] = z;
        market[s] = m;
        launchMs[s] = nowMs;
        replacedBy[s] = -1;
        replaces[s] = -1;
        inService[s] = false;
        atRisk[s] = false;
        effectivePerType[t]++;
        partition[s] = emptiestPartition(z);
        live.add(s);
        slotOfId.put(instanceId, s);
        perZone[z]++;
        perZoneMarket[z][m]++;
        perMarket[m]++;
        perPartition[z][partition[s]]++;
        if (m == SPOT) {
            spotPerPool[t][z]++;
        }
        return s;
    }

    void remove(int s) {
        int z = zone[s];
        int m = market[s];
        live.rem(s);
        slotOfId.remove(id[s]);
        perZone[z]--;
        perZoneMarket[z][m]--;
        perMarket[m]--;
        perPartition[z][partition[s]]--;
        if (m == SPOT) {
            spotPerPool[type[s]][z]--;
        }
        if (inService[s]) {
            inService[s] = false;
            inServicePerType[type[s]]--;
        }
        if (atRisk[s]) {
            liveAtRisk--;
        }
        // Unlink a rebalancing pair: the survivor is on its own again (and counts, if it was the covered one).
        if (replacedBy[s] >= 0) {
            replaces[replacedBy[s]] = -1;
            replacedBy[s] = -1;
            covered--;
            coveredOfMarket[m]--;
            if (atRisk[s]) {
                coveredAtRisk--;
            }
        } else {
            effectivePerType[type[s]]--;
        }
        if (replaces[s] >= 0) {
            int x = replaces[s];
            replacedBy[x] = -1;
            replaces[s] = -1;
            covered--;
            coveredOfMarket[market[x]]--;
            if (atRisk[x]) {
                coveredAtRisk--;
            }
            effectivePerType[type[x]]++;
        }
    }

    void markInService(int s) {
        if (!inService[s]) {
            inService[s] = true;
            inServicePerType[type[s]]++;
        }
    }

    void markAtRisk(int s) {
        if (!atRisk[s]) {
            atRisk[s] = true;
            liveAtRisk++;
            if (replacedBy[s] >= 0) {
                coveredAtRisk++;
            }
        }
    }

    /** Links a replacement to the instance it replaces (at risk, or leaving an over-represented zone). */
    void link(int replacedSlot, int replacementSlot) {
        replacedBy[replacedSlot] = replacementSlot;
        replaces[replacementSlot] = replacedSlot;
        covered++;
        coveredOfMarket[market[replacedSlot]]++;
        if (atRisk[replacedSlot]) {
            coveredAtRisk++;
        }
        effectivePerType[type[replacedSlot]]--;
    }

    /** True if some live at-risk instance has no live replacement. */
    boolean hasUncoveredAtRisk() {
        return liveAtRisk > coveredAtRisk;
    }

    int slotOf(int instanceId) {
        return slotOfId.get(instanceId);
    }

    IntArrayList live() {
        return live;
    }

    int liveCount() {
        return live.size();
    }

    /** Live instances that count toward capacity: all but the at-risk ones whose replacement is live. */
    int effectiveCount() {
        return live.size() - covered;
    }

    /** Effective instances of a market. */
    int effectiveCount(int m) {
        return perMarket[m] - coveredOfMarket[m];
    }

    int inZone(int z) {
        return perZone[z];
    }

    int inZone(int z, int m) {
        return perZoneMarket[z][m];
    }

    int spotInPool(int t, int z) {
        return spotPerPool[t][z];
    }

    int inServiceOfType(int t) {
        return inServicePerType[t];
    }

    /** Live instances of type t that count toward capacity. */
    int effectiveOfType(int t) {
        return effectivePerType[t];
    }

    int id(int s) {
        return id[s];
    }

    int type(int s) {
        return type[s];
    }

    int zone(int s) {
        return zone[s];
    }

    int partition(int s) {
        return partition[s];
    }

    int market(int s) {
        return market[s];
    }

    long launchMs(int s) {
        return launchMs[s];
    }

    boolean inService(int s) {
        return inService[s];
    }

    boolean atRisk(int s) {
        return atRisk[s];
    }

    int replacedBy(int s) {
        return replacedBy[s];
    }

    int replaces(int s) {
        return replaces[s];
    }

    int typeCount() {
        return typeCount;
    }

    int zoneCount() {
        return zoneCount;
    }

    private int emptiestPartition(int z) {
        int best = 0;
        for (int p = 1; p < partitionsPerZone; p++) {
            if (perPartition[z][p] < perPartition[z][best]) {
                best = p;
            }
        }
        return best;
    }

    private void grow() {
        int n = id.length * 2;
        id = Arrays.copyOf(id, n);
        type = Arrays.copyOf(type, n);
        zone = Arrays.copyOf(zone, n);
        partition = Arrays.copyOf(partition, n);
        market = Arrays.copyOf(market, n);
        launchMs = Arrays.copyOf(launchMs, n);
        inService = Arrays.copyOf(inService, n);
        atRisk = Arrays.copyOf(atRisk, n);
        replacedBy = Arrays.copyOf(replacedBy, n);
        replaces = Arrays.copyOf(replaces, n);
    }
}
