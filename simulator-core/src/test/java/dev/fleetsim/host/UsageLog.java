package dev.fleetsim.host;

import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;
import dev.fleetsim.metering.UsageListener;
import java.util.ArrayList;
import java.util.List;

/** Records usage and state changes as readable lines, in the order they happen. */
final class UsageLog implements UsageListener, InstanceStateListener {

    final List<String> usage = new ArrayList<>();
    final List<String> states = new ArrayList<>();

    @Override
    public void runStarted(long runId, Meterable what, long timeMs) {
        usage.add("start " + runId + " " + ((InstanceUsage) what).instanceType() + " @" + timeMs);
    }

    @Override
    public void runEnded(long runId, long timeMs, EndCause cause) {
        usage.add("end " + runId + " @" + timeMs + " " + cause);
    }

    @Override
    public void onStateChange(Ec2Instance instance, InstanceState previous, InstanceState current, long timeMs) {
        states.add(instance.instanceId() + " " + (previous == null ? "-" : previous.key()) + ">" + current.key()
                + " @" + timeMs);
    }
}
