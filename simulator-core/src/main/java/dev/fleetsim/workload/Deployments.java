package dev.fleetsim.workload;

/**
 * The ECS rolling-deployment process of a {@link ClusterRuntime}'s services (aws-rules.md item 7,
 * deployment-type-ecs.md), with the bounds of {@link RollingDeployment}: at most {@code maximumTasks(desired)}
 * (maximumPercent, rounded down) tasks RUNNING or PENDING, at least {@code minimumHealthyTasks(desired)}
 * (minimumHealthyPercent, rounded up) RUNNING and healthy.
 *
 * <p>At the start every task is of the old revision; waiting old tasks are withdrawn (they are not healthy and the
 * new revision replaces them). Then, whenever something changes (a new task starts serving, a task is lost, desired
 * changes), one step: stop old running tasks, oldest first, while the healthy count stays at or above the minimum
 * healthy; then start new tasks while new ones are fewer than desired and old plus new stay within the maximum.
 * New tasks are placed like any other and may wait PENDING when capacity is short: the deployment then stalls, as
 * in ECS. A task is healthy once it serves, after {@code lifecycle.taskStartup} ({@link TaskStartup}; no
 * health-check grace beyond it). The deployment ends when no old task remains and none waits: every task is new
 * and serving. A newer
 * deployment started before that supersedes it (recorded as unfinished).
 */
final class Deployments {

    private final ClusterRuntime runtime;

    Deployments(ClusterRuntime runtime) {
        this.runtime = runtime;
    }

    void plan(Workload w, RollingDeployment bounds) {
        w.bounds = bounds;
    }

    void start(Workload w, long nowMs) {
        w.revision++;
        w.oldRunning = w.running;
        w.rolling = w.bounds;
        w.deployments.started(nowMs);
        runtime.withdrawPending(w);
        step(w);
    }

    void step(Workload w) {
        RollingDeployment b = w.rolling;
        int desired = w.desired;
        int minimumHealthy = b.minimumHealthyTasks(desired);
        int maximum = b.maximumTasks(desired);
        boolean changed = true;
        while (changed) {
            changed = false;
            // Healthy = serving; an old task still starting up counts as one too here (conservative: stops fewer).
            while (w.oldRunning > 0 && w.serving - 1 >= minimumHealthy) {
                runtime.stopOldestOld(w);
                changed = true;
            }
            int fresh = w.running - w.oldRunning + w.pending.size();
            while (fresh < desired && w.oldRunning + fresh < maximum) {
                // Fargate tasks run at once, which may let more old ones stop: hence the outer loop.
                runtime.submitTask(w);
                fresh++;
                changed = true;
            }
        }
        if (w.oldRunning == 0 && w.pending.size() == 0 && w.serving >= desired) {
            w.deployments.finished(runtime.nowMs());
            w.rolling = null;
            runtime.reconcileService(w);
        }
    }
}
