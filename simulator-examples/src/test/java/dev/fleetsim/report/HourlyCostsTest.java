package dev.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.run.EngineScenarioRunner;
import dev.fleetsim.scenario.RunOptions;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The bill split by clock-hour, and the time series built on it, against a bill derived by hand. */
final class HourlyCostsTest {

    static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    static final PriceBook PRICES = PriceBook.loadDefault();

    /**
     * Instance a runs 3 h, b only in hour 1; one RI (fee $0.12/h) and a $0.10/h Compute SP at $0.15 per
     * instance-hour. aws-rules.md items 2 and 3: each hour the RI covers first (one instance-hour), then the SP.
     * <pre>
     * hour 0: a covered by the RI; the SP covers nothing (unused)    OD 0          RI 0.12  SP 0.10  = 0.22
     * hour 1: RI covers 1 h; SP covers 0.10 / 0.15 = 2/3 h of b;
     *         1/3 h On-Demand x 0.20 = 0.0666..                      OD 0.066667   RI 0.12  SP 0.10  = 0.286667
     * hour 2: as hour 0                                                                               = 0.22
     * bill: on-demand 1/15 = 0.07, reserved 0.36, savings-plan 0.30, total 0.7266.. = 0.73
     * </pre>
     */
    static final String SCENARIO = """
            name: hourly
            start: 2026-01-05T00:00:00Z
            horizon: PT3H
            ec2:
              instances:
                - {name: a, type: m4.xlarge, zone: us-east-1a}
                - {name: b, type: m4.xlarge, zone: us-east-1a, runs: [{start: PT1H, end: PT2H}]}
            pricing:
              rates:
                - {match: {type: m4.xlarge}, onDemand: "0.20", reserved: "0.12", computeSavingsPlan: "0.15"}
              reservedInstances:
                - {type: m4.xlarge, count: 1, scope: region, class: standard, term: 1y, payment: no-upfront}
              savingsPlans:
                - {kind: compute, commitment: "0.100", term: 1y, payment: no-upfront}
            """;

    static Scenario scenario(String yaml) throws Exception {
        return new ScenarioLoader(CATALOG).parse(yaml, Path.of("."), List.of());
    }

    static RunResult run(Scenario s) throws Exception {
        return new EngineScenarioRunner(CATALOG, PRICES).run(s, RunOptions.single());
    }

    @Test
    void hourlyCosts_riThenSavingsPlanThenOnDemand_splitAsDerived() throws Exception {
        Scenario s = scenario(SCENARIO);
        RunResult r = run(s);

        HourlyCosts c = r.hourlyCosts().orElseThrow();

        assertThat(c.hours()).isEqualTo(3);
        assertThat(row(c, 0)).containsExactly("0.000000", "0.000000", "0.120000", "0.100000", "0.220000");
        assertThat(row(c, 1)).containsExactly("0.066667", "0.000000", "0.120000", "0.100000", "0.286667");
        assertThat(row(c, 2)).containsExactly("0.000000", "0.000000", "0.120000", "0.100000", "0.220000");
        assertThat(r.report().bill().total()).isEqualByComparingTo("0.73");
    }

    @Test
    void timeSeriesCsv_countsInstancesAndVcpusPerHour() throws Exception {
        Scenario s = scenario(SCENARIO);
        RunResult r = run(s);
        TimeSeries ts = TimeSeries.of(r.bill(), r.usage(), CATALOG, r.hourlyCosts());

        // m4.xlarge has 4 vCPUs: 1, 2 and 1 instances -> 4, 8 and 4 vCPUs; no demand columns filled.
        assertThat(TimeSeriesCsv.write(ts).split("\n")).containsExactly(
                "hour,hour_start_utc,instances:m4.xlarge:on-demand,vcpu_provisioned,on_demand_usd,spot_usd,"
                        + "reserved_usd,savings_plan_usd,total_usd,demand,served_demand,pending_tasks",
                "0,2026-01-05T00:00:00Z,1.000000,4.000000,0.000000,0.000000,0.120000,0.100000,0.220000,,,",
                "1,2026-01-05T01:00:00Z,2.000000,8.000000,0.066667,0.000000,0.120000,0.100000,0.286667,,,",
                "2,2026-01-05T02:00:00Z,1.000000,4.000000,0.000000,0.000000,0.120000,0.100000,0.220000,,,");
    }

    @Test
    void hourlyCosts_coverageThatDoesNotAddUpToTheBill_isRefused() throws Exception {
        RunResult r = run(scenario(SCENARIO));
        UsageMeter meter = r.usage();

        // No coverage at all: every hour would be On-Demand, which is not this bill.
        Optional<HourlyCosts> c = HourlyCosts.of(r.bill(), meter, new HourlyCoverage(r.bill().lines().size(), 3),
                (pool, hour) -> java.math.BigDecimal.ZERO);

        assertThat(c).isEmpty();
    }

    @Test
    void hourlyCosts_spotWindow_paysSpotOnlyInItsHours() throws Exception {
        // Spot at a fixed $0.05/h (SPEC section 5: a spot rate fixes the price) from 01:00 to 03:00 of 4 hours.
        Scenario s = scenario("""
                name: spot
                start: 2026-01-05T00:00:00Z
                horizon: PT4H
                ec2:
                  instances:
                    - {name: w, type: m4.xlarge, market: spot, zone: us-east-1a, runs: [{start: PT1H, end: PT3H}]}
                pricing:
                  rates:
                    - {match: {type: m4.xlarge}, spot: "0.05"}
                  spot: {interruptions: none}
                """);
        HourlyCosts c = run(s).hourlyCosts().orElseThrow();

        assertThat(row(c, 0)).containsExactly("0.000000", "0.000000", "0.000000", "0.000000", "0.000000");
        assertThat(row(c, 1)).containsExactly("0.000000", "0.050000", "0.000000", "0.000000", "0.050000");
        assertThat(row(c, 2)).containsExactly("0.000000", "0.050000", "0.000000", "0.000000", "0.050000");
        assertThat(row(c, 3)).containsExactly("0.000000", "0.000000", "0.000000", "0.000000", "0.000000");
    }

    private static List<String> row(HourlyCosts c, int hour) {
        return List.of(c.cost(0, hour).toUsd(6).toPlainString(), c.cost(1, hour).toUsd(6).toPlainString(),
                c.cost(2, hour).toUsd(6).toPlainString(), c.cost(3, hour).toUsd(6).toPlainString(),
                c.total(hour).toUsd(6).toPlainString());
    }
}
