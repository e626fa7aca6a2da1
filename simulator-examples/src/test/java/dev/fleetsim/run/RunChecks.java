package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.LineItemCsv;
import dev.fleetsim.billing.Money;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.report.FaultReport;
import dev.fleetsim.report.Report;
import dev.fleetsim.report.ReportJson;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the run tests share: running a scenario text, finding a workload's report line or faults line, summing a
 * breakdown, the determinism check.
 */
final class RunChecks {

    static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    static final PriceBook PRICES = PriceBook.loadDefault();

    private RunChecks() {
    }

    static RunResult run(String yaml) throws Exception {
        Scenario scenario = new ScenarioLoader(CATALOG).parse(yaml, Path.of("."), List.of());
        return new EngineScenarioRunner(CATALOG, PRICES).run(scenario, RunOptions.single());
    }

    /** The report line of the workload {@code name}. */
    static WorkloadReport workload(Report r, String name) {
        return r.workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    /** The {@code faults} line of the workload or capacity pool {@code name}. */
    static FaultReport.Workload faultLine(Report r, String name) {
        return r.faults().workloads().stream().filter(w -> w.name().equals(name)).findFirst().orElseThrow();
    }

    static Money sum(Map<String, Money> parts) {
        Money total = Money.ZERO;
        for (Money m : parts.values()) {
            total = total.plus(m);
        }
        return total;
    }

    /** Runs {@code yaml} twice: the report JSON and the line items must be byte-identical. */
    static void assertReproducible(String yaml) throws Exception {
        RunResult first = run(yaml);
        RunResult second = run(yaml);

        assertThat(new ReportJson().write(second.report())).isEqualTo(new ReportJson().write(first.report()));
        StringBuilder a = new StringBuilder();
        StringBuilder b = new StringBuilder();
        LineItemCsv.write(first.bill(), a);
        LineItemCsv.write(second.bill(), b);
        assertThat(b.toString()).isEqualTo(a.toString());
    }
}
