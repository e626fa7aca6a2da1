package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Money;
import dev.fleetsim.report.FaultReport;
import dev.fleetsim.report.Report;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import org.junit.jupiter.api.Test;

/**
 * Zone outages, host failures and capacity pools on container capacity (ECS capacity providers, EKS managed node
 * groups, Karpenter pools, Fargate tasks and pods). m5.large and m5a.large at $0.36 an hour = $0.0001 a second; launch latency 16.5 s; each run bills whole
 * seconds, rounded up (BilledDuration).
 */
final class ContainerFaultsRunTest {

    private static final String RATES = """
            pricing:
              rates:
                - {match: {type: m5.large, os: linux, tenancy: shared}, onDemand: "0.36"}
                - {match: {type: m5a.large, os: linux, tenancy: shared}, onDemand: "0.36"}
            """;

    private static RunResult run(String yaml) throws Exception {
        RunResult r = RunChecks.run(yaml + RATES);
        assertThat(r.notSimulated()).isEmpty();
        return r;
    }

    /**
     * ECS provider of 2 m5.large over 1a and 1b (one each), service web of 2 tasks (1024 units, 1024 MiB), one per
     * instance. Outage of 1a from 1 h to 4 h: the 1a container instance is cordoned, its task stopped and replaced
     * (it fits beside the other on the 1b m5.large: 2,048 units, 8 GiB), and the instance terminates; the group
     * replaces it, refused in 1a (ICE), launched in 1b, running at 3,616.5 s. At 4 h 1a reopens and AZ rebalancing
     * moves one instance back (1b holds 2, 1a 0): a new one in 1a, running and joined at 14,416.5 s (in service: the
     * container group's warm-up is the launch latency), then the idle 1b host goes (hosts with tasks go last), the
     * replacement of 3,616.5 s: no overlap is billed. Billed seconds: 3,600 (1a, to the outage) + 21,600 (1b) +
     * (14,416.5 - 3,616.5 = 10,800) + (21,600 - 14,416.5 = 7,183.5 -> 7,184) = 43,184 -> $4.3184.
     */
    @Test
    void zoneOutage_ecsProvider_drainsTheHostAndTheGroupReplacesItInTheOtherZone() throws Exception {
        RunResult run = run("""
                name: ecs-outage
                horizon: PT6H
                zones: [us-east-1a, us-east-1b]
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large], min: 2, max: 2}}
                      services:
                        - {name: web, cpu: 1024, memory: 1024, desired: 2, launchType: EC2, capacityProvider: fleet}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """);
        Report r = run.report();

        FaultReport.Workload fleet = RunChecks.faultLine(r, "prod/fleet");
        assertThat(fleet.kind()).isEqualTo("ecs-capacity-provider");
        assertThat(fleet.outageFailures()).isEqualTo(1);
        assertThat(fleet.replacements()).isEqualTo(1);
        assertThat(fleet.insufficientCapacityErrors()).isEqualTo(1);
        assertThat(fleet.azRebalanceLaunches()).isEqualTo(1);
        assertThat(fleet.azRebalanceTerminations()).isEqualTo(1);
        // web: 2 tasks at 0, the one on the failed host replaced: 3 launched, 2 running at the horizon.
        assertThat(RunChecks.workload(r, "web").launched()).isEqualTo(3);
        assertThat(RunChecks.workload(r, "web").running()).isEqualTo(2);
        assertThat(run.bill().total()).isEqualTo(Money.usd("4.3184"));
    }

