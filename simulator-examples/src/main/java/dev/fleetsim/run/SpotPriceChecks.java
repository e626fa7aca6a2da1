package dev.fleetsim.run;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.SpotSpec;
import java.util.List;

/**
 * What Spot capacity needs before a run starts (aws-rules.md item 4): a Spot price (the Spot Advisor's savings, or a
 * fixed {@code pricing.rates} spot rate) and, under the interruption hazard, the Advisor's frequency bucket. Types
 * newer than the shipped Advisor data have neither; without these checks they would fail mid-run. One place for
 * fixed instances, Auto Scaling groups, capacity providers and node pools.
 */
final class SpotPriceChecks {

    private static final String HAZARD_HINT = "set pricing.spot.interruptions: none (forced spot-interruption faults"
            + " still apply), or pick a type the Advisor covers";

    private SpotPriceChecks() {
    }

    /** One Spot instance type: it needs a price, and an Advisor row under the hazard. */
    static void instance(List<Issue> issues, String path, String type, OperatingSystem os, Tenancy tenancy,
            ScenarioSpec spec, PriceBook book) {
        if (book.spotAdvisor(type, spec.region(), os).isPresent()) {
            return;
        }
        String noRow = type + " (" + os.key() + ") has no Spot Advisor row in " + spec.region();
        if (book.fixedSpotUsdPerHour(type, os, tenancy).isEmpty()) {
            issues.add(new Issue(path, noRow + ", so no Spot price", "add a pricing.rates entry with match {type: "
                    + type + ", os: " + os.key() + ", tenancy: " + tenancy.key() + "} and a spot rate, or pick a type"
                    + " the Advisor covers"));
        }
        if (hazard(spec)) {
            issues.add(new Issue(path, noRow + ", so no interruption frequency for the hazard", HAZARD_HINT));
        }
    }

    /**
     * A Spot pool of several types launches only types with a Spot price, so at least one needs one; under the hazard a
     * type priced only by a fixed rate has no frequency bucket to draw from.
     */
    static void pool(List<Issue> issues, String path, List<String> types, OperatingSystem os, Tenancy tenancy,
            ScenarioSpec spec, PriceBook book) {
        boolean anyPriced = false;
        for (String type : types) {
            boolean advisor = book.spotAdvisor(type, spec.region(), os).isPresent();
            boolean fixed = book.fixedSpotUsdPerHour(type, os, tenancy).isPresent();
            anyPriced |= advisor || fixed;
            if (!advisor && fixed && hazard(spec)) {
                issues.add(new Issue(path, type + " (" + os.key() + ") has no Spot Advisor row in " + spec.region()
                        + ", so no interruption frequency for the hazard", HAZARD_HINT));
            }
        }
        if (!anyPriced) {
            issues.add(new Issue(path, "none of " + types + " has a Spot price in " + spec.region()
                    + " (no Spot Advisor entry, no fixed rate): the Spot group could launch nothing",
                    "add a pricing.rates entry with match {type: " + types.get(0) + ", os: " + os.key() + ", tenancy: "
                            + tenancy.key() + "} and a spot rate"));
        }
    }

    private static boolean hazard(ScenarioSpec spec) {
        return spec.pricing().spot().interruptions() == SpotSpec.Interruptions.HAZARD;
    }
}
