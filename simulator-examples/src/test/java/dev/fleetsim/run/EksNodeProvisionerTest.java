package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.autoscaling.SpotInterruptionSource;
import dev.fleetsim.billing.UsageMeter;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeProvisioner;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.RandomStreams;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.LifecycleTimings;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.KubeSchedulerConfig;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Karpenter's NodeClaims as real EC2 instances: launch, join, drainAndRemove, Spot interruption. */
final class EksNodeProvisionerTest {

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final long MINUTE = 60_000L;
    private static final long HOUR = 3_600_000L;

    private final Simulation sim = new Simulation(HOUR);
    private final UsageMeter meter = UsageMeter.startingAt(Instant.parse("2026-01-01T00:00:00Z"));
    private final ContainerHosts nodes = ContainerHosts.eks();
    private final KubeScheduler scheduler = new KubeScheduler(nodes, KubeSchedulerConfig.DEFAULT);
    private final ClusterRuntime runtime = new ClusterRuntime(sim, new RandomStreams(1), null, 0, nodes);
    private final List<String> seen = new ArrayList<>();

    private EksNodeProvisioner provisioner(ContainerInstances.CapacityGate gate) {
        return new EksNodeProvisioner(sim, "k", nodes, runtime, meter, LifecycleTimings.DEFAULT,
                SpotInterruptionSource.NONE, gate, 0);
    }

    private static HostSpec template(String type) {
        return new HostSpec(CATALOG.require(type), "us-east-1b", OperatingSystem.LINUX,
                Map.of("karpenter.sh/nodepool", "flex"), List.of(new Taint("team", "batch", TaintEffect.NO_SCHEDULE)));
    }

    private void at(long timeMs, Phase phase, Runnable action) {
        sim.schedule(timeMs, phase, (s, p) -> action.run(), 0);
    }

    @Test
    void launch_joinsWhenRunning_withTheTemplatesLabelsAndTaints_drainAndRemove_billsTheRunningTime() {
        // Launched at 00:10, running at 00:10:16.5 (default launch latency), removed at 00:40: billed from running
        // (aws-rules.md item 1), 40:00 - 10:16.5 = 1,783.5 s, metered in whole seconds rounded up: 1,784 s.
        EksNodeProvisioner p = provisioner(ContainerInstances.CapacityGate.ALWAYS);
        int[] claim = new int[1];
        at(10 * MINUTE, Phase.AUTOSCALING, () -> claim[0] = p.launch(template("m6i.large"), Market.ON_DEMAND));
        at(10 * MINUTE + 16_499, Phase.OBSERVATION, () -> seen.add("pending host " + p.hostOf(claim[0])));
        at(10 * MINUTE + 16_500, Phase.OBSERVATION, () -> {
            int h = p.hostOf(claim[0]);
            seen.add("joined host " + h + " " + nodes.attribute(h, HostAttributes.K8S_INSTANCE_TYPE) + " "
                    + nodes.attribute(h, HostAttributes.K8S_ZONE) + " " + nodes.attribute(h, "karpenter.sh/nodepool")
                    + " taints " + nodes.spec(h).taints().size() + " id " + nodes.hostId(h));
        });
        at(40 * MINUTE, Phase.AUTOSCALING, () -> p.drainAndRemove(p.hostOf(claim[0])));
        sim.run();
        assertThat(claim[0]).isZero();
        assertThat(seen).containsExactly("pending host -1",
                "joined host 0 m6i.large us-east-1b flex taints 1 id k-node-0");
        assertThat(nodes.activeHostCount()).isZero();
        assertThat(p.hostOf(claim[0])).isEqualTo(-1);
        assertThat(meter.keyCount()).isEqualTo(1);
        assertThat(((InstanceUsage) meter.key(0)).instanceType()).isEqualTo("m6i.large");
        assertThat(meter.usageMs(0, 0)).isEqualTo(1_784_000L);
    }

