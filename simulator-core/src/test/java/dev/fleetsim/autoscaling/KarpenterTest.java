package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.KarpenterHarness.HOUR;
import static dev.fleetsim.autoscaling.KarpenterHarness.pool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.placement.Toleration;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.workload.ArrivalProcess;
import dev.fleetsim.workload.DurationDistribution;
import dev.fleetsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Karpenter provisioning and disruption (aws-rules.md item 8). Room on an empty node, by hand from the catalog, the
 * EKS AMI's reservations (KubeReserved, aws-rules.md E14) and the 100m/128 MiB agent DaemonSet:
 * <ul>
 *   <li>m7g.large and m7i.large: 2 vCPU, 8192 MiB, 29 pods. kubeReserved CPU 60 + 10 = 70m; memory 11 x 29 + 255 =
 *       574 MiB + 100 eviction = 674. Room: 2000 - 70 - 100 = 1830m, 8192 - 674 - 128 = 7390 MiB, 28 pods.</li>
 *   <li>c7g.xlarge: 4 vCPU, 8192 MiB, 58 pods. CPU 60 + 10 + 2000 x 0.5% = 80m; memory 11 x 58 + 255 = 893 + 100 =
 *       993. Room: 4000 - 80 - 100 = 3820m, 8192 - 993 - 128 = 7071 MiB, 57 pods.</li>
 * </ul>
 * Prices: m7g.large $0.0816, m7i.large $0.1008, c7g.xlarge $0.145 an hour. Timeline: the tick at 0 opens the batch,
 * the tick at 1 s closes it (1 s without more pods) and launches; nodes join 60 s later.
 */
final class KarpenterTest {

    private static final PodSpec ONE_CPU = PodSpec.of("web", 1000, 2048);

