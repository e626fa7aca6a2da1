package dev.fleetsim.host;

import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.UsageListener;
import java.util.Objects;

/** What every EC2 instance of a simulation shares: the engine, the timings and the two listeners. */
public record InstanceEnvironment(Simulation sim, LifecycleTimings timings, UsageListener usageListener,
                                  InstanceStateListener stateListener) {
    public InstanceEnvironment {
        Objects.requireNonNull(sim, "sim");
        Objects.requireNonNull(timings, "timings");
        Objects.requireNonNull(usageListener, "usageListener");
        Objects.requireNonNull(stateListener, "stateListener");
    }
}
