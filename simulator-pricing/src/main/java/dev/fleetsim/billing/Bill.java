package dev.fleetsim.billing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The priced result (SPEC section 7 {@code bill}), exact. {@link #total()} is amortized (upfront fees spread over the
 * term), {@link #unblendedTotal()} is cash when charged. {@link #byService()} and {@link #byPricingModel()} each sum
 * exactly to {@link #total()}; so does {@link #byDay()}, and the line items sum to both totals. For the report use
 * {@link #rounded()}: cents, with every map still summing exactly to its total.
 */
public final class Bill {

    public static final String CURRENCY = "USD";

    private final Ledger ledger;
    private final Instant start;
    private final long horizonMs;
    private final int hours;
    private final Money total;
    private final Money unblendedTotal;
    private final Map<String, Money> byService;
    private final Map<String, Money> byPricingModel;
    private final SortedMap<String, Money> byInstanceType;
    private final SortedMap<LocalDate, Money> byDay;
    private final List<CommitmentSummary> commitments;
    private final Coverage coverage;

    Bill(Ledger ledger, Instant start, long horizonMs, int hours, Money total, Money unblendedTotal,
         Map<String, Money> byService, Map<String, Money> byPricingModel, SortedMap<String, Money> byInstanceType,
         SortedMap<LocalDate, Money> byDay, List<CommitmentSummary> commitments, Coverage coverage) {
        this.ledger = ledger;
        this.start = start;
        this.horizonMs = horizonMs;
        this.hours = hours;
        this.total = total;
        this.unblendedTotal = unblendedTotal;
        this.byService = Collections.unmodifiableMap(byService);
        this.byPricingModel = Collections.unmodifiableMap(byPricingModel);
        this.byInstanceType = Collections.unmodifiableSortedMap(byInstanceType);
        this.byDay = Collections.unmodifiableSortedMap(byDay);
        this.commitments = List.copyOf(commitments);
        this.coverage = coverage;
    }

    public String currency() {
        return CURRENCY;
    }

    /** Amortized total: usage at On-Demand and Spot rates plus every commitment's amortized fee. */
    public Money total() {
        return total;
    }

    /** Cash: usage plus commitments' hourly fees plus their whole upfront payments. */
    public Money unblendedTotal() {
        return unblendedTotal;
    }

    /** {@code ec2, fargate, eks, unused-commitment} in that order; covered usage at the commitment's rate. */
    public Map<String, Money> byService() {
        return byService;
    }

    /** {@code on-demand, spot, reserved, savings-plan} in that order; a commitment's whole fee under its model. */
    public Map<String, Money> byPricingModel() {
        return byPricingModel;
    }

    /** EC2 cost per instance type (covered usage at the commitment's rate), sorted by type. */
    public SortedMap<String, Money> byInstanceType() {
        return byInstanceType;
    }

    /** Amortized cost per UTC day; sums to {@link #total()}. */
    public SortedMap<LocalDate, Money> byDay() {
        return byDay;
    }

    /** RIs ({@code ri-1, ...}) then Savings Plans ({@code sp-1, ...}), in registration order. */
    public List<CommitmentSummary> commitments() {
        return commitments;
    }

    public Coverage coverage() {
        return coverage;
    }

    /** The priced lines, sorted (service, family, size, zone, platform). */
    public List<BillingLine> lines() {
        return ledger.catalog.lines;
    }

    public Instant start() {
        return start;
    }

    public long horizonMs() {
        return horizonMs;
    }

    /** Clock-hours billed. */
    public int hours() {
        return hours;
    }

    /**
     * Daily line items, generated on demand in a fixed order: by day; within a day On-Demand and Spot usage per
     * line, RI-covered usage, Savings-Plan-covered usage, then fees per commitment.
     */
    public Iterable<LineItem> lineItems() {
        return () -> new LineItemIterator(ledger);
    }

    /** The report view: amounts in cents, maps adjusted so they sum exactly to the rounded totals. */
    public RoundedBill rounded() {
        return RoundedBill.of(this);
    }
}
