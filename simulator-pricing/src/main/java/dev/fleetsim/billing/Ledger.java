package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the hourly loop produced, still as integers: per line and day the On-Demand and Spot milliseconds (and the
 * exact Spot cost, since the Spot price may change by the hour), per commitment and day the active milliseconds and
 * the covered milliseconds per eligible line. The bill turns it into money.
 */
final class Ledger {

    final LineCatalog catalog;
    final List<RiState> ris;
    final List<SpState> sps;
    final LocalDate firstDay;
    final int days;
    final long[][] onDemandMs;
    final long[][] spotMs;
    /** Spot cost in dollar-milliseconds per hour (rate x ms), exact; null entries mean zero. */
    final BigDecimal[][] spotUsdMs;
    /** Active ms of every commitment per day (all commitments start with the scenario; terms differ). */
    final long[][] riActiveMs;
    final long[][] spActiveMs;

    Ledger(LineCatalog catalog, List<RiState> ris, List<SpState> sps, LocalDate firstDay, int days) {
        this.catalog = catalog;
        this.ris = ris;
        this.sps = sps;
        this.firstDay = firstDay;
        this.days = days;
        int n = catalog.lines.size();
        this.onDemandMs = new long[n][days];
        this.spotMs = new long[n][days];
        this.spotUsdMs = new BigDecimal[n][days];
        this.riActiveMs = new long[ris.size()][days];
        this.spActiveMs = new long[sps.size()][days];
    }
}
