package dev.fleetsim.pricing;

import dev.fleetsim.host.OperatingSystem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Spot Advisor savings and interruption buckets per (region, platform, type), from {@code spot-advisor.csv}. */
public final class SpotAdvisorTable {

    private static final String[] HEADER = {"region", "os", "type", "savings_pct", "bucket"};
    private static final String[] BUCKET_HEADER = {"bucket", "label", "max_pct_per_month"};

    private final Map<String, SpotAdvisorEntry> entries;
    private final List<SpotAdvisorBucket> buckets;

    private SpotAdvisorTable(Map<String, SpotAdvisorEntry> entries, List<SpotAdvisorBucket> buckets) {
        this.entries = entries;
        this.buckets = List.copyOf(buckets);
    }

    public static SpotAdvisorTable loadDefault() {
        Map<String, SpotAdvisorEntry> entries = new HashMap<>(65_536);
        Map<String, String> interned = new HashMap<>();
        Map<String, BigDecimal> percents = new HashMap<>();
        PriceCsv.read("spot-advisor.csv", HEADER, f -> {
            SpotAdvisorEntry e = new SpotAdvisorEntry(interned.computeIfAbsent(f[0], k -> k),
                    interned.computeIfAbsent(f[1], k -> k), f[2], percents.computeIfAbsent(f[3], BigDecimal::new),
                    Integer.parseInt(f[4]));
            if (entries.put(key(e.region(), e.platform(), e.instanceType()), e) != null) {
                throw new IllegalStateException("spot-advisor.csv: duplicate row " + String.join(",", f));
            }
        });
        List<SpotAdvisorBucket> buckets = new ArrayList<>();
        PriceCsv.read("spot-advisor-buckets.csv", BUCKET_HEADER, f -> buckets.add(
                new SpotAdvisorBucket(Integer.parseInt(f[0]), f[1], Integer.parseInt(f[2]))));
        for (int i = 0; i < buckets.size(); i++) {
            if (buckets.get(i).index() != i) {
                throw new IllegalStateException("spot-advisor-buckets.csv: buckets out of order");
            }
        }
        return new SpotAdvisorTable(entries, buckets);
    }

    /** A table of the given rows only (tests, custom data); buckets as in the bundled feed. */
    public static SpotAdvisorTable of(Iterable<SpotAdvisorEntry> rows) {
        Map<String, SpotAdvisorEntry> entries = new HashMap<>();
        for (SpotAdvisorEntry e : rows) {
            entries.put(key(e.region(), e.platform(), e.instanceType()), e);
        }
        return new SpotAdvisorTable(entries, loadDefault().buckets);
    }

    /**
     * The advisor row for an instance. The feed has Linux and Windows only; RHEL, SUSE and Ubuntu use the Linux row
     * (they run on the same Spot capacity pools).
     */
    public Optional<SpotAdvisorEntry> find(String region, OperatingSystem os, String instanceType) {
        return Optional.ofNullable(entries.get(key(region, platform(os), instanceType)));
    }

    public List<SpotAdvisorBucket> buckets() {
        return buckets;
    }

    public int size() {
        return entries.size();
    }

    static String platform(OperatingSystem os) {
        return os == OperatingSystem.WINDOWS ? "windows" : "linux";
    }

    private static String key(String region, String platform, String instanceType) {
        return region + '|' + platform + '|' + instanceType;
    }
}
