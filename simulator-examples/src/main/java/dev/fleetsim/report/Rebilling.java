package dev.fleetsim.report;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.BillingEngine;
import dev.fleetsim.billing.CommitmentSummary;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.pricing.FargateArch;
import dev.fleetsim.pricing.FargateMatch;
import dev.fleetsim.pricing.InstanceMatch;
import dev.fleetsim.pricing.NormalizationFactors;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.RateMatch;
import dev.fleetsim.pricing.RateOverride;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.spec.RateMatchSpec;
import dev.fleetsim.scenario.spec.RateSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Finds a run's {@link HourlyCosts} by billing its meter a second time with an hourly coverage observer: the
 * run's bill keeps coverage per day only. The second billing uses the bill's own commitment objects and the
 * scenario's rate overrides; {@link HourlyCosts#of} then checks that the hours add up exactly to the run's bill
 * and yields nothing otherwise (for instance once the runner prices Spot from a market model this class does not
 * know), so the split is either exact or absent.
 *
 * <p>Interim: when the runner hands an {@link dev.fleetsim.billing.AllocationObserver} to its own billing engine,
 * this second pass goes away.
 */
public final class Rebilling {

    private Rebilling() {
    }

    public static Optional<HourlyCosts> hourlyCosts(Scenario scenario, RunResult result, PriceBook defaults,
            InstanceCatalog catalog) {
        ScenarioSpec spec = scenario.spec();
        Bill bill = result.bill();
        PriceBook book = defaults.withOverrides(overrides(spec));
        HourlyCoverage coverage = new HourlyCoverage(bill.lines().size(), bill.hours());
        BillingEngine.Builder builder = BillingEngine.builder(book)
                .region(spec.region())
                .start(spec.start())
                .horizon(spec.horizon())
                .normalization(NormalizationFactors.defaults().withMetalSizes(f -> largestSize(catalog, f)))
                .observer(coverage);
        // Bill.commitments() lists ri-1, ri-2, ... then sp-1, ...: adding them in that order keeps every id.
        for (CommitmentSummary c : bill.commitments()) {
            if (c.commitment() instanceof ReservedInstance ri) {
                builder.add(ri);
            } else {
                builder.add((SavingsPlan) c.commitment());
            }
        }
        Bill again;
        try {
            again = builder.build().bill(result.usage());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        if (!again.total().equals(bill.total()) || again.lines().size() != bill.lines().size()) {
            return Optional.empty();
        }
        return HourlyCosts.of(bill, result.usage(), coverage, SpotRates.fromPriceBook(book));
    }

    /** The scenario's {@code pricing.rates} in billing's terms (SPEC section 5). */
    static List<RateOverride> overrides(ScenarioSpec spec) {
        List<RateOverride> list = new ArrayList<>();
        for (RateSpec r : spec.pricing().rates()) {
            RateMatchSpec m = r.match();
            RateMatch match = m.service() == RateMatchSpec.RateService.FARGATE
                    ? new FargateMatch(FargateArch.of(m.arch() == Architecture.ARM64), m.unit(), m.os())
                    : new InstanceMatch(m.type(), m.os(), m.tenancy());
            list.add(new RateOverride(match, r.onDemand(), r.computeSavingsPlan(), r.ec2InstanceSavingsPlan(),
                    r.reserved(), r.spot()));
        }
        return list;
    }

    /** aws-rules.md item 2: metal counts as the family's largest size, in quarter units of normalization. */
    private static OptionalInt largestSize(InstanceCatalog catalog, String family) {
        NormalizationFactors listed = NormalizationFactors.defaults();
        int best = -1;
        for (InstanceType t : catalog.family(family)) {
            if (!t.bareMetal()) {
                OptionalInt q = listed.quarterUnits(t.name());
                if (q.isPresent() && q.getAsInt() > best) {
                    best = q.getAsInt();
                }
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }
}
