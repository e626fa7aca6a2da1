package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.LineItem;
import dev.fleetsim.billing.Money;
import dev.fleetsim.billing.UsageLineItem;
import dev.fleetsim.report.FaultReport;
import dev.fleetsim.report.Report;
import dev.fleetsim.scenario.RunResult;
import org.junit.jupiter.api.Test;

/**
 * AZRebalance after a zone outage through the scenario runner (ASGUG auto-scaling-benefits.md, "Rebalancing
 * activities": launch in the emptiest zone first, terminate in the fullest once the new instance is in service, at
 * most max + max(1, floor(10% of max)) instances meanwhile). m5.large at $0.36 an hour = $0.0001 a second; launch
 * latency 16.5 s (LifecycleTimings.DEFAULT); each run bills whole seconds, rounded up (BilledDuration, aws-rules.md
 * item 1). Billed seconds are read per zone from the bill's usage lines (one line per type, zone, OS, tenancy,
 * market), so each zone's timeline is checked on its own.
 */
final class AzRebalanceRunTest {

    private static final String RATES = """
            pricing:
              rates:
                - {match: {type: m5.large, os: linux, tenancy: shared}, onDemand: "0.36"}
            """;

    private static RunResult run(String yaml) throws Exception {
        RunResult r = RunChecks.run(yaml + RATES);
        assertThat(r.notSimulated()).isEmpty();
        return r;
    }

    /** Billed seconds of the m5.large usage lines in {@code zone}. */
    private static long billedSeconds(RunResult r, String zone) {
        long ms = 0;
        for (LineItem item : r.bill().lineItems()) {
            if (item instanceof UsageLineItem u && u.line().description().startsWith("m5.large " + zone + " ")) {
                ms += u.usageMs();
            }
        }
        return ms / 1000;
    }

    /**
     * A group of 6 (min = max = 6) over us-east-1a, 1b, 1c, 2 per zone at 0 (ids 0 a, 1 b, 2 c, 3 a, 4 b, 5 c); zone a
     * is out from 30 min to 2 h 30 min; horizon 4 h = 14,400 s; warm-up 300 s (the default).
     * <ul>
     *   <li>1,800 s: ids 0 and 3 fail; each replacement is refused by a (ICE), then goes to the emptiest open zone: id 6
     *       in b, id 7 in c, running at 1,816.5 s. 6 run in b and c for the rest of the outage.
     *   <li>9,000 s: a reopens. b and c hold 3, a 0; ceiling 6 + max(1, floor(0.6)) = 7, so one pair at a time. Fullest
     *       b (list order on the tie); victim closest to its next billing hour: ids 1 and 4 are 9,000 mod 3,600 =
     *       1,800 s into their hour, id 6 (launched at 1,800 s) 0 s: id 1, the older. New id 8 in a, running 9,016.5 s.
     *   <li>9,300 s: id 8 in service, id 1 terminates. a 1, b 2, c 3: victim in c, ids 2 and 5 at 2,100 s, id 7 at
     *       300 s: id 2. New id 9 in a, running 9,316.5 s; at 9,600 s id 2 terminates: 2, 2, 2.
     * </ul>
     * Billed seconds: a = 2 x 1,800 (ids 0, 3) + (14,400 - 9,016.5 = 5,383.5 -> 5,384) + (14,400 - 9,316.5 = 5,083.5
     * -> 5,084) = 14,068; b = 9,300 (id 1) + 14,400 (id 4) + (14,400 - 1,816.5 = 12,583.5 -> 12,584) (id 6) = 36,284;
     * c = 9,600 + 14,400 + 12,584 = 36,584. Total 86,936 s = $8.6936. Without rebalancing a would stop at 3,600 and b,
     * c would be 41,384 each: 86,368 s; the overlap costs 2 x (300 - 16.5) = 567 s, plus 1 s of rounding.
     * Peak: 7 running from 9,016.5 s (ids 1, 2, 4, 5, 6, 7, 8).
     */
    @Test
    void zoneOutage_groupOfSixOverThreeZones_movesBackToTwoPerZone_oneOverMaxAtATime() throws Exception {
        RunResult run = run("""
                name: az-rebalance
                horizon: PT4H
                zones: [us-east-1a, us-east-1b, us-east-1c]
                ec2:
                  groups:
                    - {name: web, instanceTypes: [m5.large], min: 6, max: 6, desired: 6}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT30M, duration: PT2H}
                """);
        Report r = run.report();

        assertThat(billedSeconds(run, "us-east-1a")).isEqualTo(14_068);
        assertThat(billedSeconds(run, "us-east-1b")).isEqualTo(36_284);
        assertThat(billedSeconds(run, "us-east-1c")).isEqualTo(36_584);
        assertThat(run.bill().total()).isEqualTo(Money.usd("8.6936"));
        assertThat(r.capacity().peakInstances()).isEqualTo(7);
        FaultReport.Workload web = RunChecks.faultLine(r, "web");
        assertThat(web.outageFailures()).isEqualTo(2);
        assertThat(web.replacements()).isEqualTo(2);
        assertThat(web.insufficientCapacityErrors()).isEqualTo(2);
        assertThat(web.azRebalanceLaunches()).isEqualTo(2);
        assertThat(web.azRebalanceTerminations()).isEqualTo(2);
    }

