package dev.fleetsim.placement;

import java.util.Objects;

/** A DaemonSet: one pod with these requests on every node (per-node overhead, SPEC section 3). */
public record DaemonSet(String name, int cpuMillicores, int memoryMiB) {
    public DaemonSet {
        Objects.requireNonNull(name, "name");
        if (cpuMillicores < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException("DaemonSet requests must be >= 0: " + cpuMillicores + "m, "
                    + memoryMiB + " MiB");
        }
    }
}
