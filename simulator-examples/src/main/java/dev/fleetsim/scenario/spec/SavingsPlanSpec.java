package dev.fleetsim.scenario.spec;

import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.commitment.Term;
import java.math.BigDecimal;

/**
 * A Savings Plan (aws-rules.md item 3): an hourly commitment in USD at Savings Plan rates.
 *
 * @param id default sp-N (N = position, from 1)
 * @param family required for ec2-instance plans (e.g. r5), which cover that family in the scenario's region
 * @param commitment USD per hour, required, at least 0.001
 * @param term default 1y
 * @param payment default no-upfront
 */
public record SavingsPlanSpec(String id, SavingsPlanKind kind, String family, BigDecimal commitment, Term term,
        PaymentOption payment) {

    public SavingsPlanSpec {
        term = Specs.or(term, Term.ONE_YEAR);
        payment = Specs.or(payment, PaymentOption.NO_UPFRONT);
    }
}
