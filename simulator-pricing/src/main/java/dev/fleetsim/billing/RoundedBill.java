package dev.fleetsim.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A {@link Bill} for the report (SPEC section 7): every amount in USD with two fraction digits. {@code total} and
 * {@code unblendedTotal} are the exact totals rounded HALF_UP; {@code byService}, {@code byPricingModel} and
 * {@code byDay} are rounded so that each sums exactly to {@code total}; {@code byInstanceType} sums to its own exact
 * sum rounded HALF_UP.
 */
public record RoundedBill(String currency, BigDecimal total, BigDecimal unblendedTotal,
                          Map<String, BigDecimal> byService, Map<String, BigDecimal> byPricingModel,
                          SortedMap<String, BigDecimal> byInstanceType, SortedMap<LocalDate, BigDecimal> byDay,
                          List<Commitment> commitments, double coverage) {

    /**
     * One entry of {@code commitments}: {@code kind} is {@code reserved-instance} or {@code savings-plan}.
     * {@code unused} is rounded HALF_UP on its own.
     */
    public record Commitment(String id, String kind, double utilization, BigDecimal unused) {
    }

    static RoundedBill of(Bill bill) {
        List<Commitment> commitments = new ArrayList<>();
        for (CommitmentSummary c : bill.commitments()) {
            commitments.add(new Commitment(c.id(), c.kind(), c.utilization(), c.unused().toUsd(2)));
        }
        return new RoundedBill(bill.currency(), bill.total().toUsd(2), bill.unblendedTotal().toUsd(2),
                CentAllocation.allocate(bill.byService()), CentAllocation.allocate(bill.byPricingModel()),
                sorted(CentAllocation.allocate(bill.byInstanceType())), sorted(CentAllocation.allocate(bill.byDay())),
                List.copyOf(commitments), bill.coverage().total());
    }

    private static <K extends Comparable<? super K>> SortedMap<K, BigDecimal> sorted(Map<K, BigDecimal> map) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(new LinkedHashMap<>(map)));
    }
}
