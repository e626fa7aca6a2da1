package dev.fleetsim.billing;

import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.SavingsPlan;
import java.math.BigDecimal;

/** Sees every hourly commitment allocation as it happens (tests, audits). Called from the hot loop: keep it cheap. */
public interface AllocationObserver {

    /**
     * An RI covered {@code ms} of a line in clock-hour {@code hour}; it used {@code ms x lineWeight} of its
     * {@code ri.count() x 3,600,000 x riWeight} per hour (weights are normalization quarter units for
     * size-flexible RIs, 1 otherwise).
     */
    default void reservedInstanceCovered(int hour, String id, ReservedInstance ri, BillingLine line, long ms,
                                         int lineWeight, int riWeight) {
    }

    /** A Savings Plan covered {@code ms} of a line at {@code usdPerHour} (per key-hour) in clock-hour {@code hour}. */
    default void savingsPlanCovered(int hour, String id, SavingsPlan plan, BillingLine line, long ms,
                                    BigDecimal usdPerHour) {
    }
}
