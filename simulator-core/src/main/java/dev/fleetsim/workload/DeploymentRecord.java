package dev.fleetsim.workload;

/**
 * One rolling deployment of a service.
 *
 * @param startMs when the new revision started rolling out
 * @param durationMs how long until every task was of the new revision and running; -1 if it had not finished (the
 *     horizon came, or a newer deployment superseded it)
 */
public record DeploymentRecord(long startMs, long durationMs) {

    public boolean finished() {
        return durationMs >= 0;
    }
}
