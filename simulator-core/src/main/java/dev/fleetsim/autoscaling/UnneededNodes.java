package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.placement.PodGroup;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.Arrays;
import java.util.List;

/**
 * The Cluster Autoscaler's scale-down analysis (aws-rules.md item 8; the rules are on {@link ClusterAutoscaler}):
 * which nodes of the managed groups are unneeded now, since when, and when the first of them has been unneeded
 * long enough. Per node arrays indexed by host; a scratch copy of the free capacity per analysis.
 */
final class UnneededNodes {

    private final ContainerHosts nodes;
    private final ClusterRuntime runtime;
    private final List<NodeGroup> groups;
    private final GroupMembership membership;
    private final int thresholdPercent;
    private final long unneededMs;

    // Per node: since when it is unneeded (-1: needed), and this loop's simulated free capacity.
    private long[] unneededSince = new long[16];
    private int[] freeCpu = new int[16];
    private int[] freeMemory = new int[16];
    private int[] freePods = new int[16];
    private boolean[] leaving = new boolean[16];
    private boolean[] receiving = new boolean[16];
    private int[] undo = new int[16];

    private int count;
    private long earliestRipeMs = Long.MAX_VALUE;

    UnneededNodes(ContainerHosts nodes, ClusterRuntime runtime, List<NodeGroup> groups, GroupMembership membership,
            ClusterAutoscaler.Config config) {
        this.nodes = nodes;
        this.runtime = runtime;
        this.groups = groups;
        this.membership = membership;
        this.thresholdPercent = config.utilizationThresholdPercent();
        this.unneededMs = config.scaleDownUnneededMs();
        Arrays.fill(unneededSince, -1);
    }

    /** A host joined or is leaving: it is not unneeded (until the next analysis says so). */
    void reset(int host) {
        ensure(host + 1);
        unneededSince[host] = -1;
    }

    /** Unneeded nodes after the last {@link #find}. */
    int count() {
        return count;
    }

    /** When the first unneeded node will have been unneeded long enough; {@link Long#MAX_VALUE} if none is. */
    long earliestRipeMs() {
        return earliestRipeMs;
    }

    boolean isUnneeded(int host) {
        return host < unneededSince.length && unneededSince[host] >= 0;
    }

    /** Marks the unneeded nodes (keeping the time each became unneeded) and when the first will be ripe. */
    void find(long now) {
        int slots = nodes.hostSlots();
        ensure(slots);
        for (int h = 0; h < slots; h++) {
            leaving[h] = false;
            receiving[h] = false;
            if (nodes.isActive(h)) {
                freeCpu[h] = nodes.cpuFree(h);
                freeMemory[h] = nodes.memoryFreeMiB(h);
                freePods[h] = nodes.podCapacity(h) - nodes.podsAllocated(h);
            }
        }
        // Empty nodes first (CA removes them before any node that needs its pods moved), then the others.
        for (int pass = 0; pass < 2; pass++) {
            for (int h = 0; h < slots; h++) {
                if (!nodes.isActive(h) || (nodes.runningCount(h) == 0) != (pass == 0)) {
                    continue;
                }
                if (nodes.isCordoned(h)) {
                    unneededSince[h] = -1;
                    continue;
                }
                int g = membership.groupOf(h);
                boolean unneeded = g >= 0 && !receiving[h] && groups.get(g).desired() > groups.get(g).min()
                        && underUtilized(h) && podsCanMove(h);
                if (unneeded) {
                    leaving[h] = true;
                    if (unneededSince[h] < 0) {
                        unneededSince[h] = now;
                    }
                } else {
                    unneededSince[h] = -1;
                }
            }
        }
        count = 0;
        earliestRipeMs = Long.MAX_VALUE;
        for (int h = 0; h < slots; h++) {
            if (unneededSince[h] >= 0) {
                count++;
                earliestRipeMs = Math.min(earliestRipeMs, unneededSince[h] + unneededMs);
            }
        }
    }

    /** Unneeded for at least the unneeded time, and still active and schedulable. */
    boolean ripe(int h, long now) {
        return nodes.isActive(h) && !nodes.isCordoned(h) && unneededSince[h] >= 0
                && now - unneededSince[h] >= unneededMs;
    }

    /** Both requested CPU and memory (DaemonSet pods included) below the threshold share of allocatable. */
    private boolean underUtilized(int h) {
        long threshold = thresholdPercent;
        return 100L * nodes.cpuAllocated(h) < threshold * nodes.cpuAllocatable(h)
                && 100L * nodes.memoryAllocatedMiB(h) < threshold * nodes.memoryAllocatableMiB(h);
    }

    /** Fits every workload pod of h elsewhere in this loop's free capacity; keeps the fit only if all move. */
    private boolean podsCanMove(int h) {
        if (nodes.runningCount(h) == 0) {
            return true;
        }
        int moves = 0;
        boolean ok = true;
        List<Workload> workloads = runtime.workloads();
        for (int i = 0; i < workloads.size() && ok; i++) {
            Workload w = workloads.get(i);
            if (!(w.target() instanceof TaskTarget.OnHosts)) {
                continue;
            }
            if (!(((TaskTarget.OnHosts) w.target()).group() instanceof PodGroup)) {
                continue;
            }
            PodGroup pod = (PodGroup) ((TaskTarget.OnHosts) w.target()).group();
            int count = pod.runningOn(h);
            for (int k = 0; k < count && ok; k++) {
                int d = destination(pod, h);
                if (d < 0) {
                    ok = false;
                    break;
                }
                freeCpu[d] -= pod.cpuRequest();
                freeMemory[d] -= pod.memoryRequestMiB();
                freePods[d]--;
                if (moves == undo.length / 2) {
                    undo = Arrays.copyOf(undo, undo.length * 2);
                }
                undo[2 * moves] = d;
                undo[2 * moves + 1] = i;
                moves++;
            }
        }
        for (int k = 0; k < moves; k++) {
            int d = undo[2 * k];
            if (ok) {
                receiving[d] = true;
            } else {
                PodGroup pod = (PodGroup) ((TaskTarget.OnHosts) workloads.get(undo[2 * k + 1]).target()).group();
                freeCpu[d] += pod.cpuRequest();
                freeMemory[d] += pod.memoryRequestMiB();
                freePods[d]++;
            }
        }
        return ok;
    }

    private int destination(PodGroup pod, int from) {
        for (int d = 0; d < nodes.hostSlots(); d++) {
            if (d != from && nodes.isActive(d) && !nodes.isCordoned(d) && !leaving[d] && freeCpu[d] >= pod.cpuRequest()
                    && freeMemory[d] >= pod.memoryRequestMiB() && freePods[d] > 0 && pod.allowedOn(d)) {
                return d;
            }
        }
        return -1;
    }

    private void ensure(int slots) {
        if (unneededSince.length < slots) {
            int n = Math.max(slots, unneededSince.length * 2);
            int old = unneededSince.length;
            unneededSince = Arrays.copyOf(unneededSince, n);
            Arrays.fill(unneededSince, old, n, -1);
            freeCpu = Arrays.copyOf(freeCpu, n);
            freeMemory = Arrays.copyOf(freeMemory, n);
            freePods = Arrays.copyOf(freePods, n);
            leaving = Arrays.copyOf(leaving, n);
            receiving = Arrays.copyOf(receiving, n);
        }
    }
}
