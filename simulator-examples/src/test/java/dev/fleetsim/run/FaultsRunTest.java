package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Money;
import dev.fleetsim.report.FaultReport;
import dev.fleetsim.report.Report;
import dev.fleetsim.scenario.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Finite capacity pools, zone outages and host failures through the scenario runner. Every bill uses an On-Demand
 * rate of $0.36 an hour = $0.0001 a second (a {@code pricing.rates} override), so a bill is the billed seconds / 10,000;
 * launch latency is the default 16.5 s (LifecycleTimings.DEFAULT), and each run bills whole seconds, rounded up
 * (BilledDuration's reading of per-second billing, aws-rules.md item 1).
 */
final class FaultsRunTest {

    private static final String RATES = """
            pricing:
              rates:
                - {match: {type: m5.large, os: linux, tenancy: shared}, onDemand: "0.36"}
                - {match: {type: m5a.large, os: linux, tenancy: shared}, onDemand: "0.36"}
            """;

    private static RunResult result(String yaml) throws Exception {
        RunResult r = RunChecks.run(yaml + RATES);
        assertThat(r.notSimulated()).isEmpty();
        return r;
    }

    private static Report report(String yaml) throws Exception {
        return result(yaml).report();
    }

    /** The exact bill (the report's is rounded to cents). */
    private static void assertExactTotal(RunResult r, String usd) {
        assertThat(r.bill().total()).isEqualTo(Money.usd(usd));
    }

    /**
     * Reading (docs/reliability.md): a fixed instance in a failed zone stops (its run ends) and EC2 recovers it with
     * its id when the zone returns; a new run starts after the launch latency (aws-rules.md item 1: billed while
     * running). Outage 1 h-4 h, horizon 6 h: 3,600 s + (21,600 - 14,416.5 = 7,183.5, billed 7,184 s) = 10,784 s
     * = $1.0784.
     */
    @Test
    void zoneOutage_fixedInstance_billsOnlyWhileRunningAcrossTheOutage() throws Exception {
        RunResult run = result("""
                name: outage-fixed
                horizon: PT6H
                ec2:
                  instances:
                    - {name: api, type: m5.large, zone: us-east-1a}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """);

        Report r = run.report();
        assertExactTotal(run, "1.0784");
        assertThat(RunChecks.faultLine(r, "api").outageFailures()).isEqualTo(1);
        assertThat(r.faults().zoneOutages()).isEqualTo(1);
    }

    /**
     * A 2-zone group of 4 (2 per zone, zone balancing: ids 0 a, 1 b, 2 a, 3 b), outage of us-east-1a 1 h-4 h,
     * scheduled to 6 at 2 h and to 8 at 5 h; warm-up 300 s (the default). At 1 h ids 0 and 2 fail; each replacement
     * tries 1a first (now the emptiest zone): closed, InsufficientInstanceCapacity, then 1b (ids 4, 5). At 2 h the
     * same for 2 more (ids 6, 7). At 4 h 1a reopens and AZ rebalancing (ASGUG auto-scaling-benefits.md) moves 3 back:
     * ceiling 8 + max(1, floor(0.8)) = 9 live, so all 3 launch at once in 1a with no error (ids 8, 9, 10, running at
     * 14,416.5 s); the victims in 1b are all 0 s into their hour at 14,400 s, so the oldest go: ids 1, 3, 4, terminated
     * at 14,700 s when the new ones are in service. At 5 h 1a and 1b hold 3 each: ids 11 (1a, list order) and 12 (1b).
     * ICE = 2 + 2 = 4; replacements 2. Billed seconds: 2 x 3,600 (ids 0, 2) + 2 x 14,700 (ids 1, 3) + (14,700 -
     * 3,616.5 = 11,083.5 -> 11,084) (id 4) + (21,600 - 3,616.5 = 17,983.5 -> 17,984) (id 5) + 2 x (21,600 - 7,216.5 =
     * 14,383.5 -> 14,384) + 3 x (21,600 - 14,416.5 = 7,183.5 -> 7,184) + 2 x (21,600 - 18,016.5 = 3,583.5 -> 3,584)
     * = 7,200 + 29,400 + 11,084 + 17,984 + 28,768 + 21,552 + 7,168 = 123,156 -> $12.3156.
     */
    @Test
    void zoneOutage_twoZoneGroup_replacesInTheOtherZoneAndLaunchesInTheClosedZoneOnlyAfterIt() throws Exception {
        RunResult run = result("""
                name: outage-group
                horizon: PT6H
                ec2:
                  groups:
                    - name: web
                      instanceTypes: [m5.large]
                      zones: [us-east-1a, us-east-1b]
                      min: 4
                      max: 8
                      desired: 4
                      scaling: {schedule: [{at: PT2H, desired: 6}, {at: PT5H, desired: 8}]}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """);

        Report r = run.report();
        FaultReport.Workload web = RunChecks.faultLine(r, "web");
        assertThat(web.outageFailures()).isEqualTo(2);
        assertThat(web.replacements()).isEqualTo(2);
        assertThat(web.insufficientCapacityErrors()).isEqualTo(4);
        assertThat(web.failedLaunches()).isZero();
        assertThat(web.azRebalanceLaunches()).isEqualTo(3);
        assertThat(web.azRebalanceTerminations()).isEqualTo(3);
        assertExactTotal(run, "12.3156");
    }

    /**
     * Pool m5.large in us-east-1a capped at 2; a one-zone group of 4 prefers m5.large. Launches 1 and 2 get it; 3 and 4
     * are refused (ICE) and fall back to m5a.large. One hour: 2 instance-hours of each type.
     */
    @Test
    void capacityPool_ofTwo_groupOfFourFallsBackToItsSecondType() throws Exception {
        Report r = report("""
                name: pool
                horizon: PT1H
                capacity:
                  pools:
                    - {type: m5.large, zone: us-east-1a, max: 2}
                ec2:
                  groups:
                    - {name: web, instanceTypes: [m5.large, m5a.large], zones: [us-east-1a], min: 4, max: 4, desired: 4}
                """);

        assertThat(RunChecks.faultLine(r, "web").insufficientCapacityErrors()).isEqualTo(2);
        assertThat(RunChecks.faultLine(r, "web").failedLaunches()).isZero();
        assertThat(r.capacity().instanceHours()).containsEntry("m5.large", 2.0).containsEntry("m5a.large", 2.0);
        FaultReport.Pool pool = r.faults().pools().get(0);
        assertThat(pool.peak()).isEqualTo(2);
        assertThat(pool.refused()).isEqualTo(2);
        assertThat(pool.market()).isEqualTo("any");
    }

    /** A fixed instance that finds its pool full fails to launch, is reported, and bills nothing. */
    @Test
    void capacityPool_full_fixedInstanceFailsToLaunchAndIsReported() throws Exception {
        Report r = report("""
                name: pool-fixed
                horizon: PT1H
                capacity:
                  pools:
                    - {type: m5.large, zone: us-east-1a, market: on-demand, max: 1}
                ec2:
                  instances:
                    - {name: api, type: m5.large, zone: us-east-1a, count: 2}
                """);

        // One copy runs the hour (3,600 s = $0.36), the other is refused.
        assertThat(RunChecks.faultLine(r, "api").failedLaunches()).isEqualTo(1);
        assertThat(RunChecks.faultLine(r, "api").insufficientCapacityErrors()).isEqualTo(1);
        assertThat(r.bill().total()).isEqualByComparingTo("0.36");
    }

    private static final String FLEET_YEAR = """
            name: host-failures
            seed: %d
            horizon: P365D
            ec2:
              instances:
                - {name: fleet, type: m5.large, zone: us-east-1a, count: 1000}
            faults:
              - {kind: host-failures, perInstancePerYear: 1.0}
            """;

    /**
     * 1,000 instances x 365 days at 1 failure per instance-year: Poisson with mean 1,000 (less 5-minute recoveries:
     * at most 1,000 x 5 min = 0.01 instance-years, negligible) and standard deviation sqrt(1,000) = 31.6; within four
     * standard deviations, [874, 1,126]. Reading: auto-recovery reboots the instance onto new hardware and billing
     * goes on (aws-rules.md item 1: a reboot keeps the billing period), so the bill is the fault-free one:
     * 1,000 x 8,760 h x $0.36 = $3,153,600.
     */
    @Test
    void hostFailures_countOverAThousandInstanceYears_isWithinFourSigmaAndTheBillIsUnchanged() throws Exception {
        Report r = report(FLEET_YEAR.formatted(7));

        FaultReport.Workload fleet = RunChecks.faultLine(r, "fleet");
        assertThat(fleet.hostFailures()).isBetween(874L, 1_126L);
        // Every failure is recovered 5 minutes later unless it came in the last 5 minutes of the year.
        assertThat(fleet.recoveries()).isBetween(fleet.hostFailures() - 5, fleet.hostFailures());
        assertThat(r.bill().total()).isEqualByComparingTo("3153600");
    }

    @Test
    void hostFailures_sameSeed_sameWorld_otherSeed_otherFailures() throws Exception {
        RunChecks.assertReproducible(FLEET_YEAR.formatted(7) + RATES);
        assertThat(RunChecks.faultLine(report(FLEET_YEAR.formatted(8)), "fleet").hostFailures())
                .isNotEqualTo(RunChecks.faultLine(report(FLEET_YEAR.formatted(7)), "fleet").hostFailures());
    }

    /**
     * Group instances are replaced, not recovered: 50 instances for a year at 2 a year, each replacement with a fresh
     * failure clock: about 100 failures (exposure 50 instance-years less 16.5 s per replacement), standard deviation
     * 10, four of them: [60, 140]; every failure brings exactly one replacement (the group is below desired by one).
     */
    @Test
    void hostFailures_groupInstances_areReplacedOneForOne() throws Exception {
        Report r = report("""
                name: group-failures
                horizon: P365D
                ec2:
                  groups:
                    - {name: web, instanceTypes: [m5.large], zones: [us-east-1a, us-east-1b], min: 50, max: 50, desired: 50}
                faults:
                  - {kind: host-failures, perInstancePerYear: 2.0, target: web}
                """);

        FaultReport.Workload web = RunChecks.faultLine(r, "web");
        assertThat(web.hostFailures()).isBetween(60L, 140L);
        assertThat(web.replacements()).isEqualTo(web.hostFailures());
        assertThat(web.recoveries()).isZero();
    }

    /**
     * The shipped example (scenarios/zone-outage.yaml): the derivable counts of its header. web: the 3 instances of
     * us-east-1a fail at the outage, each replacement refused once by the closed zone (3 ICE), and 3 move back one at
     * a time when it reopens (AZ rebalancing: 3 launches in 1a, no refusal, 3 terminations in 1b); workers: 2 On-Demand
     * m5.large fill the pool of 2, the other 2 are refused (2 ICE) and run as m5a.large; db fails once. Host failures
     * are taken out first: where they strike depends on the seed, and a replacement may meet a full pool.
     */
    @Test
    void shippedScenario_zoneOutage_countsWhatItsHeaderDerives() throws Exception {
        String yaml = java.nio.file.Files.readString(java.nio.file.Path.of("../scenarios/zone-outage.yaml"));
        String withoutHostFailures = yaml.replace("  - {kind: host-failures, perInstancePerYear: 20}\n", "");
        assertThat(withoutHostFailures).isNotEqualTo(yaml);
        Report r = RunChecks.run(withoutHostFailures).report();

        assertThat(RunChecks.faultLine(r, "web").outageFailures()).isEqualTo(3);
        assertThat(RunChecks.faultLine(r, "web").insufficientCapacityErrors()).isEqualTo(3);
        assertThat(RunChecks.faultLine(r, "web").azRebalanceLaunches()).isEqualTo(3);
        assertThat(RunChecks.faultLine(r, "web").azRebalanceTerminations()).isEqualTo(3);
        assertThat(RunChecks.faultLine(r, "workers").insufficientCapacityErrors()).isEqualTo(2);
        assertThat(RunChecks.faultLine(r, "db").outageFailures()).isEqualTo(1);
        assertThat(r.faults().pools().get(0).peak()).isEqualTo(2);
        // 2 of each for 7 days = 336 instance-hours each.
        assertThat(r.capacity().instanceHours()).containsEntry("m5.large", 336.0).containsEntry("m5a.large", 336.0);
    }
}
