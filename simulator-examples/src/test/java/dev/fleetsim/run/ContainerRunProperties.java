package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Bill;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants of whole runs over random valid ECS and EKS scenarios (EC2 capacity providers and managed node
 * pools of random sizes, with or without ECS managed scaling and the Cluster Autoscaler, Fargate and Fargate Spot,
 * services, strategies, batch tasks, DaemonSets, Deployments, Jobs, Fargate profiles): every launched task is in exactly one state at the horizon, no run is left open, the
 * bill's breakdowns sum to its total, utilization is a fraction, and a run is byte-for-byte reproducible.
 */
final class ContainerRunProperties {


    @Property(tries = 40)
    void tasksAreConserved_runsClosed_billSums(@ForAll("scenarios") String yaml) throws Exception {
        RunResult result = RunChecks.run(yaml);

        assertThat(result.usage().openRuns()).isZero();
        for (WorkloadReport w : result.report().workloads()) {
            assertThat(w.launched()).as("%s in%n%s", w, yaml)
                    .isEqualTo(w.completed() + w.running() + w.pending() + w.interrupted());
        }
        Bill bill = result.bill();
        assertThat(RunChecks.sum(bill.byService())).isEqualTo(bill.total());
        assertThat(RunChecks.sum(bill.byPricingModel())).isEqualTo(bill.total());
        double u = result.report().capacity().meanCpuUtilization();
        assertThat(u).isBetween(0.0, 1.0);
    }

    @Property(tries = 15)
    void sameScenarioAndSeed_giveByteIdenticalReportAndLineItems(@ForAll("scenarios") String yaml)
            throws Exception {
        RunChecks.assertReproducible(yaml);
    }



    @Provide
    Arbitrary<String> scenarios() {
        return Combinators.combine(Arbitraries.integers().between(1, 8), ecs(), eks(), Arbitraries.longs().between(1, 99))
                .as((hours, ecs, eks, seed) -> "name: containers\nseed: " + seed + "\nhorizon: PT" + hours + "H\n"
                        + ecs + eks + "pricing:\n  spot: {interruptions: none}\n");
    }

