package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.report.WorkloadMetrics;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of whole runs with workload dynamics over random scenarios: service auto scaling and an HPA on a random
 * step demand, rolling deployments with random bounds and times, Fargate Spot under the hazard and a forced fault.
 * Every launched task is in one state at the horizon, no run is left open, the bill's breakdowns sum to its total,
 * served demand never exceeds demand, and a run is byte-for-byte reproducible.
 */
final class ContainerDynamicsProperties {

    @Property(tries = 30)
    void tasksConserved_runsClosed_demandBounded(@ForAll("scenarios") String yaml) throws Exception {
        RunResult result = RunChecks.run(yaml);
        assertThat(result.usage().openRuns()).isZero();
        for (WorkloadReport w : result.report().workloads()) {
            assertThat(w.launched()).as("%s in%n%s", w, yaml)
                    .isEqualTo(w.completed() + w.running() + w.pending() + w.interrupted());
            WorkloadMetrics m = w.metrics();
            if (m != null && m.demand() != null) {
                assertThat(m.demand().served()).isLessThanOrEqualTo(m.demand().requests() + 1e-6);
                assertThat(m.demand().unservedShare()).isBetween(0.0, 1.0);
            }
            if (m != null) {
                assertThat(m.maxPendingWait()).isLessThanOrEqualTo(result.report().horizon());
                for (WorkloadMetrics.Deployment d : m.deployments()) {
                    assertThat(d.took() == null || !d.took().isNegative()).isTrue();
                }
            }
        }
        Bill bill = result.bill();
        assertThat(RunChecks.sum(bill.byService())).isEqualTo(bill.total());
        assertThat(RunChecks.sum(bill.byPricingModel())).isEqualTo(bill.total());
    }

    @Property(tries = 10)
    void sameScenarioAndSeed_giveByteIdenticalReports(@ForAll("scenarios") String yaml) throws Exception {
        RunChecks.assertReproducible(yaml);
    }

    @Provide
    Arbitrary<String> scenarios() {
        Arbitrary<String> demand = Combinators.combine(Arbitraries.integers().between(0, 2000),
                Arbitraries.integers().between(1, 89), Arbitraries.integers().between(0, 2000))
                .as((a, at, b) -> "demand:\n  rps: {steps: [{at: PT0S, value: " + a + "}, {at: PT" + at
                        + "M, value: " + b + "}]}\n");
        Arbitrary<String> ecs = Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.integers().between(0, 8), Arbitraries.integers().between(0, 100),
                Arbitraries.integers().between(200, 250), Arbitraries.integers().between(1, 89),
                Arbitraries.integers().between(1, 89))
                .as((instances, desired, minHealthy, max, deployAt, faultAt) -> "ecs:\n  clusters:\n    - name: c\n"
                        + "      capacityProviders:\n"
                        + "        - {name: fleet, group: {instanceTypes: [m5.large], min: 0, max: 3, desired: "
                        + instances + "}}\n"
                        + "        - {name: FARGATE}\n        - {name: FARGATE_SPOT}\n      services:\n"
                        + "        - {name: web, cpu: 512, memory: 1024, desired: " + desired
                        + ", strategy: [{provider: FARGATE, base: 1, weight: 1}, {provider: FARGATE_SPOT, weight: 2}],"
                        + " autoscaling: {signal: rps, perTask: 100, targetUtilization: 0.6, min: 1, max: 25},"
                        + " deployment: {at: [PT" + deployAt + "M], minimumHealthyPercent: " + minHealthy
                        + ", maximumPercent: " + max + "}}\n"
                        + "        - {name: api, cpu: 1024, memory: 2048, desired: " + Math.min(desired, 4)
                        + ", launchType: EC2, capacityProvider: fleet, deployment: {at: [PT" + deployAt + "M, PT"
                        + faultAt + "M]}}\n"
                        + "      tasks:\n"
                        + "        - {name: batch, launchType: FARGATE_SPOT, cpu: 256, memory: 512,"
                        + " arrivals: {every: PT10M, count: 2}, duration: {fixed: PT25M}}\n"
                        + "faults:\n  - {kind: spot-interruption, target: web, at: PT" + faultAt + "M}\n"
                        + "  - {kind: spot-interruption, target: batch, at: PT" + deployAt + "M}\n");
        Arbitrary<String> eks = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 10), Arbitraries.of("default", "batch"))
                .as((nodes, replicas, ns) -> "eks:\n  clusters:\n    - name: k\n      nodePools:\n"
                        + "        - {name: general, kind: managed, instanceTypes: [m5.large], min: 0, max: 2, desired: "
                        + nodes + "}\n        - {name: serverless, kind: fargate, namespaces: [batch]}\n"
                        + "      workloads:\n        - {name: api, kind: Deployment, namespace: " + ns
                        + ", replicas: " + replicas + ", requests: {cpu: 250m, memory: 256Mi},"
                        + " autoscaling: {signal: rps, perPod: 100, targetUtilization: 0.5, min: 1, max: 30}}\n");
        return Combinators.combine(Arbitraries.longs().between(1, 99), demand, ecs, eks)
                .as((seed, d, e, k) -> "name: dynamics\nseed: " + seed + "\nhorizon: PT90M\n" + d + e + k);
    }
}
