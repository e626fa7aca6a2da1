package dev.fleetsim.scenario;

import static dev.fleetsim.scenario.Loading.assertValid;
import static dev.fleetsim.scenario.Loading.issues;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioValidatorTest {

    private static final String HEAD = "name: t\nhorizon: P1D\n";

    @TempDir
    Path dir;

    @Test
    void validate_misspeltInstanceType_namesThePathAndTheClosestType() {
        // SPEC section 5, the pinned example.
        assertThat(issues(dir, HEAD + "ec2: {instances: [{name: api, type: m5.lrage}]}\n")).containsExactly(
                "ec2.instances[0].type: unknown instance type 'm5.lrage'; did you mean m5.large?");
    }

    @Test
    void validate_threeProblems_reportsAllThree() {
        List<String> lines = issues(dir, """
                name: t
                horizon: -PT1H
                ec2:
                  instances:
                    - {name: api, type: m5.lrage}
                  groups:
                    - {name: web, instanceTypes: [m7g.large], min: 5, max: 2}
                """);
        assertThat(lines).containsExactly(
                "horizon: must be a positive duration, got -PT1H",
                "ec2.instances[0].type: unknown instance type 'm5.lrage'; did you mean m5.large?",
                "ec2.groups[0].min: min 5 is greater than max 2");
    }

    @Test
    void validate_missingNameAndHorizon_areRequired() {
        assertThat(issues(dir, "seed: 3\n")).containsExactly(
                "name: required; e.g. name: quickstart",
                "horizon: required; how long to simulate, e.g. horizon: P1D");
    }

    @Test
    void validate_negativeAndZeroDurations_areRejected() {
        List<String> lines = issues(dir, HEAD + """
                ecs:
                  clusters:
                    - name: c
                      tasks:
                        - {name: t1, launchType: FARGATE, cpu: 256, memory: 512, duration: {fixed: -PT5M}}
                        - {name: t2, launchType: FARGATE, cpu: 256, memory: 512, duration: {fixed: PT0S},
                           arrivals: {every: PT0S, count: 1}}
                """);
        assertThat(lines).containsExactly(
                "ecs.clusters[0].tasks[0].duration.fixed: must be a positive duration, got -PT5M",
                "ecs.clusters[0].tasks[1].duration.fixed: must be a positive duration, got PT0S",
                "ecs.clusters[0].tasks[1].arrivals.every: must be a positive duration, got PT0S");
    }

    @Test
    void validate_fargateSizeOutOfRange_givesTheValidRange() {
        // SPEC section 5, pinned; aws-rules.md item 5: 1 vCPU takes 2-8 GB.
        assertThat(issues(dir, HEAD + "ecs: {clusters: [{name: c, tasks: [{name: etl, launchType: FARGATE, cpu: 1024,"
                + " memory: 9000, duration: {fixed: PT10M}}]}]}\n")).containsExactly(
                "ecs.clusters[0].tasks[0]: 1024 CPU units with 9000 MiB is not a Fargate size; 1 vCPU takes"
                        + " 2048-8192 MiB");
    }

    @Test
    void validate_fargateMemoryOffTheStep_mentionsTheStep() {
        // aws-rules.md item 5: 8 vCPU takes 16-60 GB in 4 GB steps; 20000 MiB is inside the range, off the step.
        assertThat(issues(dir, HEAD + "ecs: {clusters: [{name: c, tasks: [{name: etl, launchType: FARGATE, cpu: 8192,"
                + " memory: 20000, duration: {fixed: PT10M}}]}]}\n")).containsExactly(
                "ecs.clusters[0].tasks[0]: 8192 CPU units with 20000 MiB is not a Fargate size; 8 vCPU takes"
                        + " 16384-61440 MiB in 4096 MiB steps");
    }

    @Test
    void validate_fargateWindowsAndStorage_followTheLimits() {
        // aws-rules.md item 5: Windows takes 1, 2 or 4 vCPU; ephemeral storage at most 200 GiB on ECS.
        List<String> lines = issues(dir, HEAD + """
                ecs:
                  clusters:
                    - name: c
                      capacityProviders: [{name: FARGATE_SPOT}]
                      tasks:
                        - {name: w, launchType: FARGATE, os: windows, cpu: 8192, memory: 16384,
                           duration: {fixed: PT1H}, ephemeralStorageGiB: 250}
                        - {name: s, launchType: FARGATE_SPOT, os: windows, cpu: 1024, memory: 2048,
                           duration: {fixed: PT1H}}
                """);
        assertThat(lines).containsExactly(
                "ecs.clusters[0].tasks[0]: 8192 CPU units is not a Fargate size; Windows tasks take 1024, 2048 or 4096"
                        + " CPU units (1, 2 or 4 vCPU)",
                "ecs.clusters[0].tasks[0].ephemeralStorageGiB: 250 is out of range; allowed: 20 to 200",
                "ecs.clusters[0].tasks[1].os: Fargate Spot runs Linux tasks only; use FARGATE for Windows");
    }

    @Test
    void validate_zonesOutsideTheRegion_areRejected() {
        assertThat(issues(dir, HEAD + "region: eu-west-1\nzones: [eu-west-1a, us-east-1a]\n")).containsExactly(
                "zones[1]: 'us-east-1a' is not a zone of region eu-west-1; zones are the region's name and a letter,"
                        + " e.g. eu-west-1a");
    }

    @Test
    void validate_instanceZoneNotInScenarioZones_isRejected() {
        assertThat(issues(dir, HEAD + "zones: [us-east-1a, us-east-1b]\nec2: {instances: [{name: a, type: m5.large,"
                + " zone: us-east-1d}]}\n")).containsExactly(
                "ec2.instances[0].zone: zone 'us-east-1d' is not one of the scenario's zones; zones: us-east-1a,"
                        + " us-east-1b");
    }

    @Test
    void validate_groupDesiredOutsideMinMax_isRejected() {
        assertThat(issues(dir, HEAD + "ec2: {groups: [{name: g, instanceTypes: [m5.large], min: 2, max: 4,"
                + " desired: 9}]}\n")).containsExactly("ec2.groups[0].desired: desired 9 is outside min..max (2..4)");
    }

    @Test
    void validate_scalingSignal_mustNameADemandSignal() {
        assertThat(issues(dir, HEAD + """
                demand:
                  web-rps: {constant: 100}
                ec2:
                  groups:
                    - name: g
                      instanceTypes: [m5.large]
                      min: 1
                      max: 4
                      scaling: {signal: web-rsp, perInstance: 50, targetUtilization: 0.6}
                """)).containsExactly("ec2.groups[0].scaling.signal: no demand signal named 'web-rsp'; did you mean"
                + " web-rps? signals: web-rps");
    }

    @Test
    void validate_clusterPlacementGroupOverThreeZones_isRejected() {
        // aws-rules.md item 9: a cluster placement group is in one AZ.
        assertThat(issues(dir, HEAD + "ec2: {groups: [{name: g, instanceTypes: [c5.large], min: 1, max: 4,"
                + " placementGroup: {strategy: cluster}}]}\n")).containsExactly(
                "ec2.groups[0].placementGroup: a cluster placement group lives in one zone, but the group spans 3;"
                        + " give the group one zone, e.g. zones: [us-east-1a]");
    }

    @Test
    void validate_spreadGroupOverItsLimit_isRejected() {
        // aws-rules.md E15: spread over 3 AZs holds at most 7 x 3 = 21 instances, so max 22 cannot be reached.
        assertThat(issues(dir, HEAD + "ec2: {groups: [{name: g, instanceTypes: [c5.large], min: 1, max: 22,"
                + " placementGroup: {strategy: spread}}]}\n")).containsExactly(
                "ec2.groups[0].max: max 22 cannot be reached: a spread placement group holds at most 7 instances per"
                        + " zone, 21 in 3 zones; lower max or use a partition placement group");
        assertValid(dir, HEAD + "ec2: {groups: [{name: g, instanceTypes: [c5.large], min: 1, max: 21,"
                + " placementGroup: {strategy: spread}}]}\n");
    }

    @Test
    void validate_windowsOnGraviton_isRejected() {
        assertThat(issues(dir, HEAD + "ec2: {instances: [{name: a, type: m7g.large, os: windows}]}\n"))
                .containsExactly("ec2.instances[0].os: Windows does not run on arm64 (Graviton) instance types such as"
                        + " m7g.large; use an x86_64 type or os: linux");
    }

    @Test
    void validate_serviceStrategy_mustNameProvidersOfTheCluster() {
        List<String> lines = issues(dir, HEAD + """
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders: [{name: FARGATE}]
                      services:
                        - name: web
                          cpu: 512
                          memory: 1024
                          strategy: [{provider: FARGATE, base: 2, weight: 1}, {provider: FARGATE_SPOT, weight: 3}]
                """);
        assertThat(lines).containsExactly("ecs.clusters[0].services[0].strategy[1].provider: the cluster has no"
                + " capacity provider 'FARGATE_SPOT'; add {name: FARGATE_SPOT} to ecs.clusters[0].capacityProviders");
    }

    @Test
    void validate_strategyMixingFargateAndGroups_isRejected() {
        List<String> lines = issues(dir, HEAD + """
                ecs:
                  clusters:
                    - name: prod
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.xlarge], min: 0, max: 10}}
                        - {name: FARGATE}
                      services:
                        - {name: web, cpu: 512, memory: 1024,
                           strategy: [{provider: FARGATE, base: 1}, {provider: fleet, base: 1}]}
                """);
        assertThat(lines).containsExactly(
                "ecs.clusters[0].services[0].strategy: more than one provider has a base; only one provider in a"
                        + " strategy may have one",
                "ecs.clusters[0].services[0].strategy: mixes Fargate and Auto Scaling group providers; a strategy"
                        + " holds only Fargate providers or only Auto Scaling group providers");
    }

    @Test
    void validate_ec2TaskTooBigForItsProvider_namesTheLargestType() {
        // m5.large has 2 vCPU (2048 CPU units) and 8 GiB (8192 MiB); the task asks for 4096 units.
        assertThat(issues(dir, HEAD + """
                ecs:
                  clusters:
                    - name: c
                      capacityProviders: [{name: fleet, group: {instanceTypes: [m5.large], min: 0, max: 3}}]
                      tasks:
                        - {name: big, launchType: EC2, capacityProvider: fleet, cpu: 4096, memory: 2048,
                           duration: {fixed: PT1H}}
                """)).containsExactly("ecs.clusters[0].tasks[0]: 4096 CPU units and 2048 MiB fit no instance type of"
                + " provider fleet; its largest x86_64 type m5.large has 2048 CPU units and 8192 MiB");
    }

    @Test
    void validate_ec2LaunchTypeWithoutProvider_isRejected() {
        assertThat(issues(dir, HEAD + "ecs: {clusters: [{name: c, tasks: [{name: t, launchType: EC2, cpu: 256,"
                + " memory: 512, duration: {fixed: PT1M}}]}]}\n")).containsExactly(
                "ecs.clusters[0].tasks[0].capacityProvider: required; with launchType EC2, name an Auto Scaling group"
                        + " provider of the cluster");
    }

    @Test
    void validate_arrivalsWithTwoForms_isRejected() {
        assertThat(issues(dir, HEAD + "ecs: {clusters: [{name: c, tasks: [{name: t, launchType: FARGATE, cpu: 256,"
                + " memory: 512, duration: {fixed: PT1M}, arrivals: {every: PT1H, poisson: {ratePerHour: 3}}}]}]}\n"))
                .singleElement().asString()
                .startsWith("ecs.clusters[0].tasks[0].arrivals: more than one arrival process; give exactly one of");
    }

    @Test
    void validate_faultTargets_mustResolveToSpotCapacity() {
        List<String> lines = issues(dir, HEAD + """
                ec2:
                  instances:
                    - {name: api, type: r5.4xlarge, count: 4}
                    - {name: worker, type: m5.large, market: spot}
                faults:
                  - {kind: spot-interruption, target: api, at: PT30M}
                  - {kind: spot-interruption, target: wroker, at: PT30M}
                  - {kind: spot-interruption, target: worker, at: PT30M}
                """);
        assertThat(lines).containsExactly(
                "faults[0].target: 'api' (EC2 instance) runs no Spot capacity, and only Spot capacity is interrupted;"
                        + " give it Spot capacity (market: spot, FARGATE_SPOT, or a mix below 100% On-Demand)",
                "faults[1].target: nothing is named 'wroker'; did you mean worker? names: api, worker");
    }

    @Test
    void validate_zoneOutage_needsAScenarioZoneAndADuration() {
        assertThat(issues(dir, HEAD + "faults: [{kind: zone-outage, zone: us-west-2a, at: PT1H}]\n")).containsExactly(
                "faults[0].zone: zone 'us-west-2a' is not one of the scenario's zones; zones: us-east-1a, us-east-1b,"
                        + " us-east-1c",
                "faults[0].duration: required; e.g. duration: PT3H");
    }

    @Test
    void validate_capacityPools_checkTypeZoneMaxAndRepeats() {
        List<String> lines = issues(dir, HEAD + """
                capacity:
                  pools:
                    - {type: m5.lrage, zone: us-east-1a, max: 2}
                    - {type: m5.large, zone: us-west-2a, max: -1}
                    - {type: m5.large, zone: us-east-1a, market: spot, max: 3}
                    - {type: m5.large, zone: us-east-1a, market: spot, max: 4}
                    - {type: m5.large, zone: us-east-1a}
                    - {type: m5.large, zone: us-east-1b, mx: 4}
                """);
        assertThat(lines).containsExactly(
                "capacity.pools[0].type: unknown instance type 'm5.lrage'; did you mean m5.large?",
                "capacity.pools[1].zone: zone 'us-west-2a' is not one of the scenario's zones; zones: us-east-1a,"
                        + " us-east-1b, us-east-1c",
                "capacity.pools[1].max: -1 is out of range; allowed: 0 to 1000000",
                "capacity.pools[3]: the pool 'm5.large' in 'us-east-1a' (spot) is limited twice; keep one entry per"
                        + " type, zone and market",
                "capacity.pools[4].max: required; the most instances of the pool at once, e.g. max: 10",
                "capacity.pools[5].mx: unknown key; did you mean max? valid keys: type, zone, market, max");
    }

    @Test
    void validate_hostFailureRate_isAtMostOnePerRunningHour() {
        assertThat(issues(dir, HEAD + "faults: [{kind: host-failures, perInstancePerYear: 8761}]\n")).containsExactly(
                "faults[0].perInstancePerYear: 8761.0 failures per instance-year is more than one per running hour;"
                        + " at most 8760; e.g. 0.02");
        assertValid(dir, HEAD + "faults: [{kind: host-failures, perInstancePerYear: 8760}]\n");
    }

    @Test
    void validate_capacityPoolsWithAndWithoutMarket_areValid() {
        assertValid(dir, HEAD + """
                capacity:
                  pools:
                    - {type: m5.large, zone: us-east-1a, max: 2}
                    - {type: m5.large, zone: us-east-1a, market: on-demand, max: 1}
                    - {type: m5.large, zone: us-east-1a, market: spot, max: 0}
                """);
    }

    @Test
    void validate_zonalRi_needsAScenarioZone_andEc2InstancePlan_needsAFamily() {
        List<String> lines = issues(dir, HEAD + """
                pricing:
                  reservedInstances:
                    - {type: c5.large, count: 4, scope: zone, zone: us-east-1f}
                    - {type: m5.large, scope: zone}
                  savingsPlans:
                    - {kind: ec2-instance, commitment: "3.00"}
                    - {kind: ec2-instance, family: r55, commitment: "3.00"}
                """);
        assertThat(lines).containsExactly(
                "pricing.reservedInstances[0].zone: zone 'us-east-1f' is not one of the scenario's zones; zones:"
                        + " us-east-1a, us-east-1b, us-east-1c",
                "pricing.reservedInstances[1].zone: required; a zonal RI names its zone",
                "pricing.savingsPlans[0].family: required; an EC2 Instance Savings Plan covers one family, e.g."
                        + " family: r5",
                "pricing.savingsPlans[1].family: unknown instance family 'r55'; did you mean r5, r5a or r5b?");
    }

    @Test
    void validate_commitmentFinerThanAMill_isRejected() {
        assertThat(issues(dir, HEAD + "pricing: {savingsPlans: [{kind: compute, commitment: \"1.0005\"}]}\n"))
                .containsExactly("pricing.savingsPlans[0].commitment: 1.0005 is finer than $0.001; Savings Plan"
                        + " commitments are bought in steps of $0.001 per hour");
    }

    @Test
    void validate_fargateRateWithReserved_isRejected() {
        // aws-rules.md item 3: RIs and EC2 Instance Savings Plans do not cover Fargate.
        assertThat(issues(dir, HEAD + "pricing: {rates: [{match: {service: fargate, arch: x86_64, unit: vcpu-hour},"
                + " onDemand: \"0.04\", reserved: \"0.03\"}]}\n")).containsExactly(
                "pricing.rates[0].reserved: does not apply to Fargate; remove it");
    }

    @Test
    void validate_duplicateWorkloadNames_areRejected() {
        assertThat(issues(dir, HEAD + "ec2: {instances: [{name: a, type: m5.large}], groups: [{name: a,"
                + " instanceTypes: [m5.large], min: 0, max: 1}]}\n")).containsExactly(
                "ec2.groups[0].name: the name 'a' is already used by ec2.instances[0]; rename one");
    }

    @Test
    void validate_traceFile_mustExistWithTheNamedColumns() {
        Loading.write(dir, "rps.csv", "minute,requests\nPT0S,10\nPT5M,20\n");
        assertThat(issues(dir, HEAD + "demand: {batch: {trace: {file: missing.csv, time: t, value: rps}}}\n"))
                .singleElement().asString().startsWith("demand.batch.trace.file: no such file: ");
        assertThat(issues(dir, HEAD + "demand: {batch: {trace: {file: rps.csv, time: minute, value: rps}}}\n"))
                .containsExactly("demand.batch.trace.file: rps.csv has no column 'rps'; its columns are minute,"
                        + " requests");
        assertValid(dir, HEAD + "demand: {batch: {trace: {file: rps.csv, time: minute, value: requests}}}\n");
    }

    @Test
    void validate_eksWorkloads_checkKindsAndFargateProfiles() {
        List<String> lines = issues(dir, HEAD + """
                eks:
                  clusters:
                    - name: platform
                      nodePools:
                        - {name: general, kind: managed, instanceTypes: [m5.large], min: 1, max: 10}
                        - {name: serverless, kind: fargate, namespaces: [batch]}
                      workloads:
                        - {name: agent, kind: DaemonSet, namespace: batch, requests: {cpu: 100m, memory: 128Mi}}
                        - {name: huge, kind: Deployment, replicas: 1, requests: {cpu: "3", memory: 4Gi}}
                        - {name: report, kind: Job, namespace: batch, requests: {cpu: 250m, memory: 768Mi}}
                """);
        // m5.large: 2 vCPU, 8 GiB; 3 cores fit nowhere. A Job needs a duration.
        assertThat(lines).containsExactly(
                "eks.clusters[0].workloads[0].namespace: DaemonSets do not run on Fargate, and namespace 'batch' is"
                        + " served by a Fargate profile; use another namespace",
                "eks.clusters[0].workloads[1].requests: no node pool has an instance type with 3000m cpu and 4096 MiB;"
                        + " lower the requests or add a larger instance type",
                "eks.clusters[0].workloads[2].duration: required; e.g. duration: {fixed: PT10M}");
    }

    @Test
    void validate_processorOverrides_mustNameAMicroarchitecture() {
        assertThat(issues(dir, HEAD + "processors: {graviton3: 1.5, gravitn4: 2.0}\n")).singleElement().asString()
                .startsWith("processors.gravitn4: unknown processor 'gravitn4'; did you mean graviton4?");
    }

    @Test
    void validate_memberOfSyntaxError_namesTheColumn() {
        // aws-rules.md item 7: the cluster query language; '==' needs a value.
        assertThat(issues(dir, HEAD + """
                ecs:
                  clusters:
                    - name: c
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large], min: 1, max: 1}}
                      tasks:
                        - {name: t, launchType: EC2, capacityProvider: fleet, cpu: 512, memory: 512,
                           duration: {fixed: PT1M},
                           placement: {constraints: [{memberOf: "attribute:ecs.instance-type =="}]}}
                """)).containsExactly("ecs.clusters[0].tasks[0].placement.constraints[0].memberOf: expression ended;"
                + " expected a value after '==' at column 31 of 'attribute:ecs.instance-type =='; the ECS cluster"
                + " query language, e.g. \"attribute:ecs.instance-type =~ m5.*\"");
    }

    @Test
    void validate_nodePoolSettingAWellKnownLabel_isRefused() {
        assertThat(issues(dir, HEAD + """
                eks:
                  clusters:
                    - name: k
                      nodePools:
                        - {name: p, kind: managed, instanceTypes: [m5.large], min: 1, max: 1,
                           labels: {topology.kubernetes.io/zone: us-east-1a, team: web}}
                """)).containsExactly("eks.clusters[0].nodePools[0].labels.\"topology.kubernetes.io/zone\": is a"
                + " well-known label the node gets from its type, zone and OS; remove it; select on it with"
                + " nodeSelector instead");
    }
}
