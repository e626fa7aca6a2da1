package dev.fleetsim.host;

/** How capacity is bought at launch time; commitments (RI, SP) are applied later, by billing. */
public enum Market {
    ON_DEMAND("on-demand"), SPOT("spot");

    private final String key;

    Market(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
