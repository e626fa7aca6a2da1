package dev.fleetsim.run;

import dev.fleetsim.billing.AllocationObserver;
import dev.fleetsim.billing.BillingEngine;
import dev.fleetsim.billing.SpotRates;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.RiScope;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.commitment.SavingsPlanKind;
import dev.fleetsim.host.Market;
import dev.fleetsim.pricing.FargateArch;
import dev.fleetsim.pricing.FargateMatch;
import dev.fleetsim.pricing.InstanceMatch;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.NormalizationFactors;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.pricing.RateMatch;
import dev.fleetsim.pricing.RateOverride;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.GroupSpec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.RateMatchSpec;
import dev.fleetsim.scenario.spec.RateSpec;
import dev.fleetsim.scenario.spec.ReservedInstanceSpec;
import dev.fleetsim.scenario.spec.SavingsPlanSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns the {@code pricing} section into billing's objects: the price book with the scenario's rate
 * overrides, and a billing engine holding its Reserved Instances and Savings Plans. Rates that only the
 * scenario can supply (an OS or tenancy the price data lacks) are checked here, before anything runs, and
 * reported like any other scenario problem.
 */
final class PricingSetup {

    private final InstanceCatalog catalog;
    private final PriceBook defaults;

    PricingSetup(InstanceCatalog catalog, PriceBook defaults) {
        this.catalog = catalog;
        this.defaults = defaults;
    }

    /** The price book with the scenario's rate overrides. */
    PriceBook priceBook(ScenarioSpec spec) {
        return defaults.withOverrides(overrides(spec));
    }

    /**
     * Rates the run will need that neither the price data nor the scenario supplies, by scenario path: checked before
     * anything runs (EngineScenarioRunner.check, for validate and run), so a run never fails for them midway.
     */
    List<Issue> issues(ScenarioSpec spec, PriceBook book) {
        List<Issue> issues = new ArrayList<>();
        List<InstanceSpec> instances = spec.ec2().instances();
        for (int i = 0; i < instances.size(); i++) {
            InstanceSpec s = instances.get(i);
            try {
                book.onDemandUsdPerHour(s.type(), spec.region(), s.os(), s.tenancy());
            } catch (MissingRateException e) {
                issues.add(new Issue("ec2.instances[" + i + "]", e.getMessage(),
                        "add a pricing.rates entry with match {type: " + s.type() + ", os: " + s.os().key()
                                + ", tenancy: " + s.tenancy().key() + "} and an onDemand rate"));
            }
            if (s.market() == Market.SPOT) {
                SpotPriceChecks.instance(issues, "ec2.instances[" + i + "].type", s.type(), s.os(), s.tenancy(), spec,
                        book);
            }
        }
        List<GroupSpec> groups = spec.ec2().groups();
        for (int i = 0; i < groups.size(); i++) {
            groupSpotIssue(issues, "ec2.groups[" + i + "]", groups.get(i), spec, book);
        }
        issues.addAll(ContainerGaps.rateIssues(spec, book)); // container instances bill as EC2
        issues.addAll(FargateRateChecks.issues(spec, book));
        List<ReservedInstanceSpec> ris = spec.pricing().reservedInstances();
        for (int i = 0; i < ris.size(); i++) {
            ReservedInstance ri = reservedInstance(ris.get(i), spec.region());
            if (ri.upfrontUsd().isPresent()) {
                continue; // priced by the scenario
            }
            try {
                book.reservedUsdPerHour(ri.instanceType(), ri.region(), ri.os(), ri.tenancy(), ri.offeringClass(),
                        ri.term(), ri.payment());
            } catch (MissingRateException e) {
                issues.add(new Issue("pricing.reservedInstances[" + i + "]", e.getMessage(),
                        "add a pricing.rates entry for " + e.match() + " with a reserved rate, or give the RI its"
                                + " upfront and hourly prices"));
            }
        }
        return issues;
    }

