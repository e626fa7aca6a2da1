package dev.fleetsim.autoscaling;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeProvisioner;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.placement.DaemonSet;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * A small EKS cluster for Karpenter tests: real ContainerHosts, KubeScheduler and ClusterRuntime, a NodeProvisioner
 * whose nodes join {@link #JOIN_DELAY_MS} after launch, and fixed test prices.
 */
final class KarpenterHarness {

    static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    static final long JOIN_DELAY_MS = 60_000;
    static final long HOUR = 3_600_000;

    /**
     * Test prices in micro-USD per hour: the us-east-1 Linux On-Demand prices of the shared data
     * (ondemand_prices.csv, 2026-07-20): m7g.large $0.0816, m7i.large $0.1008, c7g.xlarge $0.145. Spot uses the same.
     */
    static final Map<String, Long> PRICES = Map.of("m7g.large", 81_600L, "m7i.large", 100_800L,
            "c7g.xlarge", 145_000L);

    final Simulation sim;
    final ContainerHosts hosts = ContainerHosts.eks();
    final KubeScheduler scheduler = new KubeScheduler(hosts, KubeSchedulerConfig.DEFAULT);
    final ClusterRuntime runtime;
    final TestProvisioner provisioner = new TestProvisioner();
    Karpenter karpenter;

    KarpenterHarness(long horizonMs) {
        sim = new Simulation(horizonMs);
        runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, hosts);
    }

    static List<InstanceType> types(String... names) {
        List<InstanceType> out = new ArrayList<>();
        for (String n : names) {
            out.add(CATALOG.require(n));
        }
        return out;
    }

    static KarpenterPoolConfig pool(Market market, String... typeNames) {
        return KarpenterPoolConfig.of("flex", types(typeNames), List.of("us-east-1a"), market);
    }

    /** One DaemonSet of 100m and 128 MiB, as a log agent. */
    KarpenterHarness withAgent() {
        scheduler.addDaemonSet(new DaemonSet("agent", 100, 128));
        return this;
    }

    KarpenterHarness start(KarpenterPoolConfig... pools) {
        return start((type, zone, os, market, now) -> PRICES.getOrDefault(type, -1L), pools);
    }

    KarpenterHarness start(OfferingPrices prices, KarpenterPoolConfig... pools) {
        karpenter = new Karpenter(sim, runtime, scheduler, provisioner, prices, List.of(pools));
        return this;
    }

    TaskTarget pods(PodSpec spec) {
        return new TaskTarget.OnHosts(scheduler.group(spec));
    }

    /** Runs {@code probe} at {@code timeMs}, after everything else of that instant. */
    void at(long timeMs, LongConsumer probe) {
        sim.schedule(timeMs, Phase.OBSERVATION, (s, p) -> probe.accept(s.nowMs()), 0);
    }

    void atArrival(long timeMs, Runnable action) {
        sim.schedule(timeMs, Phase.ARRIVAL, (s, p) -> action.run(), 0);
    }

    KarpenterCounters counters() {
        return karpenter.counters().get(0);
    }

    /** Instance type names of the active nodes, in host index order. */
    List<String> nodeTypes() {
        List<String> out = new ArrayList<>();
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (hosts.isActive(h)) {
                out.add(hosts.instanceType(h).name());
            }
        }
        return out;
    }

    /** Launches join after a fixed delay; offerings listed in {@link #exhausted} fail with ICE. */
    final class TestProvisioner implements NodeProvisioner {
        final List<String> launchedTypes = new ArrayList<>();
        final Set<String> exhausted = new HashSet<>();
        private final Map<Integer, Integer> hostOfClaim = new HashMap<>();
        private int next;

        @Override
        public int launch(HostSpec template, Market market) {
            if (exhausted.contains(template.instanceType().name())) {
                return INSUFFICIENT_CAPACITY;
            }
            int claim = next++;
            launchedTypes.add(template.instanceType().name());
            sim.schedule(sim.nowMs() + JOIN_DELAY_MS, Phase.LIFECYCLE,
                    (s, p) -> hostOfClaim.put(claim, hosts.addHost(template, "node-" + claim)), 0);
            return claim;
        }

        @Override
        public void drainAndRemove(int host) {
            runtime.evictHost(host, EndCause.STOPPED);
            hosts.removeHost(host);
            hostOfClaim.values().remove(host);
        }

        @Override
        public int hostOf(int claim) {
            return hostOfClaim.getOrDefault(claim, -1);
        }

        @Override
        public ContainerHosts hosts() {
            return hosts;
        }
    }
}
