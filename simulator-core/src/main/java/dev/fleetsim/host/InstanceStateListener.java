package dev.fleetsim.host;

/** Observes the state changes of EC2 instances, e.g. to count them or to drain their tasks. */
@FunctionalInterface
public interface InstanceStateListener {

    /**
     * @param previous the state left, or null when the instance has just been launched (or was already
     *     running when the scenario began)
     */
    void onStateChange(Ec2Instance instance, InstanceState previous, InstanceState current, long timeMs);
}