    @Test
    void provision_threePodsOfOneVcpu_launchOneC7gXlarge() {
        // FFD: pod 1 opens a node {m7g.large, m7i.large, c7g.xlarge}; pod 2 needs 2000m > 1830m, only c7g.xlarge
        // stays; pod 3: 3000m <= 3820m and 6144 <= 7071 MiB, still c7g.xlarge. One node, $0.145/h (three m7g.large
        // would cost 3 x $0.0816 = $0.2448/h).
        KarpenterHarness k = new KarpenterHarness(2 * HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large", "c7g.xlarge"));
        Workload web = k.runtime.addService("web", k.pods(ONE_CPU), 3);
        List<Integer> running = new ArrayList<>();
        k.at(61_000, t -> running.add(k.runtime.counters(web).running()));
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("c7g.xlarge");
        assertThat(running).containsExactly(3);
        assertThat(k.counters().launched()).isEqualTo(1);
    }

    @Test
    void provision_fourPods_addTheCheapestTypeForTheFourth() {
        // Pods 1-3 as above on a c7g.xlarge plan; pod 4 (4000m > 3820m) opens a second plan with all three types,
        // which launches the cheapest: m7g.large at $0.0816 < m7i.large $0.1008 < c7g.xlarge $0.145.
        KarpenterHarness k = new KarpenterHarness(HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large", "c7g.xlarge"));
        k.runtime.addService("web", k.pods(ONE_CPU), 4);
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("c7g.xlarge", "m7g.large");
        assertThat(k.counters().peakNodes()).isEqualTo(2);
    }

    @Test
    void provision_amd64Selector_takesTheX86TypeThoughArmIsCheaper() {
        // kubernetes.io/arch=amd64 admits only m7i.large (x86_64); one pod of 1000m fits its 1830m.
        KarpenterHarness k = new KarpenterHarness(HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large", "c7g.xlarge"));
        k.runtime.addService("web", k.pods(ONE_CPU.withNodeSelector(Map.of(HostAttributes.K8S_ARCH, "amd64"))), 1);
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("m7i.large");
    }

    @Test
    void provision_spot_priceCapacityOptimizedPrefersTheLowerInterruptionBucket() {
        // m7g.large is cheaper but in advisor bucket 3 (15-20%); m7i.large is in bucket 1 (5-10%): the pool with more
        // spare capacity wins first (aws-rules.md item 4, price-capacity-optimized).
        OfferingPrices prices = new OfferingPrices() {
            @Override
            public long microUsdPerHour(String type, String zone, OperatingSystem os, Market market, long nowMs) {
                return KarpenterHarness.PRICES.get(type);
            }

            @Override
            public int interruptionBucket(String type, String zone, OperatingSystem os) {
                return type.equals("m7g.large") ? 3 : 1;
            }
        };
        KarpenterHarness k = new KarpenterHarness(70_000).withAgent()
                .start(prices, pool(Market.SPOT, "m7g.large", "m7i.large"));
        k.runtime.addService("web", k.pods(ONE_CPU), 1);
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("m7i.large");
    }

    @Test
    void provision_poolTaint_onlyToleratingPodsGetNodes() {
        // The pool's nodes carry dedicated=batch:NoSchedule; "web" does not tolerate it and stays pending, "batch"
        // does and gets one m7g.large.
        Taint dedicated = new Taint("dedicated", "batch", TaintEffect.NO_SCHEDULE);
        KarpenterHarness k = new KarpenterHarness(HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large").withLabelsAndTaints(Map.of(), List.of(dedicated)));
        Workload web = k.runtime.addService("web", k.pods(ONE_CPU), 1);
        Workload batch = k.runtime.addService("batch", k.pods(PodSpec.of("batch", 1000, 2048)
                .withTolerations(List.of(Toleration.equal("dedicated", "batch", TaintEffect.NO_SCHEDULE)))), 1);
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("m7g.large");
        assertThat(k.runtime.counters(web).pending()).isEqualTo(1);
        assertThat(k.runtime.counters(batch).running()).isEqualTo(1);
    }

    @Test
    void provision_insufficientCapacity_triesTheNextOffering() {
        // Horizon 70 s: before the first consolidation pass after the join (75 s), which would try (and fail) to
        // replace the m7i.large by the cheaper m7g.large every 3 minutes.
        KarpenterHarness k = new KarpenterHarness(70_000).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large"));
        k.provisioner.exhausted.add("m7g.large");
        k.runtime.addService("web", k.pods(ONE_CPU), 1);
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("m7i.large");
        assertThat(k.counters().launchFailures()).isEqualTo(1);
    }

    @Test
    void provision_cpuLimitOfTwoVcpu_stopsAfterOneNode() {
        // Limit 2 vCPU of capacity: c7g.xlarge (4 vCPU) is out from the start. Pods 1, 2, 3 each open a plan of
        // {m7g.large, m7i.large} (two 1000m pods exceed 1830m). Plan 1 launches m7g.large (2 vCPU, the limit);
        // plans 2 and 3 would exceed it. One pod runs, two wait.
        KarpenterHarness k = new KarpenterHarness(HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large", "c7g.xlarge").withLimits(2000, Long.MAX_VALUE));
        Workload web = k.runtime.addService("web", k.pods(ONE_CPU), 3);
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("m7g.large");
        assertThat(k.runtime.counters(web).running()).isEqualTo(1);
        assertThat(k.runtime.counters(web).pending()).isEqualTo(2);
        assertThat(k.counters().limitBlocked()).isEqualTo(2);
    }

    @Test
    void consolidation_emptyNode_deletedAfterConsolidateAfter() {
        // A Job pod starts at 61 s on an m7g.large and ends at 61 + 600 = 661 s. consolidateAfter 5 min: eligible
        // from 961 s; consolidation runs every 15 s, so the node goes at 975 s (65 x 15).
        KarpenterHarness k = new KarpenterHarness(HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large").withConsolidation(true, 300_000));
        k.runtime.addJob("batch", k.pods(PodSpec.of("batch", 1000, 2048)), new ArrivalProcess.At(List.of(0L), 1),
                new DurationDistribution.Fixed(600_000));
        List<Integer> nodes = new ArrayList<>();
        k.at(974_999, t -> nodes.add(k.hosts.activeHostCount()));
        k.at(975_000, t -> nodes.add(k.hosts.activeHostCount()));
        k.sim.run();
        assertThat(nodes).containsExactly(1, 0);
        assertThat(k.counters().emptyDeleted()).isEqualTo(1);
    }

    @Test
    void consolidation_underutilizedNode_podsMovedAndNodeDeleted() {
        // 500m pods on m7g.large (1830m room): three per node, so 6 pods take two nodes joining at 61 s. The
        // scheduler (LeastAllocated, ties to the lower index) alternates: pods 1, 3, 5 on node A, 2, 4, 6 on B.
        // At 1 h the service scales to 3, stopping the newest (6, 5, 4): A keeps 2, B keeps 1. Consolidation at
        // 1 h (240 x 15 s): B has fewer pods; its 500m fits A's 1830 - 1000 = 830m, so B is deleted and the pod
        // moves to A.
        KarpenterHarness k = new KarpenterHarness(2 * HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large"));
        Workload web = k.runtime.addService("web", k.pods(PodSpec.of("web", 500, 1024)), 6);
        k.atArrival(HOUR, () -> k.runtime.setDesiredCount(web, 3));
        List<Integer> nodes = new ArrayList<>();
        k.at(HOUR - 1, t -> nodes.add(k.hosts.activeHostCount()));
        k.at(HOUR + 60_000, t -> nodes.add(k.hosts.activeHostCount()));
        k.sim.run();
        assertThat(nodes).containsExactly(2, 1);
        assertThat(k.counters().underutilizedDeleted()).isEqualTo(1);
        assertThat(k.counters().emptyDeleted()).isZero();
        assertThat(k.runtime.counters(web).running()).isEqualTo(3);
        assertThat(k.runtime.counters(web).pending()).isZero();
    }

    @Test
    void consolidation_cheaperReplacement_launchedThenOldNodeDrained() {
        // Three 1000m pods on one c7g.xlarge ($0.145). At 1 h the service scales to 1; the pod has nowhere else to
        // go, but fits one m7g.large ($0.0816 < $0.145): launched at 1 h, joins at 1 h + 60 s, and the consolidation
        // tick of that instant (244 x 15 s) drains the c7g.xlarge.
        KarpenterHarness k = new KarpenterHarness(2 * HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large", "c7g.xlarge"));
        Workload web = k.runtime.addService("web", k.pods(ONE_CPU), 3);
        k.atArrival(HOUR, () -> k.runtime.setDesiredCount(web, 1));
        List<List<String>> types = new ArrayList<>();
        k.at(HOUR + 59_999, t -> types.add(k.nodeTypes()));
        k.at(HOUR + 60_000, t -> types.add(k.nodeTypes()));
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("c7g.xlarge", "m7g.large");
        assertThat(types).containsExactly(List.of("c7g.xlarge"), List.of("m7g.large"));
        assertThat(k.counters().replaced()).isEqualTo(1);
        assertThat(k.runtime.counters(web).running()).isEqualTo(1);
    }

    @Test
    void consolidation_spotToSpotWithFewerThan15CheaperTypes_keepsTheNode() {
        // The same as above on Spot: only 2 cheaper types (m7g.large, m7i.large) < 15, so no replacement
        // (aws-rules.md item 8).
        KarpenterHarness k = new KarpenterHarness(2 * HOUR).withAgent()
                .start(pool(Market.SPOT, "m7g.large", "m7i.large", "c7g.xlarge"));
        Workload web = k.runtime.addService("web", k.pods(ONE_CPU), 3);
        k.atArrival(HOUR, () -> k.runtime.setDesiredCount(web, 1));
        k.sim.run();
        assertThat(k.provisioner.launchedTypes).containsExactly("c7g.xlarge");
        assertThat(k.nodeTypes()).containsExactly("c7g.xlarge");
        assertThat(k.counters().replaced()).isZero();
    }

    @Test
    void consolidation_elevenEmptyNodes_budgetOf10PercentDeletesTwoThenOne() {
        // Eleven Job pods of 1500m need a m7g.large each (2 x 1500 > 1830). They end together at 661 s. At the
        // 675 s pass: roundup(11 x 10%) = 2 deleted; at 690 s: roundup(9 x 10%) = 1; at 705 s: roundup(8 x 10%) = 1.
        KarpenterHarness k = new KarpenterHarness(HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large"));
        k.runtime.addJob("batch", k.pods(PodSpec.of("batch", 1500, 1024)), new ArrivalProcess.At(List.of(0L), 11),
                new DurationDistribution.Fixed(600_000));
        List<Integer> nodes = new ArrayList<>();
        for (long t : new long[] {674_999, 675_000, 690_000, 705_000}) {
            k.at(t, x -> nodes.add(k.hosts.activeHostCount()));
        }
        k.sim.run();
        assertThat(nodes).containsExactly(11, 9, 8, 7);
    }

    @Test
    void budget_roundsUp() {
        assertThat(KarpenterPoolConfig.budget(19, 20)).isEqualTo(4); // aws-rules.md E21: 3.8 -> 4
        assertThat(KarpenterPoolConfig.budget(11, 10)).isEqualTo(2); // 1.1 -> 2
        assertThat(KarpenterPoolConfig.budget(10, 10)).isEqualTo(1);
        assertThat(KarpenterPoolConfig.budget(1, 10)).isEqualTo(1);
        assertThat(KarpenterPoolConfig.budget(0, 10)).isZero();
    }

    @Test
    void expiration_nodeOlderThanExpireAfter_drainedAndReplaced() {
        // Launched at 1 s, expireAfter 1 h: expired from 3,601 s; the next 15-s pass is 3,615 s (241 x 15). The pod
        // waits, the batch opens at 3,616 s and launches at 3,617 s; the new node joins at 3,677 s.
        KarpenterHarness k = new KarpenterHarness(2 * HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large").withExpireAfter(HOUR));
        Workload web = k.runtime.addService("web", k.pods(ONE_CPU), 1);
        List<Integer> nodes = new ArrayList<>();
        k.at(3_614_999, t -> nodes.add(k.hosts.activeHostCount()));
        k.at(3_615_000, t -> nodes.add(k.hosts.activeHostCount()));
        k.at(3_676_999, t -> nodes.add(k.hosts.activeHostCount()));
        k.at(3_677_000, t -> nodes.add(k.runtime.counters(web).running()));
        k.sim.run();
        assertThat(nodes).containsExactly(1, 0, 0, 1);
        assertThat(k.counters().expired()).isEqualTo(1);
        assertThat(k.counters().launched()).isEqualTo(2);
    }
}