    /**
     * EKS managed node group of 2 m5.large over 1a and 1b, a Deployment of 2 pods. Outage of 1a from 1 h for 3 h: the
     * 1a node is cordoned and drained, its pod recreated on the 1b node, the node replaced in 1b; at 4 h the idle
     * replacement moves back to 1a (AZ rebalancing) as in the ECS case. Same billed seconds as the ECS case, plus the
     * control plane: 6 h x $0.10 = $0.60 (aws-rules.md item 6): $4.9184.
     */
    @Test
    void zoneOutage_eksNodeGroup_drainsTheNodeAndTheGroupReplacesIt() throws Exception {
        RunResult run = run("""
                name: eks-outage
                horizon: PT6H
                zones: [us-east-1a, us-east-1b]
                eks:
                  clusters:
                    - name: platform
                      nodePools:
                        - {name: general, kind: managed, instanceTypes: [m5.large], min: 2, max: 2, desired: 2}
                      workloads:
                        - {name: api, kind: Deployment, replicas: 2, requests: {cpu: 500m, memory: 512Mi}}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """);
        Report r = run.report();

        FaultReport.Workload general = RunChecks.faultLine(r, "platform/general");
        assertThat(general.outageFailures()).isEqualTo(1);
        assertThat(general.replacements()).isEqualTo(1);
        assertThat(general.azRebalanceLaunches()).isEqualTo(1);
        assertThat(RunChecks.workload(r, "api").running()).isEqualTo(2);
        assertThat(run.bill().total()).isEqualTo(Money.usd("4.9184"));
    }

    /**
     * Pool m5.large in us-east-1a capped at 0: an ECS provider preferring m5.large in that one zone gets
     * InsufficientInstanceCapacity twice and runs 2 m5a.large for the hour.
     */
    @Test
    void capacityPool_ecsProviderFallsBackToItsSecondType() throws Exception {
        Report r = run("""
                name: ecs-pool
                horizon: PT1H
                zones: [us-east-1a]
                capacity:
                  pools:
                    - {type: m5.large, zone: us-east-1a, max: 0}
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large, m5a.large], min: 2, max: 2}}
                """).report();

        assertThat(RunChecks.faultLine(r, "prod/fleet").insufficientCapacityErrors()).isEqualTo(2);
        assertThat(r.capacity().instanceHours()).containsEntry("m5a.large", 2.0).doesNotContainKey("m5.large");
    }

    /**
     * Host failures on an ECS provider of 20 instances for 30 days at 12 a year: expected failures 20 x 30/365 x 12
     * = 19.7 (exposure less 16.5 s per replacement, negligible), standard deviation 4.4; four of them: [2, 37]. Each
     * failure brings one replacement; the service keeps its tasks running.
     */
    @Test
    void hostFailures_ecsProvider_replacesEveryFailedInstance() throws Exception {
        String yaml = """
                name: ecs-failures
                horizon: P30D
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large], min: 20, max: 20}}
                      services:
                        - {name: web, cpu: 1024, memory: 1024, desired: 20, launchType: EC2, capacityProvider: fleet}
                faults:
                  - {kind: host-failures, perInstancePerYear: 12, target: fleet}
                """;
        Report r = run(yaml).report();

        FaultReport.Workload fleet = RunChecks.faultLine(r, "prod/fleet");
        assertThat(fleet.hostFailures()).isBetween(2L, 37L);
        assertThat(fleet.replacements()).isEqualTo(fleet.hostFailures());
        assertThat(RunChecks.workload(r, "web").running()).isEqualTo(20);
        RunChecks.assertReproducible(yaml + RATES);
    }

