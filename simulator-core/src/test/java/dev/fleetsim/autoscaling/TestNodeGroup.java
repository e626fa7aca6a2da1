package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.workload.ClusterRuntime;
import java.util.ArrayList;
import java.util.List;

/**
 * A node group over real {@link ContainerHosts} without EC2: a launch joins the hosts {@code launchDelayMs} later
 * (at once when 0), drainAndRemove evicts through the runtime and removes the host. Scaling in by setDesired drops
 * launches not yet joined first, then empty hosts, highest index first.
 */
final class TestNodeGroup implements NodeGroup {

    private final Simulation sim;
    private final String name;
    private final ContainerHosts hosts;
    private final HostSpec template;
    private final int min;
    private final int max;
    private final long launchDelayMs;
    private ClusterRuntime runtime;
    private int desired;
    private int launching;
    private int nextId;
    final List<Integer> members = new ArrayList<>();
    final List<Long> events = new ArrayList<>();

    TestNodeGroup(Simulation sim, String name, ContainerHosts hosts, HostSpec template, int min, int max,
            long launchDelayMs) {
        this.sim = sim;
        this.name = name;
        this.hosts = hosts;
        this.template = template;
        this.min = min;
        this.max = max;
        this.launchDelayMs = launchDelayMs;
    }

    /** Adds {@code n} hosts now (the group's initial capacity, before the run). */
    TestNodeGroup initial(int n) {
        for (int i = 0; i < n; i++) {
            join();
        }
        desired = n;
        return this;
    }

    void runtime(ClusterRuntime rt) {
        this.runtime = rt;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int min() {
        return min;
    }

    @Override
    public int max() {
        return max;
    }

    @Override
    public int desired() {
        return desired;
    }

    @Override
    public void setDesired(int wanted) {
        desired = Math.max(min, Math.min(max, wanted));
        while (size() < desired) {
            launching++;
            if (launchDelayMs == 0) {
                launched();
            } else {
                sim.schedule(sim.nowMs() + launchDelayMs, Phase.LIFECYCLE, (s, p) -> launched(), 0);
            }
        }
        while (size() > desired && launching > 0) {
            launching--;
        }
        for (int i = members.size() - 1; i >= 0 && size() > desired; i--) {
            int h = members.get(i);
            if (hosts.runningCount(h) == 0) {
                members.remove(i);
                hosts.removeHost(h);
            }
        }
    }

    private void launched() {
        if (launching == 0) {
            return;
        }
        launching--;
        join();
    }

    private void join() {
        members.add(hosts.addHost(template, name + "-" + nextId++));
    }

    @Override
    public int size() {
        return members.size() + launching;
    }

    @Override
    public int templateCount() {
        return 1;
    }

    @Override
    public HostSpec template(int i) {
        return template;
    }

    @Override
    public void drainAndRemove(int host) {
        if (!members.remove(Integer.valueOf(host))) {
            throw new IllegalArgumentException(name + " has no host " + host);
        }
        hosts.cordon(host);
        if (hosts.kind() == dev.fleetsim.cluster.HostKind.EKS_NODE) {
            runtime.drainPods(host);
        } else {
            runtime.evictHost(host, EndCause.STOPPED);
        }
        hosts.removeHost(host);
        desired--;
        events.add(sim.nowMs());
    }

    @Override
    public ContainerHosts hosts() {
        return hosts;
    }
}
