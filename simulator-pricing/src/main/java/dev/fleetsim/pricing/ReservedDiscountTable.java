package dev.fleetsim.pricing;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.Term;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * RI discount percentages (effective rate, upfront amortized, vs On-Demand) by class, term and payment, from the
 * x2iedn.32xlarge sample in 25 regions ({@code ri-discounts.csv}). SPEC section 4: the default RI rate of any type is
 * On-Demand x (1 - discount), with the region's row, or us-east-1's when the region has none.
 */
public final class ReservedDiscountTable {

    /** The row used for regions the sample does not cover. */
    public static final String FALLBACK_REGION = "us-east-1";

    private static final String[] HEADER = {"region", "class", "term", "payment", "discount_pct",
        "sample_ondemand_usd_per_hour", "sample_effective_usd_per_hour", "as_of", "source"};

    private final Map<String, BigDecimal> discounts;

    private ReservedDiscountTable(Map<String, BigDecimal> discounts) {
        this.discounts = discounts;
    }

    public static ReservedDiscountTable loadDefault() {
        Map<String, BigDecimal> discounts = new HashMap<>();
        PriceCsv.read("ri-discounts.csv", HEADER, f -> {
            OfferingClass c = OfferingClass.fromKey(f[1]);
            Term t = Term.fromKey(f[2]);
            PaymentOption p = PaymentOption.fromKey(f[3] + "-upfront");
            discounts.put(key(f[0], c, t, p), new BigDecimal(f[4]));
        });
        for (OfferingClass c : OfferingClass.values()) {
            for (Term t : Term.values()) {
                for (PaymentOption p : PaymentOption.values()) {
                    if (!discounts.containsKey(key(FALLBACK_REGION, c, t, p))) {
                        throw new IllegalStateException("ri-discounts.csv: no us-east-1 row for " + c + " " + t + " " + p);
                    }
                }
            }
        }
        return new ReservedDiscountTable(discounts);
    }

    /** Discount in percent, e.g. 38.47 for a 1-year standard No Upfront RI in us-east-1. */
    public BigDecimal discountPct(String region, OfferingClass offeringClass, Term term, PaymentOption payment) {
        BigDecimal d = discounts.get(key(region, offeringClass, term, payment));
        return d != null ? d : discounts.get(key(FALLBACK_REGION, offeringClass, term, payment));
    }

    public boolean hasRegion(String region) {
        return discounts.containsKey(key(region, OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT));
    }

    private static String key(String region, OfferingClass c, Term t, PaymentOption p) {
        return region + '|' + c + '|' + t + '|' + p;
    }
}