    /**
     * A host-failures fault naming a Karpenter pool hits that pool's nodes only (the karpenter.sh/nodepool label).
     * Two On-Demand pools of m5.large, web and jobs, each holding one 1-vCPU pod per node (4 nodes each: an m5.large
     * has 2,000m less 70m kube-reserved, room for one such pod, not two), for 20 days (under expireAfter's 30 days).
     * Failures of web at 100 a year: expected 4 x 20/365 x 100 = 21.9, standard deviation 4.7; four of them:
     * [3, 41]. Every web failure is a node Karpenter counts as lost, and the pod on it is recreated (front launches
     * more than its 4); jobs loses nothing and back keeps its first 4 pods.
     */
    @Test
    void hostFailures_karpenterPool_failsThatPoolsNodesOnly() throws Exception {
        String yaml = """
                name: karpenter-failures
                horizon: P20D
                zones: [us-east-1a]
                eks:
                  clusters:
                    - name: platform
                      nodePools:
                        - {name: web, kind: karpenter, instanceTypes: [m5.large], labels: {pool: web}}
                        - {name: jobs, kind: karpenter, instanceTypes: [m5.large], labels: {pool: jobs}}
                      workloads:
                        - name: front
                          kind: Deployment
                          replicas: 4
                          requests: {cpu: "1", memory: 1Gi}
                          nodeSelector: {pool: web}
                        - name: back
                          kind: Deployment
                          replicas: 4
                          requests: {cpu: "1", memory: 1Gi}
                          nodeSelector: {pool: jobs}
                faults:
                  - {kind: host-failures, perInstancePerYear: 100, target: web}
                """;
        RunResult run = run(yaml);
        Report r = run.report();

        FaultReport.Workload nodes = RunChecks.faultLine(r, "platform/platform-node");
        assertThat(nodes.kind()).isEqualTo(CapacityLine.EKS_PROVISIONED_NODES);
        assertThat(nodes.hostFailures()).isBetween(3L, 41L);
        assertThat(pool(r, "web").lost()).isEqualTo(nodes.hostFailures());
        assertThat(pool(r, "jobs").lost()).isZero();
        assertThat(RunChecks.workload(r, "front").launched()).isGreaterThan(4);
        assertThat(RunChecks.workload(r, "back").launched()).isEqualTo(4);
        assertThat(RunChecks.workload(r, "back").running()).isEqualTo(4);
        RunChecks.assertReproducible(yaml + RATES);
    }

    private static final String FARGATE_RATES = """
            pricing:
              rates:
                - {match: {service: fargate, arch: x86_64, unit: vcpu-hour}, onDemand: "1.00"}
                - {match: {service: fargate, arch: x86_64, unit: gb-hour}, onDemand: "0.10"}
            """;

    /**
     * ECS Fargate (aws-rules.md item 7: Fargate spreads tasks across AZs; reading: round-robin over the scenario's
     * zones). Tasks of 0.25 vCPU / 0.5 GB at the fixed rates: 0.25 x 1.00 + 0.5 x 0.10 = $0.30 an hour. Service web
     * of 3 starts in 1a, 1b, 1c; the standalone task report (5 h) in 1a (its own round-robin). Outage of 1a from
     * 1 h for 3 h, horizon 6 h: web's 1a task stops at 1 h (1 h billed) and its replacement starts at 1 h in 1b (the
     * next zone, 1a being out): 6 + 6 + 1 + 5 = 18 task-hours; report stops at 1 h and is not replaced: 1 task-hour
     * (5 without the outage). 19 x $0.30 = $5.70 (without the outage: 23 x 0.30 = $6.90).
     */
    @Test
    void zoneOutage_ecsFargate_stopsTheZonesTasks_theServiceReplacesItsInAnotherZone() throws Exception {
        RunResult run = RunChecks.run("""
                name: fargate-outage
                horizon: PT6H
                zones: [us-east-1a, us-east-1b, us-east-1c]
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE}]
                      services:
                        - {name: web, cpu: 256, memory: 512, desired: 3, launchType: FARGATE}
                      tasks:
                        - name: report
                          cpu: 256
                          memory: 512
                          launchType: FARGATE
                          arrivals: {at: [PT0S]}
                          duration: {fixed: PT5H}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """ + FARGATE_RATES);
        assertThat(run.notSimulated()).isEmpty();
        Report r = run.report();
        WorkloadReport web = RunChecks.workload(r, "web");
        assertThat(web.launched()).isEqualTo(4);
        assertThat(web.interrupted()).isEqualTo(1);
        assertThat(web.metrics().replacements()).isEqualTo(1);
        assertThat(web.running()).isEqualTo(3);
        WorkloadReport report = RunChecks.workload(r, "report");
        assertThat(report.launched()).isEqualTo(1);
        assertThat(report.interrupted()).isEqualTo(1);
        assertThat(report.completed()).isZero();
        assertThat(run.bill().total()).isEqualTo(Money.usd("5.70"));
    }

