package dev.fleetsim.pricing;

/** Region names from availability-zone names. */
public final class Regions {

    private Regions() {
    }

    /**
     * {@code us-east-1a -> us-east-1}; Local Zones too: {@code us-east-1-atl-1a -> us-east-1-atl-1}, the key the
     * price tables use for them. A name without a trailing zone letter is returned as is.
     */
    public static String ofZone(String zone) {
        int n = zone.length();
        if (n > 1 && Character.isLetter(zone.charAt(n - 1)) && Character.isDigit(zone.charAt(n - 2))) {
            return zone.substring(0, n - 1);
        }
        return zone;
    }
}
