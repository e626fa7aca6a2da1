package dev.fleetsim.run;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostKind;
import dev.fleetsim.cluster.HostListener;
import dev.fleetsim.engine.Simulation;
import java.util.Arrays;

/**
 * The report's {@code capacity.meanCpuUtilization}: over every container host (ECS container instances and EKS
 * nodes) and the whole run, the time integral of the vCPU requested on them (tasks, pods and DaemonSet pods)
 * divided by the time integral of their vCPU capacity. Fargate has no hosts and plain EC2 instances no
 * requests, so neither counts; with no container host at all the figure is 0.
 *
 * <p>Each cluster's hosts report to one {@link Tracker}; the integrals advance on every capacity change, so the
 * cost is O(1) per placement and nothing is kept per finished task.
 */
final class CpuUtilization {

    private final Simulation sim;
    /** vCPU-milliseconds, requested and provisioned. */
    private double requestedVcpuMs;
    private double provisionedVcpuMs;
    /** Now, exact: ECS CPU units and Kubernetes millicores kept apart (1024 and 1000 per vCPU). */
    private long requestedEcsUnits;
    private long provisionedEcsUnits;
    private long requestedMillicores;
    private long provisionedMillicores;
    private long lastMs;

    CpuUtilization(Simulation sim) {
        this.sim = sim;
    }

    /**
     * Follows the hosts of one cluster; call before any host joins and before the scheduler registers, so that
     * a DaemonSet reserved on a joining node arrives as a change to a host already counted.
     */
    void follow(ContainerHosts hosts) {
        hosts.addListener(new Tracker(hosts));
    }

    /** requested / provisioned, integrated up to {@code endMs} (the horizon); 0 without container hosts. */
    double mean(long endMs) {
        advance(endMs);
        if (provisionedVcpuMs <= 0) {
            return 0.0;
        }
        return Math.min(1.0, requestedVcpuMs / provisionedVcpuMs);
    }

    private void advance(long nowMs) {
        if (nowMs > lastMs) {
            long dt = nowMs - lastMs;
            requestedVcpuMs += (requestedEcsUnits / 1024.0 + requestedMillicores / 1000.0) * dt;
            provisionedVcpuMs += (provisionedEcsUnits / 1024.0 + provisionedMillicores / 1000.0) * dt;
            lastMs = nowMs;
        }
    }

    /** The hosts of one cluster: remembers what each host had allocated, to add only the change. */
    private final class Tracker implements HostListener {
        private final ContainerHosts hosts;
        private final boolean ecs;
        private int[] allocated = new int[16];

        Tracker(ContainerHosts hosts) {
            this.hosts = hosts;
            this.ecs = hosts.kind() == HostKind.ECS_CONTAINER_INSTANCE;
        }

        @Override
        public void hostAdded(int host) {
            if (host >= allocated.length) {
                allocated = Arrays.copyOf(allocated, Math.max(host + 1, allocated.length * 2));
            }
            allocated[host] = 0;
            change(hosts.cpuCapacity(host), hosts.cpuAllocated(host), host);
        }

        @Override
        public void hostRemoving(int host) {
            change(-hosts.cpuCapacity(host), 0, host);
        }

        @Override
        public void capacityChanged(int host) {
            change(0, hosts.cpuAllocated(host), host);
        }

        private void change(int provisionedDelta, int allocatedNow, int host) {
            advance(sim.nowMs());
            int requestedDelta = allocatedNow - allocated[host];
            allocated[host] = allocatedNow;
            if (ecs) {
                provisionedEcsUnits += provisionedDelta;
                requestedEcsUnits += requestedDelta;
            } else {
                provisionedMillicores += provisionedDelta;
                requestedMillicores += requestedDelta;
            }
        }
    }
}
