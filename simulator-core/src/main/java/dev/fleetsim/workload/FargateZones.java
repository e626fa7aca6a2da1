package dev.fleetsim.workload;

import dev.fleetsim.metering.EndCause;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The Availability Zones of a {@link ClusterRuntime}'s Fargate tasks, and zone outages for them.
 *
 * <p>Fargate has no placement strategies and spreads a service's tasks across the Availability Zones of its subnets
 * (aws-rules.md item 7, "Not supported on Fargate, which spreads tasks across AZs"). Reading: each new task of a
 * workload (or of the service it is a part of: {@link #spreadTogether}) takes the next of its zones in list order,
 * round-robin, skipping zones that are out; deterministic. An EKS Fargate pod goes to one of its profile's subnets
 * in the same way (reading: EKS documents no choice rule).
 *
 * <p>A zone outage ({@link #fail}) stops every task in the zone at once: its run ends with
 * {@link EndCause#HOST_FAILURE} (billed like a stop, per second with the minimum: aws-rules.md item 5) and it counts
 * as interrupted. A service starts replacements at once in its other zones; a Kubernetes Job's pod runs again from the
 * start (its controller creates a new pod, as after a node drain); an ECS standalone task is not replaced. While
 * every zone of a workload is out its new tasks wait, and start when one comes back ({@link #restore}). Nothing moves
 * back when the zone returns. A Fargate Spot task already between its warning and its stop keeps its run to the stop.
 */
public final class FargateZones {

    /** {@link #next}: the workload spreads over no zone. */
    static final int NO_ZONE = -1;
    /** {@link #next}: every zone of the workload is out. */
    static final int ALL_OUT = -2;

    private final ClusterRuntime runtime;
    private final TaskTable tasks;
    private final List<String> names = new ArrayList<>();
    /** Outages under way per zone (they may overlap, as in CapacityPools): the zone is out while > 0. */
    private int[] out = new int[0];

    FargateZones(ClusterRuntime runtime, TaskTable tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /**
     * The zones {@code w}'s tasks spread over, in this order (e.g. the scenario's zones); tasks started before have
     * no zone and are never hit by an outage. Call before the run.
     */
    public void assign(Workload w, List<String> zones) {
        spreadTogether(List.of(w), zones);
    }

    /**
     * As {@link #assign} for the parts of one service that fleetsim runs as several workloads (an ECS service split
     * over FARGATE and FARGATE_SPOT): Fargate spreads the service's tasks across the zones, so the parts share one
     * round-robin instead of each starting at the first zone.
     */
    public void spreadTogether(List<Workload> parts, List<String> zones) {
        List<Workload> own = runtime.workloads();
        for (Workload w : parts) {
            Objects.requireNonNull(w, "w");
            if (w.fargate == null || w.id >= own.size() || own.get(w.id) != w) {
                throw new IllegalArgumentException(w + " is not a Fargate workload of this runtime");
            }
        }
        if (zones.isEmpty()) {
            throw new IllegalArgumentException(parts + ": no zones to spread over");
        }
        int[] idx = new int[zones.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = indexOf(Objects.requireNonNull(zones.get(i), "zone"), true);
        }
        int[] cursor = new int[1];
        for (Workload w : parts) {
            w.zones = idx;
            w.zoneCursor = cursor;
        }
    }

    /** The zone of each running task of {@code w}, in start order (null: none). */
    public List<String> zonesOfRunningTasks(Workload w) {
        List<String> zones = new ArrayList<>(w.running);
        for (int t = w.firstTask; t >= 0; t = tasks.nextInWorkload[t]) {
            zones.add(tasks.zone[t] >= 0 ? names.get(tasks.zone[t]) : null);
        }
        return zones;
    }

    /**
     * A zone outage begins: the zone is out, and every Fargate task in it stops now (see the class comment).
     *
     * @param rerunJobs true for Kubernetes pods (a Job's stopped pod runs again), false for ECS tasks
     * @return the tasks stopped
     */
    public int fail(String zone, boolean rerunJobs) {
        int z = indexOf(zone, true);
        out[z]++;
        int stopped = 0;
        List<Workload> workloads = runtime.workloads();
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            if (w.zones == null) {
                continue;
            }
            boolean lost = false;
            for (int t = w.firstTask; t >= 0;) {
                int next = tasks.nextInWorkload[t];
                if (tasks.zone[t] == z) {
                    long durationMs = tasks.duration[t];
                    runtime.stopTask(t, EndCause.HOST_FAILURE);
                    w.interrupted++;
                    stopped++;
                    if (w.kind() == Workload.Kind.SERVICE) {
                        w.replacements++;
                        lost = true;
                    } else if (rerunJobs) {
                        w.replacements++;
                        runtime.submit(w, durationMs);
                    }
                }
                t = next;
            }
            // After the walk: the replacements start in the other zones.
            if (lost) {
                runtime.afterLoss(w);
            }
        }
        return stopped;
    }

    /** An outage of the zone ends; once none of its outages runs, tasks that waited for an open zone start. */
    public void restore(String zone) {
        int z = indexOf(zone, false);
        if (z < 0 || out[z] == 0) {
            return;
        }
        if (--out[z] > 0) {
            return;
        }
        List<Workload> workloads = runtime.workloads();
        for (int i = 0; i < workloads.size(); i++) {
            Workload w = workloads.get(i);
            if (w.zones != null && w.pending.size() > 0) {
                runtime.startWaitingFargate(w);
            }
        }
    }

    /** The zone for {@code w}'s next task: the next of its zones not out (round-robin), or NO_ZONE, or ALL_OUT. */
    int next(Workload w) {
        int[] zones = w.zones;
        if (zones == null) {
            return NO_ZONE;
        }
        for (int i = 0; i < zones.length; i++) {
            int[] cursor = w.zoneCursor;
            int z = zones[cursor[0]];
            cursor[0] = cursor[0] + 1 == zones.length ? 0 : cursor[0] + 1;
            if (out[z] == 0) {
                return z;
            }
        }
        return ALL_OUT;
    }

    private int indexOf(String zone, boolean add) {
        int i = names.indexOf(zone);
        if (i < 0 && add) {
            names.add(zone);
            out = Arrays.copyOf(out, names.size());
            i = names.size() - 1;
        }
        return i;
    }
}