    /** Call after {@link #issues} found none: a missing rate is then an internal error. */
    BillingEngine billingEngine(ScenarioSpec spec, PriceBook book, AllocationObserver observer, SpotRates spotRates) {
        BillingEngine.Builder builder = BillingEngine.builder(book)
                .region(spec.region())
                .start(spec.start())
                .horizon(spec.horizon())
                .normalization(NormalizationFactors.defaults().withMetalSizes(this::largestSizeQuarterUnits))
                .observer(observer)
                .spotRates(spotRates);
        for (ReservedInstanceSpec ri : spec.pricing().reservedInstances()) {
            builder.add(reservedInstance(ri, spec.region()));
        }
        for (SavingsPlanSpec sp : spec.pricing().savingsPlans()) {
            builder.add(savingsPlan(sp, spec.region()));
        }
        return builder.build();
    }

    /** A group that may launch Spot is a Spot pool over its types (SpotPriceChecks). */
    private static void groupSpotIssue(List<Issue> issues, String path, GroupSpec g, ScenarioSpec spec,
            PriceBook book) {
        if (g.mix().onDemandPercentAboveBase() < 100 && g.max() > g.mix().onDemandBase()) {
            SpotPriceChecks.pool(issues, path + ".instanceTypes", g.instanceTypes(), g.os(), g.tenancy(), spec, book);
        }
    }

    private static List<RateOverride> overrides(ScenarioSpec spec) {
        List<RateOverride> list = new ArrayList<>();
        for (RateSpec r : spec.pricing().rates()) {
            list.add(new RateOverride(match(r.match()), r.onDemand(), r.computeSavingsPlan(),
                    r.ec2InstanceSavingsPlan(), r.reserved(), r.spot()));
        }
        return list;
    }

    private static RateMatch match(RateMatchSpec m) {
        if (m.service() == RateMatchSpec.RateService.FARGATE) {
            FargateArch arch = FargateArch.of(m.arch() == Architecture.ARM64);
            return new FargateMatch(arch, m.unit(), m.os());
        }
        return new InstanceMatch(m.type(), m.os(), m.tenancy());
    }

    private static ReservedInstance reservedInstance(ReservedInstanceSpec s, String region) {
        ReservedInstance ri = s.scope() == RiScope.REGION
                ? ReservedInstance.regional(s.type(), s.count(), region, s.offeringClass(), s.term(), s.payment())
                : ReservedInstance.zonal(s.type(), s.count(), region, s.zone(), s.offeringClass(), s.term(),
                        s.payment());
        ri = ri.withPlatform(s.os(), s.tenancy());
        if (s.upfront() != null || s.hourly() != null) {
            // An offering's real prices (aws-rules.md E2: $60 upfront + $0.007/h); a missing half is zero.
            ri = ri.withPrices(s.upfront() == null ? BigDecimal.ZERO : s.upfront(),
                    s.hourly() == null ? BigDecimal.ZERO : s.hourly());
        }
        return ri;
    }

    private static SavingsPlan savingsPlan(SavingsPlanSpec s, String region) {
        return s.kind() == SavingsPlanKind.EC2_INSTANCE
                ? SavingsPlan.ec2Instance(s.family(), region, s.commitment(), s.term(), s.payment())
                : SavingsPlan.compute(region, s.commitment(), s.term(), s.payment());
    }

    /** aws-rules.md item 2: metal = the family's largest size, in quarter units of normalization. */
    private OptionalInt largestSizeQuarterUnits(String family) {
        List<InstanceType> members = catalog.family(family);
        NormalizationFactors listed = NormalizationFactors.defaults();
        int best = -1;
        for (InstanceType t : members) {
            if (t.bareMetal()) {
                continue;
            }
            OptionalInt q = listed.quarterUnits(t.name());
            if (q.isPresent() && q.getAsInt() > best) {
                best = q.getAsInt();
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

}
