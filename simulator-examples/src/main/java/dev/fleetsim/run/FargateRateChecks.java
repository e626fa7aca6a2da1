package dev.fleetsim.run;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.pricing.FargateArch;
import dev.fleetsim.pricing.FargateUnit;
import dev.fleetsim.pricing.MissingRateException;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.processor.Architecture;
import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.StrategyItemSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The Fargate rates a scenario's Fargate tasks and pods will bill at (aws-rules.md item 5: vCPU, memory, storage above
 * the included 20 GiB, the Windows licence per vCPU), checked before the run: the bundled Fargate prices cover
 * us-east-1 only, so a Fargate workload elsewhere needs {@code pricing.rates} entries. The same units as billing's
 * LineCatalog prices, the Spot rate for FARGATE_SPOT.
 */
final class FargateRateChecks {

    /** Fargate's included ephemeral storage (aws-rules.md item 5); the EKS pods' fixed size. */
    private static final int INCLUDED_STORAGE_GIB = 20;

    private FargateRateChecks() {
    }

    static List<Issue> issues(ScenarioSpec spec, PriceBook book) {
        List<Issue> issues = new ArrayList<>();
        List<EcsClusterSpec> ecs = spec.ecs().clusters();
        for (int i = 0; i < ecs.size(); i++) {
            List<ServiceSpec> services = ecs.get(i).services();
            for (int j = 0; j < services.size(); j++) {
                ServiceSpec s = services.get(j);
                String path = "ecs.clusters[" + i + "].services[" + j + "]";
                if (s.strategy() != null) {
                    for (StrategyItemSpec item : s.strategy()) {
                        check(issues, path, s.arch(), s.os(), s.ephemeralStorageGiB(), item.provider(), spec, book);
                    }
                } else if (s.launchType() != null && s.launchType().isFargate()) {
                    check(issues, path, s.arch(), s.os(), s.ephemeralStorageGiB(), s.launchType().key(), spec, book);
                }
            }
            List<TaskSpec> tasks = ecs.get(i).tasks();
            for (int j = 0; j < tasks.size(); j++) {
                TaskSpec t = tasks.get(j);
                if (t.launchType().isFargate()) {
                    check(issues, "ecs.clusters[" + i + "].tasks[" + j + "]", t.arch(), t.os(),
                            t.ephemeralStorageGiB(), t.launchType().key(), spec, book);
                }
            }
        }
        List<EksClusterSpec> eks = spec.eks().clusters();
        for (int i = 0; i < eks.size(); i++) {
            Set<String> fargateNamespaces = new HashSet<>();
            for (NodePoolSpec p : eks.get(i).nodePools()) {
                if (p.kind() == NodePoolSpec.NodePoolKind.FARGATE) {
                    fargateNamespaces.addAll(p.namespaces());
                }
            }
            List<WorkloadSpec> workloads = eks.get(i).workloads();
            for (int j = 0; j < workloads.size(); j++) {
                WorkloadSpec w = workloads.get(j);
                // Pods on Fargate: Linux x86_64 at the included storage (EksClusters); DaemonSets never run there.
                if (w.kind() != WorkloadSpec.WorkloadKind.DAEMON_SET && fargateNamespaces.contains(w.namespace())) {
                    check(issues, "eks.clusters[" + i + "].workloads[" + j + "]", Architecture.X86_64,
                            OperatingSystem.LINUX, INCLUDED_STORAGE_GIB, CapacityProviderSpec.FARGATE, spec, book);
                }
            }
        }
        return issues;
    }

    private static void check(List<Issue> issues, String path, Architecture arch, OperatingSystem os, int storageGiB,
            String provider, ScenarioSpec spec, PriceBook book) {
        boolean spot = CapacityProviderSpec.FARGATE_SPOT.equals(provider);
        if (!spot && !CapacityProviderSpec.FARGATE.equals(provider)) {
            return; // an EC2 capacity provider: its rates are the instances'
        }
        List<FargateUnit> units = new ArrayList<>(List.of(FargateUnit.VCPU_HOUR, FargateUnit.GB_HOUR));
        if (storageGiB > INCLUDED_STORAGE_GIB) {
            units.add(FargateUnit.EPHEMERAL_GB_HOUR);
        }
        if (os == OperatingSystem.WINDOWS) {
            units.add(FargateUnit.OS_LICENSE_VCPU_HOUR);
        }
        FargateArch fargateArch = FargateArch.of(arch == Architecture.ARM64);
        for (FargateUnit unit : units) {
            try {
                if (spot) {
                    book.fargateSpotUsdPerHour(spec.region(), fargateArch, os, unit);
                } else {
                    book.fargateOnDemandUsdPerHour(spec.region(), fargateArch, os, unit);
                }
            } catch (MissingRateException e) {
                issues.add(new Issue(path, e.getMessage(), "Fargate prices per region: "
                        + "aws.amazon.com/fargate/pricing; set " + (spot ? "spot" : "onDemand") + " in that entry"));
            }
        }
    }
}