    /**
     * Two outages of a that overlap (1 h-2 h and 1 h 30 min-3 h): the zone opens, and the group rebalances, only when
     * both have ended, at 3 h. Group of 2 (max 2) over a and b; horizon 4 h. 3,600 s: id 0 (a) fails, id 2 replaces it
     * in b (1 ICE), running at 3,616.5 s. 10,800 s: b holds 2, a 0: ceiling 2 + 1 = 3; victim in b: id 1 is 10,800
     * mod 3,600 = 0 s into its hour, id 2 (launched 3,600 s) 0 s too: id 1, the older; new id 3 in a, running at
     * 10,816.5 s; id 1 terminates at 11,100 s. a = 3,600 + (14,400 - 10,816.5 = 3,583.5 -> 3,584) = 7,184;
     * b = 11,100 + (14,400 - 3,616.5 = 10,783.5 -> 10,784) = 21,884.
     */
    @Test
    void zoneOutage_overlappingOutages_rebalanceOnlyWhenTheLastEnds() throws Exception {
        RunResult run = run("""
                name: az-rebalance-overlap
                horizon: PT4H
                zones: [us-east-1a, us-east-1b]
                ec2:
                  groups:
                    - {name: web, instanceTypes: [m5.large], min: 2, max: 2, desired: 2}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT1H}
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H30M, duration: PT1H30M}
                """);

        assertThat(billedSeconds(run, "us-east-1a")).isEqualTo(7_184);
        assertThat(billedSeconds(run, "us-east-1b")).isEqualTo(21_884);
        assertThat(RunChecks.faultLine(run.report(), "web").azRebalanceLaunches()).isEqualTo(1);
    }

    /**
     * ECS provider of 2 m5.large (min = max = 2) over a and b, service web of 2 tasks of 2,048 CPU units: one task per
     * m5.large (2 vCPU = 2,048 units). Outage of a from 1 h to 4 h; horizon 6 h = 21,600 s; a container group's
     * instance is in service when it runs and joins (warm-up = launch latency 16.5 s).
     * <ul>
     *   <li>3,600 s: the a host is drained (its task stopped and replaced: it fits nowhere until the group's
     *       replacement id 2, refused by a, then launched in b, joins at 3,616.5 s and takes it).
     *   <li>14,400 s: a reopens: b holds 2, a 0. Both b hosts run a task, so the victim is the one closest to its next
     *       billing hour: ids 1 (launched 0 s) and 2 (3,600 s) are both 0 s into their hour: id 1, the older. New id 3
     *       in a joins at 14,416.5 s, and id 1 is drained (its task replaced, onto the new host: the only room) and
     *       terminates.
     * </ul>
     * Billed seconds: a = 3,600 (id 0) + (21,600 - 14,416.5 = 7,183.5 -> 7,184) (id 3) = 10,784; b = (14,416.5 ->
     * 14,417) (id 1) + (21,600 - 3,616.5 = 17,983.5 -> 17,984) (id 2) = 32,401. Total 43,185 s = $4.3185. web launched
     * 2 + 1 (outage) + 1 (rebalance drain) = 4 tasks, 2 running at the horizon: one per zone.
     */
    @Test
    void zoneOutage_ecsProviderAllHostsBusy_drainsTheVictimAndTheServiceReplacesItsTask() throws Exception {
        RunResult run = run("""
                name: ecs-az-rebalance
                horizon: PT6H
                zones: [us-east-1a, us-east-1b]
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large], min: 2, max: 2}}
                      services:
                        - {name: web, cpu: 2048, memory: 1024, desired: 2, launchType: EC2, capacityProvider: fleet}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """);
        Report r = run.report();

        assertThat(billedSeconds(run, "us-east-1a")).isEqualTo(10_784);
        assertThat(billedSeconds(run, "us-east-1b")).isEqualTo(32_401);
        assertThat(run.bill().total()).isEqualTo(Money.usd("4.3185"));
        FaultReport.Workload fleet = RunChecks.faultLine(r, "prod/fleet");
        assertThat(fleet.azRebalanceLaunches()).isEqualTo(1);
        assertThat(fleet.azRebalanceTerminations()).isEqualTo(1);
        assertThat(RunChecks.workload(r, "web").launched()).isEqualTo(4);
        assertThat(RunChecks.workload(r, "web").running()).isEqualTo(2);
    }

    /**
     * The EKS version: a managed node group of 2 m5.large over a and b, a Deployment of 2 pods of 1,500m CPU (an
     * m5.large allocates 1,930m: 2,000m less kube-reserved 70m, so one pod a node). Same timeline as the ECS case: the
     * evicted pod of the a node waits for the replacement node in b; at 4 h both b nodes run a pod, the older (id 1)
     * is cordoned and drained once the new a node has joined, and its pod is recreated there. Same billed seconds
     * (10,784 in a, 32,401 in b: $4.3185) plus the control plane, 6 h x $0.10 = $0.60 (aws-rules.md item 6): $4.9185.
     */
    @Test
    void zoneOutage_eksManagedNodeGroupAllNodesBusy_drainsTheVictimAndThePodIsRecreated() throws Exception {
        RunResult run = run("""
                name: eks-az-rebalance
                horizon: PT6H
                zones: [us-east-1a, us-east-1b]
                eks:
                  clusters:
                    - name: platform
                      nodePools:
                        - {name: general, kind: managed, instanceTypes: [m5.large], min: 2, max: 2, desired: 2}
                      workloads:
                        - {name: api, kind: Deployment, replicas: 2, requests: {cpu: 1500m, memory: 512Mi}}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """);
        Report r = run.report();

        assertThat(billedSeconds(run, "us-east-1a")).isEqualTo(10_784);
        assertThat(billedSeconds(run, "us-east-1b")).isEqualTo(32_401);
        assertThat(run.bill().total()).isEqualTo(Money.usd("4.9185"));
        assertThat(RunChecks.faultLine(r, "platform/general").azRebalanceTerminations()).isEqualTo(1);
        assertThat(RunChecks.workload(r, "api").running()).isEqualTo(2);
    }
}
