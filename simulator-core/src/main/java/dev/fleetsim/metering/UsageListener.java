package dev.fleetsim.metering;

/**
 * Receives billable runs as the simulation produces them. Core calls it; the pricing module implements it
 * (accumulating integer milliseconds per usage key and clock-hour). A run is one uninterrupted stretch
 * of billable state: an instance from entering {@code running} to leaving it, a Fargate task from image
 * pull to stop, a control plane from creation to deletion.
 *
 * <p>Run ids are chosen by the caller and unique among the runs open at one time.
 */
public interface UsageListener {

    void runStarted(long runId, Meterable what, long timeMs);

    void runEnded(long runId, long timeMs, EndCause cause);
}
