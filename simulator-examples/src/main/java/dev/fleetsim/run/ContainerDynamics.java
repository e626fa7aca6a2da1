package dev.fleetsim.run;

import dev.fleetsim.autoscaling.HorizontalPodAutoscaler;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.autoscaling.ServiceTargetTracking;
import dev.fleetsim.autoscaling.WorkloadScaler;
import dev.fleetsim.demand.DemandSignal;
import dev.fleetsim.demand.ServedDemand;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.ThroughputFactors;
import dev.fleetsim.scenario.Scenario;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.DeploymentSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.FaultSpec;
import dev.fleetsim.scenario.spec.LaunchType;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.PodAutoscalingSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.ServiceAutoscalingSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.SpotSpec;
import dev.fleetsim.scenario.spec.StrategyItemSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.RollingDeployment;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Workload-level dynamics on the container lines that {@link EcsClusters} and {@link EksClusters} built: ECS service
 * auto scaling and rolling deployments, the EKS HorizontalPodAutoscaler, Fargate Spot interruptions (forced and at
 * random), and served demand of what scales on a signal.
 *
 * <ul>
 *   <li>{@code services[].autoscaling}: {@link ServiceTargetTracking} every 60 s; the new desired count is split over
 *       the service's providers by {@link ProviderSplit} (base, then weight), as the initial one was.</li>
 *   <li>{@code workloads[].autoscaling} (Deployments): {@link HorizontalPodAutoscaler} every 15 s.</li>
 *   <li>Per-task throughput: {@code perTask} / {@code perPod} is what a task serves on the reference processor (the
 *       first instance type of the service's first EC2 provider, of the cluster's first managed pool); on a host of
 *       another processor it serves that times the ratio of their per-vCPU factors (its vCPUs are its definition's,
 *       their speed the host's), so Graviton, Intel and AMD hosts need different task counts for one demand. On
 *       Fargate a task serves perTask (no processor is assumed for Fargate).</li>
 *   <li>{@code services[].deployment}: at each {@code at}, a rolling deployment of every provider's part
 *       ({@code ClusterRuntime.scheduleDeployment}).</li>
 *   <li>Fargate Spot: every FARGATE_SPOT part takes its {@code stopTimeout}; with {@code pricing.spot.interruptions:
 *       hazard} each task draws a warning time at {@link #FARGATE_SPOT_HAZARD_PER_HOUR}. A forced
 *       {@code spot-interruption} fault whose target names a service or task warns its Fargate Spot tasks then.</li>
 * </ul>
 */
final class ContainerDynamics {

    /**
     * Fargate Spot has no Spot Advisor row; assumed: the lowest bucket's ("<5%") midpoint as for EC2 pools
     * (docs/dynamics.md), 2.5% of tasks interrupted per month (730 h) of running: {@code -ln(1 - 0.025) / 730}.
     */
    static final double FARGATE_SPOT_HAZARD_PER_HOUR = -Math.log(1 - 0.025) / 730.0;

    private final Simulation sim;
    private final InstanceCatalog catalog;
    private final ThroughputFactors factors;
    private final RunHours hours;
    private final List<WorkloadLine> served = new ArrayList<>();

    /** Call before the run: the workloads' first tasks start in its first instant. */
    ContainerDynamics(Simulation sim, ScenarioSpec spec, InstanceCatalog catalog, Map<String, DemandSignal> signals,
            List<WorkloadLine> lines, RunHours hours) {
        this.sim = sim;
        this.catalog = catalog;
        this.factors = Scenario.throughputFactors(spec);
        this.hours = hours;
        Map<String, WorkloadLine> byKey = new HashMap<>();
        for (WorkloadLine l : lines) {
            byKey.put(key(l.cluster, l.kind, l.name), l);
        }
        boolean hazard = spec.pricing().spot().interruptions() == SpotSpec.Interruptions.HAZARD;
        for (EcsClusterSpec c : spec.ecs().clusters()) {
            for (ServiceSpec s : c.services()) {
                WorkloadLine line = byKey.get(key(c.name(), "ecs-service", s.name()));
                fargateSpot(line, s.stopTimeout(), hazard);
                if (s.autoscaling() != null) {
                    serviceScaling(line, s, signals.get(s.autoscaling().signal()), reference(c, s));
                }
                if (s.deployment() != null) {
                    deployments(line, s.deployment());
                }
            }
            for (TaskSpec t : c.tasks()) {
                fargateSpot(byKey.get(key(c.name(), "ecs-task", t.name())), t.stopTimeout(), hazard);
            }
        }
        for (EksClusterSpec c : spec.eks().clusters()) {
            for (WorkloadSpec w : c.workloads()) {
                if (w.kind() == WorkloadSpec.WorkloadKind.DEPLOYMENT && w.autoscaling() != null) {
                    podScaling(byKey.get(key(c.name(), "eks-deployment", w.name())), w.autoscaling(),
                            signals.get(w.autoscaling().signal()), reference(c));
                }
            }
        }
        for (FaultSpec f : spec.faults()) {
            if (f.kind() == FaultSpec.Kind.SPOT_INTERRUPTION && f.at().toMillis() <= sim.horizonMs()) {
                for (WorkloadLine l : lines) {
                    if (l.name.equals(f.target()) && (l.kind.equals("ecs-service") || l.kind.equals("ecs-task"))) {
                        sim.schedule(f.at().toMillis(), Phase.LIFECYCLE, (s, p) -> interrupt(l), 0);
                    }
                }
            }
        }
        if (!served.isEmpty()) {
            sim.schedule(sim.horizonMs(), Phase.OBSERVATION, (s, p) -> {
                for (WorkloadLine l : served) {
                    l.served.finish(s.nowMs());
                }
            }, 0);
        }
    }

    /** True if {@code name} is an ECS service or task with tasks on FARGATE_SPOT: a forced spot-interruption hits them. */
    static boolean isFargateSpotTarget(ScenarioSpec spec, String name) {
        for (EcsClusterSpec c : spec.ecs().clusters()) {
            for (ServiceSpec s : c.services()) {
                boolean spot = s.launchType() == LaunchType.FARGATE_SPOT;
                if (s.strategy() != null) {
                    for (StrategyItemSpec item : s.strategy()) {
                        spot |= CapacityProviderSpec.FARGATE_SPOT.equals(item.provider());
                    }
                }
                if (spot && s.name().equals(name)) {
                    return true;
                }
            }
            for (TaskSpec t : c.tasks()) {
                if (t.launchType() == LaunchType.FARGATE_SPOT && t.name().equals(name)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void fargateSpot(WorkloadLine line, Duration stopTimeout, boolean hazard) {
        for (int i = 0; i < line.parts().size(); i++) {
            if (isFargateSpot(line.parts().get(i))) {
                line.runtimes().get(i).setFargateSpot(line.parts().get(i), stopTimeout.toMillis(),
                        hazard ? FARGATE_SPOT_HAZARD_PER_HOUR : 0);
            }
        }
    }

    private static void interrupt(WorkloadLine line) {
        for (int i = 0; i < line.parts().size(); i++) {
            if (isFargateSpot(line.parts().get(i))) {
                line.runtimes().get(i).interruptFargateSpot(line.parts().get(i));
            }
        }
    }

    private static boolean isFargateSpot(Workload w) {
        return w.target() instanceof TaskTarget.OnFargate f && f.usage().spot();
    }

    /** The processor perTask was measured on: the first instance type of the service's first EC2 provider. */
    private Microarchitecture reference(EcsClusterSpec c, ServiceSpec s) {
        List<String> providers = new ArrayList<>();
        if (s.strategy() != null) {
            for (StrategyItemSpec item : s.strategy()) {
                providers.add(item.provider());
            }
        } else if (s.launchType() == LaunchType.EC2) {
            providers.add(s.capacityProvider());
        }
        for (String name : providers) {
            for (CapacityProviderSpec cp : c.capacityProviders()) {
                if (cp.name().equals(name) && cp.group() != null) {
                    return catalog.require(cp.group().instanceTypes().get(0)).microarchitecture();
                }
            }
        }
        return null;
    }

    /** The processor perPod was measured on: the first instance type of the cluster's first managed pool. */
    private Microarchitecture reference(EksClusterSpec c) {
        for (NodePoolSpec p : c.nodePools()) {
            if (p.kind() == NodePoolSpec.NodePoolKind.MANAGED) {
                return catalog.require(p.instanceTypes().get(0)).microarchitecture();
            }
        }
        return null;
    }

    private void serviceScaling(WorkloadLine line, ServiceSpec s, DemandSignal signal, Microarchitecture reference) {
        ServiceAutoscalingSpec a = s.autoscaling();
        int[] base;
        int[] weight;
        if (s.strategy() != null) {
            base = new int[s.strategy().size()];
            weight = new int[s.strategy().size()];
            for (int i = 0; i < base.length; i++) {
                StrategyItemSpec item = s.strategy().get(i);
                base[i] = item.base();
                weight[i] = item.weight();
            }
        } else {
            base = new int[] {0};
            weight = new int[] {1};
        }
        ServiceTargetTracking tracking = new ServiceTargetTracking(a.perTask(), a.targetUtilization(), a.min(),
                a.max(), a.scaleOutCooldown().toMillis(), a.scaleInCooldown().toMillis());
        int[] desired = {s.desired()};
        WorkloadScaler.Target target = new WorkloadScaler.Target() {
            @Override
            public int desired() {
                return desired[0];
            }

            @Override
            public void setDesired(int n) {
                desired[0] = n;
                int[] counts = ProviderSplit.split(n, base, weight);
                for (int i = 0; i < counts.length; i++) {
                    line.runtimes().get(i).setDesiredCount(line.parts().get(i), counts[i]);
                }
            }

            @Override
            public boolean deploying() {
                for (Workload w : line.parts()) {
                    if (w.deploying()) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public double throughputPerTask() {
                return line.served.throughputPerTask(a.perTask());
            }
        };
        meter(line, signal, a.perTask(), reference);
        // The alarms' data points are finished one-minute periods: the first is there at 60 s (as for EC2 groups).
        new WorkloadScaler(sim, signal, ServiceTargetTracking.EVALUATION_PERIOD_MS, WorkloadScaler.Policy.of(tracking),
                target).startAfterOnePeriod();
    }

    private void podScaling(WorkloadLine line, PodAutoscalingSpec a, DemandSignal signal, Microarchitecture reference) {
        ClusterRuntime rt = line.runtimes().get(0);
        Workload w = line.parts().get(0);
        HorizontalPodAutoscaler hpa = new HorizontalPodAutoscaler(a.perPod(), a.targetUtilization(), a.min(), a.max());
        meter(line, signal, a.perPod(), reference);
        new WorkloadScaler(sim, signal, HorizontalPodAutoscaler.SYNC_PERIOD_MS, WorkloadScaler.Policy.of(hpa),
                new WorkloadScaler.Target() {
                    @Override
                    public int desired() {
                        return w.desiredCount();
                    }

                    @Override
                    public void setDesired(int n) {
                        rt.setDesiredCount(w, n);
                    }

                    @Override
                    public boolean deploying() {
                        return false;
                    }

                    @Override
                    public double throughputPerTask() {
                        return line.served.throughputPerTask(a.perPod());
                    }
                }).start();
    }

    /**
     * Served demand of {@code line}: a task on a host serves perTask x factor(host's processor) / factor(reference), as
     * an EC2 group's instance does per vCPU (CapacityModel); a task on Fargate, or without a reference, serves perTask.
     */
    private void meter(WorkloadLine line, DemandSignal signal, double perTask, Microarchitecture reference) {
        ServedDemand meter = new ServedDemand(signal, sim.nowMs());
        hours.track(meter.meter());
        line.served = meter;
        served.add(line);
        double referenceFactor = reference == null ? 1.0 : factors.factor(reference);
        for (int i = 0; i < line.parts().size(); i++) {
            Workload part = line.parts().get(i);
            ContainerHosts hosts = reference != null && part.target() instanceof TaskTarget.OnHosts h
                    ? h.group().hosts() : null;
            line.runtimes().get(i).setRunningListener(part, (now, delta, host) -> meter.change(now, delta,
                    hosts == null || host < 0 ? perTask
                            : perTask * factors.factor(hosts.instanceType(host).microarchitecture()) / referenceFactor));
        }
    }

    private static void deployments(WorkloadLine line, DeploymentSpec d) {
        RollingDeployment bounds = new RollingDeployment(d.minimumHealthyPercent(), d.maximumPercent());
        for (int i = 0; i < line.parts().size(); i++) {
            for (Duration at : d.at()) {
                line.runtimes().get(i).scheduleDeployment(line.parts().get(i), at.toMillis(), bounds);
            }
        }
    }

    private static String key(String cluster, String kind, String name) {
        return cluster + '\u0000' + kind + '\u0000' + name;
    }
}
