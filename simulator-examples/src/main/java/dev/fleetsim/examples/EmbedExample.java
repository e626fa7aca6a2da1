package dev.fleetsim.examples;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.RiScope;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.report.Bill;
import dev.fleetsim.report.Money;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioValidator;
import dev.fleetsim.scenario.spec.Ec2Spec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.PricingSpec;
import dev.fleetsim.scenario.spec.RateMatchSpec;
import dev.fleetsim.scenario.spec.RateSpec;
import dev.fleetsim.scenario.spec.ReservedInstanceSpec;
import dev.fleetsim.scenario.spec.RunSpec;
import dev.fleetsim.scenario.spec.SavingsPlanSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.SpotSpec;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Embedding fleetsim without YAML: a scenario built from the spec records, checked by {@link ScenarioValidator},
 * run by {@link EngineScenarioRunner}, its bill printed. Run it with
 * {@code java -cp simulator-examples/target/fleetsim.jar dev.fleetsim.examples.EmbedExample}.
 *
 * <p>The fleet: four m5.large On-Demand all day, covered by one regional RI and a Compute Savings Plan, and a Spot
 * m5.large for six hours. Rates are fixed in the scenario (pricing.rates) so that the bill is easy to check.
 */
public final class EmbedExample {

    private EmbedExample() {
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(System.out, System.err));
    }

    /** Builds, validates, runs and prints; returns the exit status (2 when the scenario is invalid). */
    static int run(PrintStream out, PrintStream err) throws Exception {
        InstanceCatalog catalog = InstanceCatalog.loadDefault();
        Scenario scenario;
        try {
            scenario = new ScenarioValidator(catalog).requireValid(spec(), null, Path.of("."));
        } catch (InvalidScenarioException e) {
            for (Issue issue : e.issues()) {
                err.println(issue.format());
            }
            return 2;
        }
        RunResult result = new EngineScenarioRunner(catalog, PriceBook.loadDefault())
                .run(scenario, RunOptions.single());
        Bill bill = result.report().bill();
        out.println(scenario.name() + ": total " + Money.format(bill.total()) + " " + bill.currency()
                + " (unblended " + Money.format(bill.unblendedTotal()) + ")");
        for (Map.Entry<String, BigDecimal> e : bill.byPricingModel().entrySet()) {
            out.printf("  %-13s %8s%n", e.getKey(), Money.format(e.getValue()));
        }
        return 0;
    }

    /** The scenario, as records: what a scenario file would hold. Unset keys (null) take their defaults. */
    static ScenarioSpec spec() {
        InstanceSpec steady = new InstanceSpec("web", "m5.large", 4, OperatingSystem.LINUX, Tenancy.SHARED,
                "us-east-1a", Market.ON_DEMAND, List.of(), null);
        InstanceSpec batch = new InstanceSpec("batch", "m5.large", 1, OperatingSystem.LINUX, Tenancy.SHARED,
                "us-east-1a", Market.SPOT, List.of(new RunSpec(Duration.ofHours(6), Duration.ofHours(12))), null);
        RateSpec rates = new RateSpec(new RateMatchSpec(null, "m5.large", null, null, null, null),
                new BigDecimal("0.10"), new BigDecimal("0.06"), null, new BigDecimal("0.07"), new BigDecimal("0.04"));
        ReservedInstanceSpec ri = new ReservedInstanceSpec(null, "m5.large", 1, RiScope.REGION, null,
                OfferingClass.STANDARD, Term.ONE_YEAR, PaymentOption.NO_UPFRONT, null, null, null, null);
        SavingsPlanSpec sp = new SavingsPlanSpec(null, SavingsPlanKind.COMPUTE, null, new BigDecimal("0.120"),
                Term.ONE_YEAR, PaymentOption.NO_UPFRONT);
        PricingSpec pricing = new PricingSpec(List.of(rates), List.of(ri), List.of(sp),
                new SpotSpec(null, SpotSpec.Interruptions.NONE));
        return new ScenarioSpec("embedded-example", 1L, Instant.parse("2026-01-05T00:00:00Z"), Duration.ofDays(1),
                "us-east-1", null, null, new Ec2Spec(List.of(steady, batch), null), null, null, pricing, null, null,
                null, null);
    }
}
