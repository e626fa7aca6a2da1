package dev.fleetsim.workload;

import dev.fleetsim.metering.EndCause;
import java.util.List;

/**
 * What happens to a {@link ClusterRuntime}'s tasks on a host that goes away or drains: every stopped task counts as
 * interrupted, and its workload's controller reacts as AWS's does (a service or Deployment replaces it; a Job pod runs
 * again; an ECS standalone task does not). The caller checks that the host is active.
 */
final class HostEvictions {

    private final ClusterRuntime runtime;
    private final TaskTable tasks;

    HostEvictions(ClusterRuntime runtime, TaskTable tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** The instance is going away (Spot interruption, scale-in, failure): every task on it stops with {@code cause}. */
    void evict(int host, EndCause cause) {
        while (tasks.firstOnHost(host) >= 0) {
            int slot = tasks.firstOnHost(host);
            Workload w = runtime.workload(tasks.workload[slot]);
            runtime.stopTask(slot, cause);
            w.interrupted++;
            if (w.kind() == Workload.Kind.SERVICE) {
                w.replacements++;
                runtime.afterLoss(w);
            }
        }
        if (runtime.pendingCount() > 0) {
            runtime.requestPass();
        }
    }

    /**
     * ECS Spot draining (ECS_ENABLE_SPOT_INSTANCE_DRAINING, aws-rules.md item 7): the instance went DRAINING, so
     * its service tasks are stopped and each service submits a replacement at once (placed elsewhere or pending);
     * standalone tasks keep running until they finish or the instance goes.
     */
    void drainServiceTasks(int host) {
        int slot = tasks.firstOnHost(host);
        boolean lost = false;
        while (slot >= 0) {
            int next = tasks.nextOnHost[slot];
            Workload w = runtime.workload(tasks.workload[slot]);
            if (w.kind() == Workload.Kind.SERVICE) {
                runtime.stopTask(slot, EndCause.INTERRUPTED_BY_AWS);
                w.interrupted++;
                w.replacements++;
                w.lostTasks = true;
                lost = true;
            }
            slot = next;
        }
        // Replacements after the walk: a deployment step may stop other tasks, on this host too.
        List<Workload> workloads = runtime.workloads();
        for (int i = 0; lost && i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            if (w.lostTasks) {
                w.lostTasks = false;
                runtime.afterLoss(w);
            }
        }
    }

    /**
     * A Kubernetes drain (kubectl drain, the node termination handling of EKS managed node groups and Karpenter):
     * every pod on the host is evicted; a Deployment's ReplicaSet creates a replacement at once, and a Job's
     * controller creates a new pod that runs again from the start for the duration the evicted pod drew (its work is
     * lost: reading, a pod restarted elsewhere starts over).
     */
    void drainPods(int host) {
        while (tasks.firstOnHost(host) >= 0) {
            int slot = tasks.firstOnHost(host);
            Workload w = runtime.workload(tasks.workload[slot]);
            long durationMs = tasks.duration[slot];
            runtime.stopTask(slot, EndCause.INTERRUPTED_BY_AWS);
            w.interrupted++;
            w.replacements++;
            if (w.kind() == Workload.Kind.SERVICE) {
                runtime.afterLoss(w);
            } else {
                runtime.submit(w, durationMs);
            }
        }
    }
}
