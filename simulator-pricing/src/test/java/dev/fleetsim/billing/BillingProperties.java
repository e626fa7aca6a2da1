package dev.fleetsim.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.commitment.OfferingClass;
import dev.fleetsim.commitment.PaymentOption;
import dev.fleetsim.commitment.ReservedInstance;
import dev.fleetsim.commitment.SavingsPlan;
import dev.fleetsim.commitment.Term;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;
import dev.fleetsim.pricing.NormalizationFactors;
import dev.fleetsim.pricing.PriceBook;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the bill over random fleets and portfolios (aws-rules.md items 1-5, SPEC section 7). */
final class BillingProperties {

    private static final PriceBook BOOK = PriceBook.loadDefault();
    private static final long H = 3_600_000L;
    private static final long HORIZON = 5 * H;
    private static final String[] TYPES = {"t3.nano", "t3.micro", "t3.small", "t3.medium", "t3.large", "t3.xlarge",
        "m5.large", "m5.xlarge", "m5.2xlarge", "m5.4xlarge", "c5.large", "i3.metal", "i3.8xlarge"};
    private static final String[] ZONES = {"us-east-1a", "us-east-1b"};
    private static final EndCause[] CAUSES = {EndCause.STOPPED, EndCause.INTERRUPTED_BY_AWS, EndCause.HORIZON};

    record Run(Meterable what, int count, long startMs, long endMs, EndCause cause) {
    }

    record Case(List<Run> runs, List<ReservedInstance> ris, List<SavingsPlan> sps) {
        UsageMeter meter() {
            UsageMeter meter = new UsageMeter(0);
            long id = 0;
            for (Run r : runs) {
                for (int i = 0; i < r.count; i++) {
                    meter.runStarted(id, r.what, r.startMs);
                    meter.runEnded(id++, r.endMs, r.cause);
                }
            }
            return meter;
        }