    /**
     * A service split over FARGATE (base 1, weight 0) and FARGATE_SPOT (weight 1), desired 2: one task on each
     * (ProviderSplit). The split is fleetsim's; to ECS it is one service, whose tasks Fargate spreads across AZs
     * (aws-rules.md item 7): the FARGATE task in 1a, the FARGATE_SPOT task in 1b. Outage of 1a from 1 h for 1 h: only
     * the FARGATE task stops, its replacement starts in 1b: launched 3, interrupted 1, running 2. (Spread per provider
     * instead, both tasks would sit in 1a and the outage would take the whole service down.) Bill: On-Demand 1 vCPU /
     * 2 GB at 1.00 + 2 x 0.10 = $1.20 an hour for 1 h + 2 h, Spot 0.30 + 2 x 0.03 = $0.36 an hour for 3 h:
     * 3.60 + 1.08 = $4.68.
     */
    @Test
    void zoneOutage_ecsServiceSplitOverFargateAndFargateSpot_spreadsTheServiceAsOne() throws Exception {
        RunResult run = RunChecks.run("""
                name: fargate-split-outage
                horizon: PT3H
                zones: [us-east-1a, us-east-1b]
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE}, {name: FARGATE_SPOT}]
                      services:
                        - name: web
                          cpu: 1024
                          memory: 2048
                          desired: 2
                          strategy: [{provider: FARGATE, base: 1, weight: 0}, {provider: FARGATE_SPOT, weight: 1}]
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT1H}
                pricing:
                  rates:
                    - {match: {service: fargate, arch: x86_64, unit: vcpu-hour}, onDemand: "1.00", spot: "0.30"}
                    - {match: {service: fargate, arch: x86_64, unit: gb-hour}, onDemand: "0.10", spot: "0.03"}
                  spot: {interruptions: none}
                """);
        WorkloadReport web = RunChecks.workload(run.report(), "web");
        assertThat(web.interrupted()).isEqualTo(1);
        assertThat(web.launched()).isEqualTo(3);
        assertThat(web.running()).isEqualTo(2);
        assertThat(run.bill().total()).isEqualTo(Money.usd("4.68"));
    }

    /**
     * EKS Fargate pod of a Job: requests 250m / 256Mi + 256 MiB = 0.25 vCPU / 0.5 GB (aws-rules.md item 6, pod
     * sizing), $0.30 an hour as above; 2 h, starts at 0 in 1a (the profile's zones default to the scenario's). Outage
     * of 1a at 1 h: the pod stops (1 h billed) and, as after a node drain, the Job's new pod runs again from the start
     * in 1b, 1 h to 3 h. 3 pod-hours x $0.30 = $0.90, plus the control plane 6 h x $0.10 (aws-rules.md item 6):
     * $1.50.
     */
    @Test
    void zoneOutage_eksFargatePod_theJobsPodRunsAgainInAnotherZone() throws Exception {
        RunResult run = RunChecks.run("""
                name: fargate-pod-outage
                horizon: PT6H
                zones: [us-east-1a, us-east-1b, us-east-1c]
                eks:
                  clusters:
                    - name: platform
                      nodePools:
                        - {name: serverless, kind: fargate, namespaces: [batch]}
                      workloads:
                        - name: etl
                          kind: Job
                          namespace: batch
                          requests: {cpu: 250m, memory: 256Mi}
                          arrivals: {at: [PT0S]}
                          duration: {fixed: PT2H}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT1H, duration: PT3H}
                """ + FARGATE_RATES);
        assertThat(run.notSimulated()).isEmpty();
        WorkloadReport etl = RunChecks.workload(run.report(), "etl");
        assertThat(etl.launched()).isEqualTo(2);
        assertThat(etl.interrupted()).isEqualTo(1);
        assertThat(etl.metrics().replacements()).isEqualTo(1);
        assertThat(etl.completed()).isEqualTo(1);
        assertThat(run.bill().total()).isEqualTo(Money.usd("1.50"));
    }

    private static dev.fleetsim.report.KarpenterPoolReport pool(Report r, String name) {
        return r.karpenter().stream().filter(p -> p.pool().equals(name)).findFirst().orElseThrow();
    }
}
