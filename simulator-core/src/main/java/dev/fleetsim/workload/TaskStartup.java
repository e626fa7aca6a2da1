package dev.fleetsim.workload;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;

/**
 * {@code lifecycle.taskStartup} of a {@link ClusterRuntime}'s tasks: a task placed on a host (or started on Fargate)
 * at t holds its capacity, and a Fargate task bills (aws-rules.md item 5: from the start of the image pull), from t;
 * it serves only from t + startup (its RunningListener hears of it then, and a rolling deployment counts it healthy
 * then). A task with a duration completes at t + startup + duration: the duration is the workload's own run time,
 * which starts once the task is up. Without a startup a task serves at once, with no extra event.
 */
final class TaskStartup {

    private final ClusterRuntime runtime;
    private final Simulation sim;
    private final TaskTable tasks;
    private final long startupMs;
    private final EventHandler onCompletion;
    private final EventHandler onServing = (s, slot) -> serving((int) slot);

    TaskStartup(ClusterRuntime runtime, Simulation sim, TaskTable tasks, long startupMs, EventHandler onCompletion) {
        if (startupMs < 0) {
            throw new IllegalArgumentException("task startup must be >= 0 ms, got " + startupMs);
        }
        this.runtime = runtime;
        this.sim = sim;
        this.tasks = tasks;
        this.startupMs = startupMs;
        this.onCompletion = onCompletion;
    }

    /** {@code slot} of {@code w} was just placed or started on Fargate (its duration set): it starts up now. */
    void begin(Workload w, int slot) {
        if (startupMs == 0) {
            serve(w, slot);
        } else {
            tasks.event[slot] = sim.schedule(sim.nowMs() + startupMs, Phase.LIFECYCLE, onServing, slot);
        }
    }

    private void serving(int slot) {
        tasks.event[slot] = -1;
        Workload w = runtime.workload(tasks.workload[slot]);
        serve(w, slot);
        runtime.servingBegan(w);
    }

    private void serve(Workload w, int slot) {
        long now = sim.nowMs();
        tasks.serving[slot] = true;
        w.serving++;
        if (w.runningListener != null) {
            w.runningListener.runningChanged(now, 1, tasks.host[slot]);
        }
        long durationMs = tasks.duration[slot];
        if (durationMs > 0) {
            tasks.event[slot] = sim.schedule(now + durationMs, Phase.COMPLETION, onCompletion, slot);
        }
    }
}
