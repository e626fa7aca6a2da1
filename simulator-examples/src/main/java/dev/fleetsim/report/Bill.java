package dev.fleetsim.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The bill of a run (SPEC section 7). Keys keep the order given (the runner decides it, deterministically).
 *
 * @param total amortized: upfront fees spread over the term
 * @param unblendedTotal cash as charged
 * @param byService e.g. ec2, fargate, eks, unused-commitment; sums to total
 * @param byPricingModel on-demand, spot, reserved, savings-plan; sums to total
 */
public record Bill(String currency, BigDecimal total, BigDecimal unblendedTotal, Map<String, BigDecimal> byService,
        Map<String, BigDecimal> byPricingModel, List<CommitmentReport> commitments) {

    public Bill {
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(total, "total");
        Objects.requireNonNull(unblendedTotal, "unblendedTotal");
        byService = copy(byService, "byService");
        byPricingModel = copy(byPricingModel, "byPricingModel");
        commitments = Collections.unmodifiableList(new ArrayList<>(Objects.requireNonNull(commitments)));
        // SPEC section 7: both breakdowns always sum to the total.
        requireSum("byService", byService, total);
        requireSum("byPricingModel", byPricingModel, total);
    }

    private static Map<String, BigDecimal> copy(Map<String, BigDecimal> map, String name) {
        Objects.requireNonNull(map, name);
        Map<String, BigDecimal> copy = new LinkedHashMap<>();
        for (Map.Entry<String, BigDecimal> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey()), Objects.requireNonNull(e.getValue(), name + " value"));
        }
        return Collections.unmodifiableMap(copy);
    }

    private static void requireSum(String name, Map<String, BigDecimal> parts, BigDecimal total) {
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal v : parts.values()) {
            sum = sum.add(v);
        }
        if (sum.compareTo(total) != 0) {
            throw new IllegalArgumentException(name + " sums to " + sum.toPlainString() + ", not the total "
                    + total.toPlainString());
        }
    }
}
