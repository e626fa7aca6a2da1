package dev.fleetsim.host;

import dev.fleetsim.metering.InstanceUsage;
import java.util.List;
import java.util.Objects;

/**
 * {@code count} identical EC2 instances with fixed run windows, as the scenario's {@code ec2.instances}
 * describes them. An empty {@code runs} list means running for the whole horizon. Windows must be in
 * order and must not overlap; whether the gaps leave room for stopping and starting again depends on the
 * lifecycle timings and is checked by {@link FixedFleet}.
 */
public record FixedInstanceSpec(String name, String instanceType, String zone, OperatingSystem os, Tenancy tenancy,
                                Market market, int count, List<RunWindow> runs) {
    public FixedInstanceSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(instanceType, "instanceType");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(tenancy, "tenancy");
        Objects.requireNonNull(market, "market");
        if (count < 1) {
            throw new IllegalArgumentException(name + ": count must be >= 1, got " + count);
        }
        runs = List.copyOf(runs);
        for (int i = 1; i < runs.size(); i++) {
            if (runs.get(i).startMs() < runs.get(i - 1).endMs()) {
                throw new IllegalArgumentException(name + ": run window " + i + " " + show(runs.get(i))
                        + " starts before window " + (i - 1) + " " + show(runs.get(i - 1)) + " ends");
            }
        }
    }

    /** What each of these instances meters while it runs. */
    public InstanceUsage usage() {
        return new InstanceUsage(instanceType, zone, os, tenancy, market);
    }

    static String show(RunWindow w) {
        return "[" + w.startMs() + ", " + w.endMs() + ") ms";
    }
}
