package dev.fleetsim.host;

import it.unimi.dsi.fastutil.objects.Object2IntLinkedOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Finite EC2 capacity pools and zone outages, in one place that every launcher of a simulation goes through (SPEC
 * section 2: "capacity pools (type x zone) may be finite, and a launch into an exhausted pool fails as
 * InsufficientInstanceCapacity").
 *
 * <p>A pool is an instance type in a zone, for one market or for both (a limit without a market counts On-Demand and
 * Spot instances together). A launcher calls {@link #tryAcquire} before it creates an instance: false is the
 * InsufficientInstanceCapacity answer, because a limited pool is full or the zone is closed by an outage. It calls
 * {@link #release} when the instance no longer holds its host (stopped or terminated). Pools without a limit are never
 * full; only their zone's outage closes them. Reading: an instance holds its capacity from launch (pending) until it
 * reaches stopped or terminated, as the host stays allocated while it stops.
 *
 * <p>Counters per pool: the most acquired at once, and how many acquisitions were refused. Not thread-safe; one per
 * simulation.
 */
public final class CapacityPools {

    /** The pool key of a limit that covers both markets. */
    private static final String ANY_MARKET = "any";

    private final Object2IntLinkedOpenHashMap<String> index = new Object2IntLinkedOpenHashMap<>();
    private final List<Limit> limits = new ArrayList<>();
    private int[] held = new int[0];
    private int[] peak = new int[0];
    private long[] refused = new long[0];
    private final Object2IntLinkedOpenHashMap<String> closedZones = new Object2IntLinkedOpenHashMap<>();
    private long refusedByOutage;

    /** One pool's cap; {@code market} null = both markets together. */
    public record Limit(String instanceType, String zone, Market market, int max) {
        public Limit {
            Objects.requireNonNull(instanceType, "instanceType");
            Objects.requireNonNull(zone, "zone");
            if (max < 0) {
                throw new IllegalArgumentException("a pool's max must be >= 0, got " + max);
            }
        }
    }

    /** No pool limited, no zone closed: every launch succeeds until {@link #closeZone} or {@link #limit}. */
    public CapacityPools() {
        index.defaultReturnValue(-1);
        closedZones.defaultReturnValue(0);
    }

    /** Pools with these limits; at most one limit per (type, zone, market or both). */
    public static CapacityPools of(List<Limit> limits) {
        CapacityPools pools = new CapacityPools();
        for (Limit l : limits) {
            pools.limit(l);
        }
        return pools;
    }

    /** Adds a limit; must come before the first acquisition in that pool. */
    public void limit(Limit limit) {
        String key = key(limit.instanceType(), limit.zone(), limit.market());
        if (index.containsKey(key)) {
            throw new IllegalArgumentException("pool " + key + " is limited twice");
        }
        index.put(key, limits.size());
        limits.add(limit);
        held = java.util.Arrays.copyOf(held, limits.size());
        peak = java.util.Arrays.copyOf(peak, limits.size());
        refused = java.util.Arrays.copyOf(refused, limits.size());
    }

    /**
     * Takes one instance's worth of capacity in the pool if it has any.
     *
     * @return false for InsufficientInstanceCapacity: the zone is closed, or a limit covering the pool is reached
     */
    public boolean tryAcquire(String instanceType, String zone, Market market) {
        if (closedZones.getInt(zone) > 0) {
            refusedByOutage++;
            return false;
        }
        if (limits.isEmpty()) {
            return true;
        }
        int exact = index.getInt(key(instanceType, zone, market));
        int both = index.getInt(key(instanceType, zone, null));
        if (full(exact) || full(both)) {
            if (exact >= 0) {
                refused[exact]++;
            }
            if (both >= 0) {
                refused[both]++;
            }
            return false;
        }
        take(exact);
        take(both);
        return true;
    }

    /** Gives back the capacity an instance of the pool held (it reached stopped or terminated). */
    public void release(String instanceType, String zone, Market market) {
        if (limits.isEmpty()) {
            return;
        }
        give(index.getInt(key(instanceType, zone, market)));
        give(index.getInt(key(instanceType, zone, null)));
    }

    /** The acquire for an instance's usage. */
    public boolean tryAcquire(dev.fleetsim.metering.InstanceUsage usage) {
        return tryAcquire(usage.instanceType(), usage.zone(), usage.market());
    }

    public void release(dev.fleetsim.metering.InstanceUsage usage) {
        release(usage.instanceType(), usage.zone(), usage.market());
    }

    /** A zone outage begins: every pool of the zone refuses launches until {@link #openZone}. Outages may overlap. */
    public void closeZone(String zone) {
        closedZones.put(zone, closedZones.getInt(zone) + 1);
    }

    /** An outage of the zone ends; the zone opens when every overlapping outage has ended. */
    public void openZone(String zone) {
        int n = closedZones.getInt(zone);
        if (n <= 0) {
            throw new IllegalStateException("zone " + zone + " is not closed");
        }
        if (n == 1) {
            closedZones.removeInt(zone);
        } else {
            closedZones.put(zone, n - 1);
        }
    }

    public boolean isOpen(String zone) {
        return closedZones.getInt(zone) == 0;
    }

    /** True if a launch into the pool would succeed now (without taking anything). */
    public boolean hasCapacity(String instanceType, String zone, Market market) {
        if (!isOpen(zone)) {
            return false;
        }
        return !full(index.getInt(key(instanceType, zone, market))) && !full(index.getInt(key(instanceType, zone, null)));
    }

    /** The limits, in the order they were added. */
    public List<Limit> limits() {
        return List.copyOf(limits);
    }

    /** Instances holding capacity in limit {@code i} now. */
    public int held(int i) {
        return held[i];
    }

    /** The most instances limit {@code i} held at once. */
    public int peak(int i) {
        return peak[i];
    }

    /** Launches limit {@code i} refused because it was full. */
    public long refused(int i) {
        return refused[i];
    }

    /** Launches refused because their zone was closed by an outage. */
    public long refusedByOutage() {
        return refusedByOutage;
    }

    private boolean full(int i) {
        return i >= 0 && held[i] >= limits.get(i).max();
    }

    private void take(int i) {
        if (i >= 0) {
            held[i]++;
            peak[i] = Math.max(peak[i], held[i]);
        }
    }

    private void give(int i) {
        if (i >= 0) {
            if (held[i] == 0) {
                throw new IllegalStateException("pool " + limits.get(i) + " released more than it gave");
            }
            held[i]--;
        }
    }

    private static String key(String instanceType, String zone, Market market) {
        return instanceType + '@' + zone + '/' + (market == null ? ANY_MARKET : market.key());
    }
}
