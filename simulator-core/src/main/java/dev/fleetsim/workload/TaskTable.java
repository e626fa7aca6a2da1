package dev.fleetsim.workload;

import java.util.Arrays;

/**
 * The running tasks of a {@link ClusterRuntime}: slots in primitive arrays with free-list recycling, each slot linked
 * into its workload's list (oldest first) and, on a host, into that host's list. Nothing is allocated per task once
 * the arrays have grown to the peak of running tasks.
 */
final class TaskTable {

    /** Workload id; -1 for a Fargate Spot task between its warning and its stop (in no workload list). */
    int[] workload = new int[64];
    /** Host index, or -1 on Fargate. */
    int[] host = new int[64];
    /** The open Fargate run id, or -1. */
    long[] run = new long[64];
    /** The serving-start event while the task starts up (TaskStartup), then the completion event; or -1. */
    long[] event = new long[64];
    /** True once the task has started up and serves (counts for its RunningListener and as healthy). */
    boolean[] serving = new boolean[64];
    /** The pending Fargate Spot warning (random hazard), or -1. */
    long[] notice = new long[64];
    /** The duration drawn for the task (< 0: until stopped), so that an evicted Job pod can run again. */
    long[] duration = new long[64];
    /** The service revision the task runs (rolling deployments). */
    int[] revision = new int[64];
    /** A Fargate task's zone ({@link FargateZones} index), or -1. */
    int[] zone = new int[64];
    int[] nextOnHost = new int[64];
    private int[] prevOnHost = new int[64];
    int[] nextInWorkload = new int[64];
    private int[] prevInWorkload = new int[64];
    private int[] freeSlots = new int[64];
    private int freeCount;
    /** Slots ever used: every live slot is below it. */
    int slotCount;
    /** The first task of each host's list, or -1. */
    int[] hostFirst = new int[0];

    /** A fresh slot of {@code w}, appended to its list; on {@code hostIndex} (>= 0) pushed onto that host's list. */
    int allocate(Workload w, int hostIndex) {
        int slot;
        if (freeCount > 0) {
            slot = freeSlots[--freeCount];
        } else {
            if (slotCount == workload.length) {
                grow();
            }
            slot = slotCount++;
        }
        workload[slot] = w.id;
        host[slot] = hostIndex;
        run[slot] = -1;
        event[slot] = -1;
        serving[slot] = false;
        notice[slot] = -1;
        duration[slot] = -1;
        revision[slot] = w.revision;
        zone[slot] = -1;
        nextInWorkload[slot] = -1;
        prevInWorkload[slot] = w.lastTask;
        if (w.lastTask >= 0) {
            nextInWorkload[w.lastTask] = slot;
        } else {
            w.firstTask = slot;
        }
        w.lastTask = slot;
        if (hostIndex >= 0) {
            nextOnHost[slot] = hostFirst[hostIndex];
            prevOnHost[slot] = -1;
            if (hostFirst[hostIndex] >= 0) {
                prevOnHost[hostFirst[hostIndex]] = slot;
            }
            hostFirst[hostIndex] = slot;
        }
        return slot;
    }

    /** Takes the slot out of its host's list (if on a host) and out of {@code w}'s list; the slot stays allocated. */
    void unlink(int slot, Workload w) {
        int h = host[slot];
        if (h >= 0) {
            int next = nextOnHost[slot];
            int prev = prevOnHost[slot];
            if (prev >= 0) {
                nextOnHost[prev] = next;
            } else {
                hostFirst[h] = next;
            }
            if (next >= 0) {
                prevOnHost[next] = prev;
            }
        }
        int next = nextInWorkload[slot];
        int prev = prevInWorkload[slot];
        if (prev >= 0) {
            nextInWorkload[prev] = next;
        } else {
            w.firstTask = next;
        }
        if (next >= 0) {
            prevInWorkload[next] = prev;
        } else {
            w.lastTask = prev;
        }
    }

    void free(int slot) {
        run[slot] = -1;
        freeSlots[freeCount++] = slot;
    }

    /** Makes room for host index {@code h} with an empty list. */
    void hostAdded(int h) {
        if (hostFirst.length <= h) {
            int old = hostFirst.length;
            hostFirst = Arrays.copyOf(hostFirst, Math.max(h + 1, Math.max(16, old * 2)));
            Arrays.fill(hostFirst, old, hostFirst.length, -1);
        }
        hostFirst[h] = -1;
    }

    /** The first task on host {@code h}, or -1. */
    int firstOnHost(int h) {
        return h < hostFirst.length ? hostFirst[h] : -1;
    }

    private void grow() {
        int n = workload.length * 2;
        workload = Arrays.copyOf(workload, n);
        host = Arrays.copyOf(host, n);
        run = Arrays.copyOf(run, n);
        event = Arrays.copyOf(event, n);
        serving = Arrays.copyOf(serving, n);
        notice = Arrays.copyOf(notice, n);
        duration = Arrays.copyOf(duration, n);
        revision = Arrays.copyOf(revision, n);
        zone = Arrays.copyOf(zone, n);
        nextOnHost = Arrays.copyOf(nextOnHost, n);
        prevOnHost = Arrays.copyOf(prevOnHost, n);
        nextInWorkload = Arrays.copyOf(nextInWorkload, n);
        prevInWorkload = Arrays.copyOf(prevInWorkload, n);
        freeSlots = Arrays.copyOf(freeSlots, n);
    }
}
