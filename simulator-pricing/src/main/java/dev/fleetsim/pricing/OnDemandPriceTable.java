package dev.fleetsim.pricing;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** On-Demand Linux shared-tenancy prices per (type, region), loaded from {@code ondemand-linux.csv}. */
public final class OnDemandPriceTable {

    private static final String RESOURCE = "ondemand-linux.csv";
    private static final String[] HEADER = {"type", "region", "usd_per_hour", "as_of", "source"};

    private final Map<String, OnDemandPrice> byTypeAndRegion;
    private final SortedSet<String> regions;

    private OnDemandPriceTable(Map<String, OnDemandPrice> byTypeAndRegion) {
        this.byTypeAndRegion = byTypeAndRegion;
        TreeSet<String> names = new TreeSet<>();
        for (OnDemandPrice p : byTypeAndRegion.values()) {
            names.add(p.region());
        }
        this.regions = Collections.unmodifiableSortedSet(names);
    }

    /** The bundled table (about 15,000 rows). */
    public static OnDemandPriceTable loadDefault() {
        Map<String, OnDemandPrice> prices = new HashMap<>(32_768);
        Map<String, String> interned = new HashMap<>();
        PriceCsv.read(RESOURCE, HEADER, f -> {
            OnDemandPrice p = new OnDemandPrice(f[0], interned.computeIfAbsent(f[1], k -> k), new BigDecimal(f[2]),
                    interned.computeIfAbsent(f[3], k -> k), interned.computeIfAbsent(f[4], k -> k));
            if (prices.put(key(p.instanceType(), p.region()), p) != null) {
                throw new IllegalStateException(RESOURCE + ": duplicate row for " + f[0] + " in " + f[1]);
            }
        });
        return new OnDemandPriceTable(prices);
    }

    /** A table of the given prices only (tests, custom data). */
    public static OnDemandPriceTable of(Iterable<OnDemandPrice> prices) {
        Map<String, OnDemandPrice> map = new HashMap<>();
        for (OnDemandPrice p : prices) {
            if (map.put(key(p.instanceType(), p.region()), p) != null) {
                throw new IllegalArgumentException("duplicate price for " + p.instanceType() + " in " + p.region());
            }
        }
        return new OnDemandPriceTable(map);
    }

    public Optional<OnDemandPrice> find(String instanceType, String region) {
        return Optional.ofNullable(byTypeAndRegion.get(key(instanceType, region)));
    }

    public SortedSet<String> regions() {
        return regions;
    }

    public int size() {
        return byTypeAndRegion.size();
    }

    private static String key(String instanceType, String region) {
        return instanceType + '|' + region;
    }
}
