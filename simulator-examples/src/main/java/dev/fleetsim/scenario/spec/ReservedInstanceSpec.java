package dev.fleetsim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.RiScope;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import java.math.BigDecimal;

/**
 * Reserved Instances bought before the scenario starts and active throughout (aws-rules.md item 2). The enums
 * are billing's own (dev.fleetsim.commitment), spelt by their keys.
 *
 * @param id default ri-N (N = position, from 1), as the report's commitments name it
 * @param count default 1
 * @param scope default region (size-flexible for Linux shared tenancy)
 * @param zone required when scope is zone
 * @param offeringClass YAML key {@code class}; default standard
 * @param term default 1y
 * @param payment default no-upfront
 * @param os default linux
 * @param tenancy default shared
 * @param upfront optional: the offering's real upfront fee in USD (with {@code hourly}, instead of the price
 *     book's default rates; aws-rules.md E2)
 * @param hourly optional: the offering's real recurring fee in USD per hour
 */
public record ReservedInstanceSpec(String id, String type, Integer count, RiScope scope, String zone,
        @JsonProperty("class") OfferingClass offeringClass, Term term, PaymentOption payment, OperatingSystem os,
        Tenancy tenancy, BigDecimal upfront, BigDecimal hourly) {

    public ReservedInstanceSpec {
        count = Specs.or(count, 1);
        scope = Specs.or(scope, RiScope.REGION);
        offeringClass = Specs.or(offeringClass, OfferingClass.STANDARD);
        term = Specs.or(term, Term.ONE_YEAR);
        payment = Specs.or(payment, PaymentOption.NO_UPFRONT);
        os = Specs.or(os, OperatingSystem.LINUX);
        tenancy = Specs.or(tenancy, Tenancy.SHARED);
    }
}
