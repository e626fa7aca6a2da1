package dev.fleetsim.spot;

import dev.fleetsim.host.OperatingSystem;

/**
 * The Spot pool platform of an operating system: Windows has its own pools; RHEL, SUSE and Ubuntu run in the Linux
 * pools (the Spot Advisor feed, like {@link dev.fleetsim.pricing.SpotAdvisorTable}, has only the two).
 */
final class Platforms {

    static final String LINUX = "linux";
    static final String WINDOWS = "windows";

    private Platforms() {
    }

    static String of(OperatingSystem os) {
        return os == OperatingSystem.WINDOWS ? WINDOWS : LINUX;
    }

    /**
     * The platform of a DescribeSpotPriceHistory {@code product_description}: "Linux/UNIX" (and "Linux/UNIX (Amazon
     * VPC)") is Linux, "Windows" (and its VPC form) is Windows; other descriptions (SUSE, Red Hat) have their own
     * price series, which fleetsim does not replay, so they give null.
     */
    static String ofProductDescription(String description) {
        String d = description.endsWith(" (Amazon VPC)")
                ? description.substring(0, description.length() - " (Amazon VPC)".length()) : description;
        return switch (d) {
            case "Linux/UNIX" -> LINUX;
            case "Windows" -> WINDOWS;
            default -> null;
        };
    }
}