    private static Arbitrary<String> arrivals() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 6).map(n -> "{every: PT30M, count: " + n + "}"),
                Arbitraries.integers().between(1, 40).map(n -> "{uniform: {count: " + n + ", over: PT2H}}"),
                Arbitraries.integers().between(1, 30).map(r -> "{poisson: {ratePerHour: " + r + "}}"),
                Arbitraries.integers().between(1, 20).map(n -> "{at: [PT0S, PT7M], count: " + n + "}"));
    }

    private static Arbitrary<String> duration() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(1, 180).map(m -> "{fixed: PT" + m + "M}"),
                Arbitraries.integers().between(1, 120).map(m -> "{exponential: {mean: PT" + m + "M}}"),
                Arbitraries.integers().between(1, 60).map(m -> "{lognormal: {median: PT" + m + "M, sigma: 0.7}}"));
    }

    /** An ECS cluster with an EC2 provider of 0-3 instances, Fargate providers, services and tasks. */
    private static Arbitrary<String> ecs() {
        Arbitrary<String> ec2Task = Combinators.combine(Arbitraries.of(512, 1024, 2048), Arbitraries.of(512, 2048),
                arrivals(), duration(), Arbitraries.of("", ", placement: {strategies: [{binpack: memory}]}",
                        ", placement: {strategies: [random], constraints: [distinctInstance]}",
                        ", placement: {strategies: [{spread: instanceId}, {binpack: cpu}]}"))
                .as((cpu, mem, arr, dur, placement) -> "{launchType: EC2, capacityProvider: fleet, cpu: " + cpu
                        + ", memory: " + mem + ", arrivals: " + arr + ", duration: " + dur + placement + "}");
        Arbitrary<String> fargateTask = Combinators.combine(Arbitraries.of("FARGATE", "FARGATE_SPOT"), arrivals(),
                duration()).as((lt, arr, dur) -> "{launchType: " + lt + ", cpu: 256, memory: 512, arrivals: " + arr
                        + ", duration: " + dur + "}");
        Arbitrary<List<String>> tasks = Arbitraries.oneOf(ec2Task, fargateTask).list().ofMaxSize(3);
        Arbitrary<String> services = Combinators.combine(Arbitraries.integers().between(0, 12),
                Arbitraries.integers().between(0, 3), Arbitraries.integers().between(0, 8))
                .as((fargateDesired, base, ec2Desired) -> "        - {name: s0, cpu: 512, memory: 1024, desired: "
                        + fargateDesired + ", strategy: [{provider: FARGATE, base: " + base
                        + ", weight: 1}, {provider: FARGATE_SPOT, weight: 2}]}\n"
                        + "        - {name: s1, cpu: 1024, memory: 4096, desired: " + ec2Desired
                        + ", launchType: EC2, capacityProvider: fleet}\n");
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of("on-demand", "spot"),
                services, tasks, Arbitraries.of(true, false), Arbitraries.of("",
                        ", managedScaling: {targetCapacity: 100}",
                        ", managedScaling: {targetCapacity: 60, instanceWarmupPeriod: PT60S}"))
                .as((instances, market, svc, taskList, present, scaling) -> {
                    if (!present) {
                        return "";
                    }
                    StringBuilder y = new StringBuilder("ecs:\n  clusters:\n    - name: c\n      capacityProviders:\n"
                            + "        - {name: fleet, group: {instanceTypes: [m5.large], min: 0, max: 5, desired: "
                            + instances + ", market: " + market + "}" + scaling + "}\n"
                            + "        - {name: FARGATE}\n        - {name: FARGATE_SPOT}\n      services:\n")
                            .append(svc);
                    if (!taskList.isEmpty()) {
                        y.append("      tasks:\n");
                        for (int i = 0; i < taskList.size(); i++) {
                            y.append("        - {name: t").append(i).append(", ")
                                    .append(taskList.get(i).substring(1)).append('\n');
                        }
                    }
                    return y.toString();
                });
    }

    /** An EKS cluster with a managed pool of 0-3 nodes, a Fargate profile, DaemonSets, Deployments and Jobs. */
    private static Arbitrary<String> eks() {
        Arbitrary<String> workload = Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 40), Arbitraries.of("10m", "250m", "1"),
                        Arbitraries.of("default", "batch"))
                        .as((n, cpu, ns) -> "kind: Deployment, namespace: " + ns + ", replicas: " + n
                                + ", requests: {cpu: " + cpu + ", memory: 256Mi}"),
                Combinators.combine(Arbitraries.of("50m", "1500m"), Arbitraries.of("64Mi", "6Gi"))
                        .as((cpu, mem) -> "kind: DaemonSet, requests: {cpu: " + cpu + ", memory: " + mem + "}"),
                Combinators.combine(arrivals(), duration(), Arbitraries.of("default", "batch"))
                        .as((arr, dur, ns) -> "kind: Job, namespace: " + ns + ", requests: {cpu: 500m, memory: 1Gi},"
                                + " arrivals: " + arr + ", duration: " + dur));
        return Combinators.combine(Arbitraries.integers().between(0, 3), Arbitraries.of("LeastAllocated",
                "MostAllocated"), workload.list().ofMinSize(1).ofMaxSize(4), Arbitraries.of(true, false),
                Arbitraries.of("none", "cluster-autoscaler"))
                .as((nodes, scoring, list, present, autoscaler) -> {
                    if (!present) {
                        return "";
                    }
                    StringBuilder y = new StringBuilder("eks:\n  clusters:\n    - name: k\n      scoring: ")
                            .append(scoring).append("\n      autoscaler: ").append(autoscaler)
                            .append("\n      nodePools:\n"
                                    + "        - {name: general, kind: managed, instanceTypes: [m5.large], min: 0,"
                                    + " max: 5, desired: ").append(nodes).append("}\n"
                                    + "        - {name: serverless, kind: fargate, namespaces: [batch]}\n"
                                    + "      workloads:\n");
                    for (int i = 0; i < list.size(); i++) {
                        String w = list.get(i);
                        if (w.startsWith("kind: DaemonSet")) {
                            w = w + ", namespace: default";
                        }
                        y.append("        - {name: w").append(i).append(", ").append(w).append("}\n");
                    }
                    return y.toString();
                });
    }
}