        Bill bill(AllocationObserver observer) {
            BillingEngine.Builder b = BillingEngine.builder(BOOK).horizonMs(HORIZON).observer(observer);
            ris.forEach(b::add);
            sps.forEach(b::add);
            return b.build().bill(meter());
        }
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<Meterable> instance = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(ZONES),
                Arbitraries.of(Market.values())).as((t, z, m) -> new InstanceUsage(t, z, OperatingSystem.LINUX,
                Tenancy.SHARED, m));
        Arbitrary<Meterable> task = Combinators.combine(Arbitraries.of(1024, 2048), Arbitraries.of(20, 50),
                Arbitraries.of(false, true)).as((cpu, disk, spot) -> new FargateUsage(false, OperatingSystem.LINUX,
                cpu, cpu * 2, disk, spot));
        Arbitrary<Meterable> what = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, instance), net.jqwik.api.Tuple.of(1, task));
        Arbitrary<Run> run = Combinators.combine(what, Arbitraries.integers().between(1, 6),
                Arbitraries.longs().between(0, HORIZON - 1), Arbitraries.longs().between(0, 3 * H),
                Arbitraries.of(CAUSES)).as((w, n, s, d, c) -> new Run(w, n, s, Math.min(HORIZON, s + d), c));
        Arbitrary<ReservedInstance> ri = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.integers()
                .between(1, 3), Arbitraries.of(true, false), Arbitraries.of(ZONES), Arbitraries.of(
                PaymentOption.values())).as((t, n, zonal, z, p) -> zonal
                ? ReservedInstance.zonal(t, n, "us-east-1", z, OfferingClass.STANDARD, Term.ONE_YEAR, p)
                : ReservedInstance.regional(t, n, "us-east-1", OfferingClass.CONVERTIBLE, Term.THREE_YEAR, p));
        Arbitrary<SavingsPlan> sp = Combinators.combine(Arbitraries.of("compute", "t3", "m5"),
                Arbitraries.integers().between(1, 300)).as((k, cents) -> {
                    BigDecimal c = BigDecimal.valueOf(cents, 2);
                    return k.equals("compute")
                            ? SavingsPlan.compute("us-east-1", c, Term.ONE_YEAR, PaymentOption.PARTIAL_UPFRONT)
                            : SavingsPlan.ec2Instance(k, "us-east-1", c, Term.THREE_YEAR, PaymentOption.NO_UPFRONT);
                });
        return Combinators.combine(run.list().ofMinSize(1).ofMaxSize(10), ri.list().ofMaxSize(3),
                sp.list().ofMaxSize(2)).as(Case::new);
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void breakdownsAndLineItems_sumExactlyToTheTotals(@ForAll("cases") Case c) {
        Bill bill = c.bill(null);
        assertThat(sum(bill.byService().values())).isEqualTo(bill.total());
        assertThat(sum(bill.byPricingModel().values())).isEqualTo(bill.total());
        assertThat(sum(bill.byDay().values())).isEqualTo(bill.total());
        Money amortized = Money.ZERO;
        Money unblended = Money.ZERO;
        for (LineItem item : bill.lineItems()) {
            amortized = amortized.plus(item.amortizedCost());
            unblended = unblended.plus(item.unblendedCost());
        }
        assertThat(amortized).isEqualTo(bill.total());
        assertThat(unblended).isEqualTo(bill.unblendedTotal());
        RoundedBill r = bill.rounded();
        assertThat(r.byService().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(r.total());
        assertThat(r.byPricingModel().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(r.total());
        for (CommitmentSummary s : bill.commitments()) {
            assertThat(s.unused().signum()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void coveredUsage_neverExceedsUsage(@ForAll("cases") Case c) {
        UsageMeter meter = c.meter();
        Bill bill = c.bill(null);
        Map<BillingLine, Long> billed = new HashMap<>();
        for (LineItem item : bill.lineItems()) {
            BillingLine line = item instanceof UsageLineItem u ? u.line()
                    : item instanceof SpotUsageLineItem s ? s.line()
                    : item instanceof DiscountedUsageLineItem d ? d.line()
                    : item instanceof SavingsPlanCoveredUsageLineItem p ? p.line() : null;
            if (line != null) {
                assertThat(item.usageMs()).isPositive();
                billed.merge(line, item.usageMs(), Long::sum);
            }
        }
        // Every line's On-Demand + Spot + covered usage is exactly the metered usage: coverage never exceeds it.
        for (BillingLine line : bill.lines()) {
            long metered = 0;
            for (int k = 0; k < meter.keyCount(); k++) {
                if (meter.key(k).equals(line.key())) {
                    for (int h = 0; h < meter.hourCount(); h++) {
                        metered += meter.usageMs(k, h);
                    }
                }
            }
            assertThat(billed.getOrDefault(line, 0L)).isEqualTo(metered);
        }
    }

    @Property(tries = 150, edgeCases = EdgeCasesMode.NONE)
    void perHour_riCoverage_andSavingsPlanSpend_stayWithinTheirLimits(@ForAll("cases") Case c) {
        Map<String, Long> riUse = new HashMap<>();
        Map<String, BigDecimal> spSpend = new HashMap<>();
        Map<String, Long> riLimit = new HashMap<>();
        Map<String, BigDecimal> spLimit = new HashMap<>();
        NormalizationFactors factors = NormalizationFactors.defaults();
        c.bill(new AllocationObserver() {
            @Override
            public void reservedInstanceCovered(int hour, String id, ReservedInstance ri, BillingLine line, long ms,
                                                int lineWeight, int riWeight) {
                riUse.merge(hour + id, ms * lineWeight, Long::sum);
                riLimit.put(hour + id, ri.count() * H * riWeight);
                if (!line.instanceType().equals(ri.instanceType())) {
                    // Only size flexibility crosses types; its weights are normalization factors (item 2).
                    assertThat(ri.scope()).isEqualTo(dev.fleetsim.commitment.RiScope.REGION);
                    assertThat(riWeight).isEqualTo(factors.quarterUnits(ri.instanceType()).orElseThrow());
                    assertThat(lineWeight).isEqualTo(factors.quarterUnits(line.instanceType()).orElseThrow());
                }
            }

            @Override
            public void savingsPlanCovered(int hour, String id, SavingsPlan plan, BillingLine line, long ms,
                                           BigDecimal usdPerHour) {
                spSpend.merge(hour + id, usdPerHour.multiply(BigDecimal.valueOf(ms)), BigDecimal::add);
                spLimit.put(hour + id, plan.commitmentUsdPerHour().multiply(BigDecimal.valueOf(H)));
            }
        });
        riUse.forEach((k, used) -> assertThat(used).isLessThanOrEqualTo(riLimit.get(k)));
        spSpend.forEach((k, spent) -> assertThat(spent).isLessThanOrEqualTo(spLimit.get(k)));
    }

    @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
    void addingACommitment_neverRaisesTheTotalByMoreThanItsFee(@ForAll("cases") Case c) {
        Bill with = c.bill(null);
        int n = c.ris.size() + c.sps.size();
        for (int drop = 0; drop < n; drop++) {
            List<ReservedInstance> ris = new ArrayList<>(c.ris);
            List<SavingsPlan> sps = new ArrayList<>(c.sps);
            String id;
            if (drop < ris.size()) {
                ris.remove(drop);
                id = "ri-" + (drop + 1);
            } else {
                sps.remove(drop - ris.size());
                id = "sp-" + (drop - c.ris.size() + 1);
            }
            Money fee = with.commitments().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow().fee();
            Bill without = new Case(c.runs, ris, sps).bill(null);
            assertThat(with.total()).isLessThanOrEqualTo(without.total().plus(fee));
        }
    }

    private static Money sum(Iterable<Money> values) {
        Money s = Money.ZERO;
        for (Money m : values) {
            s = s.plus(m);
        }
        return s;
    }
}
