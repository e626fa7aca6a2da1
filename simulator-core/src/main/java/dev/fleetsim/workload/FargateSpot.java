package dev.fleetsim.workload;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.UsageListener;

/**
 * Fargate Spot interruptions of a {@link ClusterRuntime}'s tasks (aws-rules.md item 4): the two-minute warning and
 * SIGTERM at T, the task's run (and bill) ends at T + stopTimeout. From the warning the task is out of its workload
 * (interrupted, not running, not serving) while its run stays open; a service replaces it at once.
 */
final class FargateSpot {

    private final ClusterRuntime runtime;
    private final Simulation sim;
    private final TaskTable tasks;
    private final UsageListener usage;
    private final EventHandler onWarning = (s, slot) -> hazardWarning((int) slot);
    private final EventHandler onStop = (s, slot) -> stop((int) slot);
    /** Tasks between their warning and their stop: their runs are still open. */
    private int stopping;

    FargateSpot(ClusterRuntime runtime, Simulation sim, TaskTable tasks, UsageListener usage) {
        this.runtime = runtime;
        this.sim = sim;
        this.tasks = tasks;
        this.usage = usage;
    }

    /** A task of {@code w} started in {@code slot}: with a hazard, draw its warning time (exponential from now). */
    void started(Workload w, int slot) {
        if (w.spotRandom == null) {
            return;
        }
        long now = sim.nowMs();
        double u = 1.0 - w.spotRandom.nextDouble(); // in (0, 1]
        double afterMs = Math.ceil(-Math.log(u) / w.spotHazardPerMs);
        if (afterMs <= sim.horizonMs() - now) {
            tasks.notice[slot] = sim.schedule(now + Math.max(1L, (long) afterMs), Phase.LIFECYCLE, onWarning, slot);
        }
    }

    /** Warns every running task of {@code w} now; the service then replaces them. */
    int interrupt(Workload w) {
        int warned = 0;
        while (w.firstTask >= 0) {
            warn(w, w.firstTask);
            warned++;
        }
        if (warned > 0) {
            runtime.afterLoss(w);
        }
        return warned;
    }

    /** At the horizon: the runs of tasks still in their stopTimeout end there. */
    void endAtHorizon(long nowMs) {
        for (int t = 0; stopping > 0 && t < tasks.slotCount; t++) {
            if (tasks.workload[t] < 0 && tasks.run[t] >= 0) {
                usage.runEnded(tasks.run[t], nowMs, EndCause.HORIZON);
                tasks.run[t] = -1;
                stopping--;
            }
        }
    }

    private void hazardWarning(int slot) {
        tasks.notice[slot] = -1;
        Workload w = runtime.workload(tasks.workload[slot]);
        warn(w, slot);
        runtime.afterLoss(w);
    }

    private void warn(Workload w, int slot) {
        runtime.unlink(slot);
        w.notices++;
        w.interrupted++;
        if (w.kind() == Workload.Kind.SERVICE) {
            w.replacements++;
        }
        tasks.workload[slot] = -1;
        stopping++;
        long stopAt = sim.nowMs() + w.stopTimeoutMs;
        if (stopAt < sim.horizonMs()) {
            sim.schedule(stopAt, Phase.LIFECYCLE, onStop, slot);
        }
    }

    private void stop(int slot) {
        usage.runEnded(tasks.run[slot], sim.nowMs(), EndCause.INTERRUPTED_BY_AWS);
        stopping--;
        tasks.free(slot);
    }
}
