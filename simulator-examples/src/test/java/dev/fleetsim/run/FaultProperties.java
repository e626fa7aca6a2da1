package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.report.FaultReport;
import dev.fleetsim.scenario.RunResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of runs with random capacity pools, zone outages and host failures over fixed instances and Auto
 * Scaling groups: no pool ever holds more than its max, no run is left open, the bill's breakdowns sum to its
 * total, a group launches a replacement only for an instance it lost, and the run is byte-for-byte reproducible.
 */
final class FaultProperties {

    private static final List<String> TYPES = List.of("m5.large", "m5a.large", "c5.large");
    private static final List<String> ZONES = List.of("us-east-1a", "us-east-1b");

    @Property(tries = 20)
    void pools_neverExceedTheirMax_andRunsClose_andBillsSum(@ForAll("scenarios") String yaml) throws Exception {
        RunResult r = RunChecks.run(yaml);

        assertThat(r.usage().openRuns()).isZero();
        Bill bill = r.bill();
        assertThat(RunChecks.sum(bill.byService())).isEqualTo(bill.total());
        assertThat(RunChecks.sum(bill.byPricingModel())).isEqualTo(bill.total());
        for (FaultReport.Pool p : r.report().faults().pools()) {
            assertThat(p.peak()).as("peak of %s", p).isLessThanOrEqualTo(p.max());
        }
        for (FaultReport.Workload w : r.report().faults().workloads()) {
            if (w.kind().equals("ec2-group")) {
                assertThat(w.replacements()).as("replacements of %s", w.name())
                        .isLessThanOrEqualTo(w.hostFailures() + w.outageFailures());
            } else {
                assertThat(w.recoveries()).isLessThanOrEqualTo(w.hostFailures());
            }
        }
    }

    @Property(tries = 10)
    void sameScenarioAndSeed_giveTheSameReport(@ForAll("scenarios") String yaml) throws Exception {
        RunChecks.assertReproducible(yaml);
    }

    @Provide
    Arbitrary<String> scenarios() {
        Arbitrary<String> instance = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.integers().between(1, 3),
                Arbitraries.of(ZONES).injectNull(0.3), Arbitraries.integers().between(0, 120),
                Arbitraries.integers().between(30, 300).injectNull(0.5))
                .as((type, count, zone, startMin, lengthMin) -> "{type: " + type + ", count: " + count
                        + (zone == null ? "" : ", zone: " + zone) + ", runs: [{start: PT" + startMin + "M"
                        + (lengthMin == null ? "" : ", end: PT" + (startMin + lengthMin) + "M") + "}]}");
        Arbitrary<String> group = Combinators.combine(Arbitraries.of(TYPES).list().uniqueElements().ofMinSize(1)
                .ofMaxSize(3), Arbitraries.integers().between(1, 6))
                .as((types, size) -> "{instanceTypes: " + types + ", min: " + size + ", max: " + size + "}");
        Arbitrary<String> pool = Combinators.combine(Arbitraries.of(TYPES), Arbitraries.of(ZONES),
                Arbitraries.of("", ", market: on-demand"), Arbitraries.integers().between(0, 4))
                .as((type, zone, market, max) -> "{type: " + type + ", zone: " + zone + market + ", max: " + max + "}");
        Arbitrary<String> outage = Combinators.combine(Arbitraries.of(ZONES), Arbitraries.integers().between(0, 300),
                Arbitraries.integers().between(1, 240))
                .as((zone, at, minutes) -> "{kind: zone-outage, zone: " + zone + ", at: PT" + at + "M, duration: PT"
                        + minutes + "M}");
        return Combinators.combine(instance.list().ofMaxSize(3), group.list().ofMaxSize(2),
                pool.list().uniqueElements(p -> p.replaceAll(", max: \\d+", "")).ofMaxSize(3),
                outage.list().ofMaxSize(2), Arbitraries.of(0, 200, 2000), Arbitraries.longs().between(1, 1000))
                .as((instances, groups, pools, outages, rate, seed) -> {
                    StringBuilder y = new StringBuilder("name: faults\nseed: " + seed
                            + "\nhorizon: PT6H\nzones: " + ZONES + "\n");
                    // Every pool is listed so that the faults section is always written.
                    y.append("capacity:\n  pools:\n    - {type: c5.large, zone: us-east-1b, market: spot, max: 1}\n");
                    pools.forEach(p -> y.append("    - ").append(p).append('\n'));
                    y.append("ec2:\n  instances:\n");
                    for (int i = 0; i < instances.size(); i++) {
                        y.append("    - {name: i").append(i).append(", ").append(instances.get(i).substring(1))
                                .append('\n');
                    }
                    if (instances.isEmpty()) {
                        y.append("    - {name: i0, type: m5.large}\n");
                    }
                    if (!groups.isEmpty()) {
                        y.append("  groups:\n");
                        for (int i = 0; i < groups.size(); i++) {
                            y.append("    - {name: g").append(i).append(", ").append(groups.get(i).substring(1))
                                    .append('\n');
                        }
                    }
                    if (!outages.isEmpty() || rate > 0) {
                        y.append("faults:\n");
                        outages.forEach(o -> y.append("  - ").append(o).append('\n'));
                        if (rate > 0) {
                            y.append("  - {kind: host-failures, perInstancePerYear: ").append(rate).append("}\n");
                        }
                    }
                    return y.toString();
                });
    }
}
