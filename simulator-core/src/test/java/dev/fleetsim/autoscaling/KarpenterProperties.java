package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.KarpenterHarness.pool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.host.Market;
import dev.fleetsim.placement.PodSpec;
import dev.fleetsim.workload.Workload;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Karpenter's plan agrees with kube-scheduler: what it launches, the pods fill; what empties, it removes. */
final class KarpenterProperties {

    /**
     * Any mix of Deployments whose pods fit the largest candidate (c7g.xlarge: 3820m, 7071 MiB with the agent) is
     * running in full after the nodes join, and once scaled to zero every node is gone. The plan is not binding:
     * kube-scheduler may put a small pod on the node planned for a large one, which then needs another node; but
     * consolidation must not flap (delete a node whose pods then need a new one, again and again), so launches stay
     * within two per pod.
     */
    @Property(tries = 60)
    void provisionedNodesHoldEveryPod_andEmptyNodesLeave(
            @ForAll @Size(min = 1, max = 4) List<@IntRange(min = 50, max = 3800) Integer> cpus,
            @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 64, max = 7000) Integer> memories,
            @ForAll @Size(min = 4, max = 4) List<@IntRange(min = 1, max = 12) Integer> replicas) {
        KarpenterHarness k = new KarpenterHarness(2 * KarpenterHarness.HOUR).withAgent()
                .start(pool(Market.ON_DEMAND, "m7g.large", "m7i.large", "c7g.xlarge"));
        List<Workload> services = new ArrayList<>();
        int pods = 0;
        for (int i = 0; i < cpus.size(); i++) {
            services.add(k.runtime.addService("w" + i, k.pods(PodSpec.of("w" + i, cpus.get(i), memories.get(i))),
                    replicas.get(i)));
            pods += replicas.get(i);
        }
        List<Integer> pendingAtTenMinutes = new ArrayList<>();
        k.at(600_000, t -> {
            int pending = 0;
            for (Workload w : services) {
                pending += k.runtime.counters(w).pending();
            }
            pendingAtTenMinutes.add(pending);
        });
        k.atArrival(KarpenterHarness.HOUR, () -> services.forEach(w -> k.runtime.setDesiredCount(w, 0)));
        k.sim.run();
        assertThat(pendingAtTenMinutes).containsExactly(0);
        assertThat(k.counters().launched()).isBetween(1L, 2L * pods);
        assertThat(k.hosts.activeHostCount()).isZero();
        assertThat(k.counters().nodes()).isZero();
    }
}
