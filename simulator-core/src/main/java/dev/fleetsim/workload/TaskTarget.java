package dev.fleetsim.workload;

import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.placement.PlacementGroup;
import java.util.Objects;

/** Where a workload's tasks run. */
public sealed interface TaskTarget {

    /** On container hosts, placed by an ECS placer or kube-scheduler group; a task waits while nothing fits. */
    record OnHosts(PlacementGroup group) implements TaskTarget {
        public OnHosts {
            Objects.requireNonNull(group, "group");
        }
    }

    /**
     * On Fargate (ECS launch type FARGATE / FARGATE_SPOT, or an EKS Fargate profile): no host, never waits;
     * each task is one billable run of {@code usage} (the provisioned size, e.g. {@link FargateSize#forEksPod}).
     */
    record OnFargate(FargateUsage usage) implements TaskTarget {
        public OnFargate {
            Objects.requireNonNull(usage, "usage");
        }
    }
}
