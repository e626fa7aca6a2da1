package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.billing.LineItem;
import dev.fleetsim.billing.Money;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of whole runs over random valid EC2 scenarios (fixed instances with windows and markets, forced
 * Spot interruptions, regional and zonal RIs, Savings Plans): the bill's breakdowns and line items sum exactly
 * to its totals, nothing is negative, instances are conserved, and a run is byte-for-byte reproducible.
 */
final class RunInvariantsProperties {

    private static final List<String> TYPES = List.of("m5.large", "m5.xlarge", "m5.2xlarge", "c5.large",
            "r5.large", "m7g.large", "m7g.xlarge", "t3.micro", "t3.medium", "c7i.large");
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b", "us-east-1c");

    @Property(tries = 60)
    void billBreakdownsAndLineItems_sumExactlyToTheTotals(@ForAll("scenarios") String yaml) throws Exception {
        RunResult result = RunChecks.run(yaml);
        Bill bill = result.bill();

        assertThat(RunChecks.sum(bill.byService())).isEqualTo(bill.total());
        assertThat(RunChecks.sum(bill.byPricingModel())).isEqualTo(bill.total());
        Money amortized = Money.ZERO;
        Money unblended = Money.ZERO;
        for (LineItem item : bill.lineItems()) {
            assertThat(item.amortizedCost().signum()).as("amortized cost of %s", item).isGreaterThanOrEqualTo(0);
            assertThat(item.unblendedCost().signum()).as("unblended cost of %s", item).isGreaterThanOrEqualTo(0);
            amortized = amortized.plus(item.amortizedCost());
            unblended = unblended.plus(item.unblendedCost());
        }
        assertThat(amortized).isEqualTo(bill.total());
        assertThat(unblended).isEqualTo(bill.unblendedTotal());

        var report = result.report().bill();
        assertThat(report.byService().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(report.total());
        for (BigDecimal v : report.byPricingModel().values()) {
            assertThat(v.signum()).isGreaterThanOrEqualTo(0);
        }
    }

    @Property(tries = 40)
    void instances_areConserved_andNoRunIsLeftOpen(@ForAll("scenarios") String yaml) throws Exception {
        RunResult result = RunChecks.run(yaml);

        assertThat(result.usage().openRuns()).isZero();
        // Independent of the program: the counts and the fault target come from the generated YAML. Every window
        // starts within 600 s and the horizon is at least 1 h, so each copy launches exactly once.
        Matcher m = INSTANCE_LINE.matcher(yaml);
        Matcher fault = FAULT_TARGET.matcher(yaml);
        String target = fault.find() ? fault.group(1) : null;
        int checked = 0;
        while (m.find()) {
            WorkloadReport w = result.report().workloads().get(checked++);
            int count = Integer.parseInt(m.group(2));
            assertThat(w.name()).isEqualTo(m.group(1));
            assertThat(w.launched()).as("launched copies of %s", w.name()).isEqualTo(count);
            assertThat(w.completed() + w.pending() + w.interrupted()).as("copies of %s accounted for", w.name())
                    .isEqualTo(count);
            if (!m.group(1).equals(target)) {
                assertThat(w.interrupted()).as("%s is not a fault target and the hazard is off", w.name()).isZero();
            }
        }
        assertThat(checked).isEqualTo(result.report().workloads().size());
    }

    private static final Pattern INSTANCE_LINE = Pattern.compile("- \\{name: (i\\d+), type: [^,]+, count: (\\d+)");
    private static final Pattern FAULT_TARGET = Pattern.compile("kind: spot-interruption, target: (i\\d+)");

    @Property(tries = 25)
    void sameScenarioAndSeed_giveByteIdenticalReportAndLineItems(@ForAll("scenarios") String yaml)
            throws Exception {
        RunChecks.assertReproducible(yaml);
    }



    @Provide
    Arbitrary<String> scenarios() {
        Arbitrary<Integer> horizonHours = Arbitraries.integers().between(1, 30);
        Arbitrary<List<String>> instances = instance().list().ofMinSize(1).ofMaxSize(5);
        Arbitrary<List<String>> ris = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.integers().between(1, 3),
                Arbitraries.of("region", "zone"), Arbitraries.of(ZONES),
                Arbitraries.of("no-upfront", "partial-upfront", "all-upfront"))
                .as((t, n, scope, zone, pay) -> "{type: " + t + ", count: " + n + ", scope: " + scope
                        + (scope.equals("zone") ? ", zone: " + zone : "") + ", payment: " + pay + "}")
                .list().ofMaxSize(3);
        Arbitrary<List<String>> sps = Combinators.combine(Arbitraries.of("compute", "ec2-instance"),
                Arbitraries.of("m5", "m7g", "c5"), Arbitraries.integers().between(1, 400))
                .as((kind, family, mils) -> "{kind: " + kind + (kind.equals("ec2-instance") ? ", family: " + family
                        : "") + ", commitment: \"" + BigDecimal.valueOf(mils, 3).toPlainString() + "\"}")
                .list().ofMaxSize(2);
        Arbitrary<Integer> faultMinute = Arbitraries.integers().between(0, 180);
        return Combinators.combine(horizonHours, instances, ris, sps, faultMinute, Arbitraries.longs().between(1, 99))
                .as((hours, inst, riList, spList, faultAt, seed) -> {
                    StringBuilder y = new StringBuilder("name: invariant\nseed: ").append(seed)
                            .append("\nhorizon: PT").append(hours).append("H\nec2:\n  instances:\n");
                    for (int i = 0; i < inst.size(); i++) {
                        y.append("    - {name: i").append(i).append(", ").append(inst.get(i)).append("}\n");
                    }
                    y.append("pricing:\n  spot: {interruptions: none}\n");
                    if (!riList.isEmpty()) {
                        y.append("  reservedInstances:\n");
                        riList.forEach(r -> y.append("    - ").append(r).append('\n'));
                    }
                    if (!spList.isEmpty()) {
                        y.append("  savingsPlans:\n");
                        spList.forEach(s -> y.append("    - ").append(s).append('\n'));
                    }
                    int spot = -1;
                    for (int i = 0; i < inst.size(); i++) {
                        if (inst.get(i).contains("market: spot")) {
                            spot = i;
                        }
                    }
                    if (spot >= 0 && faultAt < hours * 60) {
                        y.append("faults:\n  - {kind: spot-interruption, target: i").append(spot)
                                .append(", at: PT").append(faultAt).append("M}\n");
                    }
                    return y.toString();
                });
    }

    private static Arbitrary<String> instance() {
        Arbitrary<String> window = Combinators.combine(Arbitraries.integers().between(0, 600),
                Arbitraries.integers().between(1, 7_200))
                .as((startS, lengthS) -> "{start: PT" + startS + "S, end: PT" + (startS + lengthS) + "S}");
        return Combinators.combine(Arbitraries.of(TYPES), Arbitraries.integers().between(1, 4),
                Arbitraries.of("on-demand", "spot"), Arbitraries.of(ZONES).injectNull(0.5),
                window.injectNull(0.5), Arbitraries.of("terminate", "stop", "hibernate"))
                .as((type, count, market, zone, run, behavior) -> "type: " + type + ", count: " + count
                        + ", market: " + market + (zone == null ? "" : ", zone: " + zone)
                        + (run == null ? "" : ", runs: [" + run + "]")
                        + (market.equals("spot") ? ", interruptionBehavior: " + behavior : ""));
    }
}