    @Test
    void launch_poolWithoutCapacity_answersInsufficientCapacity() {
        EksNodeProvisioner p = provisioner((type, zone, market, now) -> market != Market.SPOT);
        assertThat(p.launch(template("m5.large"), Market.SPOT)).isEqualTo(NodeProvisioner.INSUFFICIENT_CAPACITY);
        assertThat(p.launch(template("m5.large"), Market.ON_DEMAND)).isZero();
        assertThat(p.launched()).isEqualTo(1);
    }

    @Test
    void spotNode_forcedNotice_cordonsAndDrains_reclaimedAt120s_notReplaced() {
        // A Spot node from 00:00 (launched before any event: running at once) runs one api pod. Notice at 00:20:
        // cordoned, the pod evicted and pending (no other node); reclaimed at 00:22; nothing replaces it.
        EksNodeProvisioner p = provisioner(ContainerInstances.CapacityGate.ALWAYS);
        int claim = p.launch(new HostSpec(CATALOG.require("m5.large"), "us-east-1a", OperatingSystem.LINUX,
                Map.of(), List.of()), Market.SPOT);
        Workload api = runtime.addService("api", new TaskTarget.OnHosts(scheduler.group(PodSpec.of("api", 100,
                100))), 1);
        p.scheduleForcedNotice(20 * MINUTE);
        at(20 * MINUTE, Phase.OBSERVATION, () -> seen.add("20:00 cordoned " + nodes.isCordoned(0) + " pending "
                + runtime.counters(api).pending()));
        at(22 * MINUTE, Phase.OBSERVATION, () -> seen.add("22:00 nodes " + nodes.activeHostCount() + " claim host "
                + p.hostOf(claim)));
        sim.run();
        assertThat(seen).containsExactly("20:00 cordoned true pending 1", "22:00 nodes 0 claim host -1");
        assertThat(p.notices()).isEqualTo(1);
        assertThat(p.reclaimed()).isEqualTo(1);
        assertThat(p.launched()).isEqualTo(1);
        assertThat(runtime.counters(api).interrupted()).isEqualTo(1);
        // Ran 00:00 -> 00:22 as Spot, interrupted by AWS within its first hour: that hour is free (aws-rules.md
        // item 4), so nothing is metered.
        assertThat(((InstanceUsage) meter.key(0)).market()).isEqualTo(Market.SPOT);
        assertThat(meter.usageMs(0, 0)).isZero();
    }

    @Test
    void forcedNotice_byKarpenterPoolLabel_reachesOnlyThatPoolsSpotNodes() {
        // Three nodes at 00:00: Spot of pool flex, Spot of pool other, On-Demand of pool flex. A fault on flex at
        // 00:10 notices the first only (On-Demand is never interrupted): reclaimed at 00:12.
        EksNodeProvisioner p = provisioner(ContainerInstances.CapacityGate.ALWAYS);
        p.launch(template("m5.large"), Market.SPOT);
        p.launch(new HostSpec(CATALOG.require("m5.large"), "us-east-1b", OperatingSystem.LINUX,
                Map.of(EksClusters.KARPENTER_NODEPOOL_LABEL, "other"), List.of()), Market.SPOT);
        p.launch(template("m5.large"), Market.ON_DEMAND);
        p.scheduleForcedNotice(10 * MINUTE, EksClusters.KARPENTER_NODEPOOL_LABEL, "flex");
        at(12 * MINUTE, Phase.OBSERVATION, () -> seen.add("12:00 " + p.hostOf(0) + " " + p.hostOf(1) + " "
                + p.hostOf(2)));
        sim.run();
        assertThat(seen).containsExactly("12:00 -1 1 2");
        assertThat(p.notices()).isEqualTo(1);
    }

    @Test
    void drainAndRemove_ofAHostItDidNotLaunch_isRefused() {
        EksNodeProvisioner p = provisioner(ContainerInstances.CapacityGate.ALWAYS);
        nodes.addHost(HostSpec.of(CATALOG.require("m5.large"), "us-east-1a"), "other");
        assertThatThrownBy(() -> p.drainAndRemove(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
