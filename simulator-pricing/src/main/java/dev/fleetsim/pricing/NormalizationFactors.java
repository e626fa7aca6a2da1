package dev.fleetsim.pricing;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;

/**
 * RI size-flexibility normalization factors (aws-rules.md item 2), held as integer quarter units so that nano (0.25)
 * is 1: nano 1, micro 2, small 4, medium 8, large 16, xlarge 32, then 32 per xlarge step ({@code 24xlarge} = 768,
 * i.e. factor 192). {@code metal} is the family's largest size, taken from a pluggable {@link MetalSizes} lookup
 * (pre-seeded with the values item 2 lists; the catalog can supply the rest). {@code metal-24xl} style sizes count
 * as the xlarge size they name. Anything else has no factor and is never size-flexible.
 */
public final class NormalizationFactors {

    /** The largest size of a family in quarter units, for {@code .metal}; empty if unknown. */
    @FunctionalInterface
    public interface MetalSizes {
        OptionalInt metalQuarterUnits(String family);
    }

    /** Families without size flexibility even for regional Linux shared RIs (aws-rules.md item 2). */
    private static final Set<String> NOT_FLEXIBLE = Set.of("g4ad", "g4dn", "g5", "g5g", "inf1");

    /** aws-rules.md item 2, "metal = the family's largest size", as factors. */
    private static final Map<String, Integer> LISTED_METAL_FACTORS = Map.ofEntries(
            Map.entry("a1", 32),
            Map.entry("m5zn", 96), Map.entry("z1d", 96),
            Map.entry("c6g", 128), Map.entry("c6gd", 128), Map.entry("i3", 128), Map.entry("m6g", 128),
            Map.entry("m6gd", 128), Map.entry("r6g", 128), Map.entry("r6gd", 128), Map.entry("x2gd", 128),
            Map.entry("c5n", 144),
            Map.entry("c5", 192), Map.entry("c5d", 192), Map.entry("i3en", 192), Map.entry("m5", 192),
            Map.entry("m5d", 192), Map.entry("m5dn", 192), Map.entry("m5n", 192), Map.entry("r5", 192),
            Map.entry("r5b", 192), Map.entry("r5d", 192), Map.entry("r5dn", 192), Map.entry("r5n", 192));

    private static final int U_FAMILY_METAL_FACTOR = 896;

    private final MetalSizes metalSizes;

    public NormalizationFactors(MetalSizes metalSizes) {
        this.metalSizes = Objects.requireNonNull(metalSizes, "metalSizes");
    }

    /** Factors with the metal sizes listed in aws-rules.md item 2 only. */
    public static NormalizationFactors defaults() {
        return new NormalizationFactors(NormalizationFactors::listedMetalQuarterUnits);
    }

    /** These factors, with {@code more} consulted for metal sizes the current lookup does not know. */
    public NormalizationFactors withMetalSizes(MetalSizes more) {
        Objects.requireNonNull(more, "more");
        MetalSizes first = metalSizes;
        return new NormalizationFactors(family -> {
            OptionalInt known = first.metalQuarterUnits(family);
            return known.isPresent() ? known : more.metalQuarterUnits(family);
        });
    }

    /** The factor in quarter units (4 x the AWS factor), or empty when the size has none. */
    public OptionalInt quarterUnits(String instanceType) {
        int dot = instanceType.indexOf('.');
        if (dot <= 0 || dot == instanceType.length() - 1) {
            return OptionalInt.empty();
        }
        String size = instanceType.substring(dot + 1);
        switch (size) {
            case "nano": return OptionalInt.of(1);
            case "micro": return OptionalInt.of(2);
            case "small": return OptionalInt.of(4);
            case "medium": return OptionalInt.of(8);
            case "large": return OptionalInt.of(16);
            case "xlarge": return OptionalInt.of(32);
            case "metal": return metalSizes.metalQuarterUnits(instanceType.substring(0, dot));
            default: break;
        }
        if (size.endsWith("xlarge")) {
            return xlargeSteps(size.substring(0, size.length() - "xlarge".length()));
        }
        if (size.startsWith("metal-") && size.endsWith("xl")) {
            return xlargeSteps(size.substring("metal-".length(), size.length() - 2));
        }
        return OptionalInt.empty();
    }

    /** The AWS factor (e.g. 0.25, 4, 192), or empty. */
    public java.util.Optional<BigDecimal> factor(String instanceType) {
        OptionalInt q = quarterUnits(instanceType);
        return q.isPresent()
                ? java.util.Optional.of(BigDecimal.valueOf(q.getAsInt()).divide(BigDecimal.valueOf(4)))
                : java.util.Optional.empty();
    }

    /** Whether regional RIs of this family may be size-flexible at all (aws-rules.md item 2 exclusions). */
    public static boolean familyAllowsFlexibility(String family) {
        return !NOT_FLEXIBLE.contains(family);
    }

    /** {@code m5.large -> m5}; the family includes the generation and attributes, as AWS's flexibility rule wants. */
    public static String familyOf(String instanceType) {
        int dot = instanceType.indexOf('.');
        return dot < 0 ? instanceType : instanceType.substring(0, dot);
    }

    static OptionalInt listedMetalQuarterUnits(String family) {
        if (family.startsWith("u-")) {
            return OptionalInt.of(U_FAMILY_METAL_FACTOR * 4);
        }
        Integer factor = LISTED_METAL_FACTORS.get(family);
        return factor == null ? OptionalInt.empty() : OptionalInt.of(factor * 4);
    }

    private static OptionalInt xlargeSteps(String digits) {
        if (digits.isEmpty() || digits.length() > 4) {
            return OptionalInt.empty();
        }
        for (int i = 0; i < digits.length(); i++) {
            if (!Character.isDigit(digits.charAt(i))) {
                return OptionalInt.empty();
            }
        }
        int n = Integer.parseInt(digits);
        return n == 0 ? OptionalInt.empty() : OptionalInt.of(32 * n);
    }
}
