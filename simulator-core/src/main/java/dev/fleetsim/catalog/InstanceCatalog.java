package dev.fleetsim.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The EC2 instance types a simulation can use, immutable. {@link #loadDefault()} reads the catalog
 * shipped in simulator-core (built from real AWS data by tools/import-catalog.py; provenance beside the
 * resource). Listings are in catalog order: by family name, then size (nano ... 224xlarge, then metal).
 */
public final class InstanceCatalog {
    private final List<InstanceType> all;
    private final List<String> names;
    private final Map<String, InstanceType> byName;
    private final Map<String, List<InstanceType>> byFamily;
    private final List<String> families;

    private InstanceCatalog(List<InstanceType> types) {
        List<InstanceType> sorted = new ArrayList<>(types);
        Collections.sort(sorted, SizeOrder.INSTANCE);
        Map<String, InstanceType> nameIndex = new HashMap<>(sorted.size() * 2);
        Map<String, List<InstanceType>> familyIndex = new LinkedHashMap<>();
        List<String> nameList = new ArrayList<>(sorted.size());
        for (InstanceType type : sorted) {
            if (nameIndex.put(type.name(), type) != null) {
                throw new IllegalArgumentException("instance type '" + type.name() + "' appears twice");
            }
            nameList.add(type.name());
            List<InstanceType> members = familyIndex.get(type.family());
            if (members == null) {
                members = new ArrayList<>();
                familyIndex.put(type.family(), members);
            }
            members.add(type);
        }
        for (Map.Entry<String, List<InstanceType>> e : familyIndex.entrySet()) {
            e.setValue(Collections.unmodifiableList(e.getValue()));
        }
        this.all = Collections.unmodifiableList(sorted);
        this.names = Collections.unmodifiableList(nameList);
        this.byName = nameIndex;
        this.byFamily = familyIndex;
        this.families = Collections.unmodifiableList(new ArrayList<>(familyIndex.keySet()));
    }

    /**
     * Parses the catalog resource shipped in simulator-core. Each call parses afresh (tens of
     * milliseconds); keep the returned instance rather than calling this per simulation step.
     */
    public static InstanceCatalog loadDefault() {
        return new InstanceCatalog(CatalogResource.load());
    }

    /** A catalog of the given types, e.g. the default one plus custom types; names must be unique. */
    public static InstanceCatalog of(Collection<InstanceType> types) {
        for (InstanceType type : types) {
            if (type == null) {
                throw new NullPointerException("null instance type");
            }
        }
        return new InstanceCatalog(new ArrayList<>(types));
    }

    /** Exact, case-sensitive lookup ("m5.large"). */
    public Optional<InstanceType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /**
     * The type called {@code name}.
     *
     * @throws IllegalArgumentException "unknown instance type 'm5.lrage'; did you mean m5.large?" naming up
     *     to three of the closest types (those at the smallest edit distance), or no suggestion if none is close
     */
    public InstanceType require(String name) {
        InstanceType type = byName.get(name);
        if (type != null) {
            return type;
        }
        List<DidYouMean.Match> matches = DidYouMean.rank(name, names, 3);
        StringBuilder message = new StringBuilder("unknown instance type '").append(name).append('\'');
        if (!matches.isEmpty()) {
            int best = matches.get(0).distance();
            List<String> suggestions = new ArrayList<>(3);
            for (DidYouMean.Match match : matches) {
                if (match.distance() == best) {
                    suggestions.add(match.name());
                }
            }
            message.append("; did you mean ").append(joinWithOr(suggestions)).append('?');
        }
        throw new IllegalArgumentException(message.toString());
    }

    /**
     * Known names most similar to {@code name}, best first, at most {@code limit}; empty if nothing is
     * within a few edits. "m5.lrage" gives m5.large first.
     */
    public List<String> closestNames(String name, int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be >= 0, got " + limit);
        }
        List<DidYouMean.Match> matches = DidYouMean.rank(name, names, limit);
        List<String> result = new ArrayList<>(matches.size());
        for (DidYouMean.Match match : matches) {
            result.add(match.name());
        }
        return Collections.unmodifiableList(result);
    }

    /** Every type, by family then size. */
    public List<InstanceType> all() {
        return all;
    }

    /** The family's types from smallest to largest (metal sizes last); empty if the family is unknown. */
    public List<InstanceType> family(String family) {
        List<InstanceType> members = byFamily.get(family);
        return members == null ? List.of() : members;
    }

    /** Family names in alphabetical order. */
    public List<String> families() {
        return families;
    }

    public int size() {
        return all.size();
    }

    private static String joinWithOr(List<String> items) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                sb.append(i == items.size() - 1 ? " or " : ", ");
            }
            sb.append(items.get(i));
        }
        return sb.toString();
    }
}
