package dev.fleetsim.placement;

import java.util.Objects;

/** The outcome of placing one task or pod. */
public sealed interface PlacementDecision {

    /** The task runs on host {@code host} (an index into the cluster's hosts). */
    record Placed(int host) implements PlacementDecision {
        public Placed {
            if (host < 0) {
                throw new IllegalArgumentException("host index must be >= 0, got " + host);
            }
        }
    }

    /** Nothing fits now; the task waits (ECS PENDING / PROVISIONING, Kubernetes Unschedulable). */
    record Pending(String reason) implements PlacementDecision {
        public Pending {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
