package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.TestGroups.A;
import static dev.fleetsim.autoscaling.TestGroups.ABC;
import static dev.fleetsim.autoscaling.TestGroups.GIA;
import static dev.fleetsim.autoscaling.TestGroups.spotConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** aws-rules.md item 4, allocation strategies. */
final class SpotAllocationTest {

    private final Simulation sim = new Simulation(86_400_000L);
    private final FakeProvisioner provisioner = new FakeProvisioner();

    private AutoScalingGroup start(GroupConfig config, SpotPoolView pools) {
        AutoScalingGroup g = new AutoScalingGroup(sim, config, provisioner, pools, null);
        g.start();
        return g;
    }

    private Map<String, Integer> countByType() {
        Map<String, Integer> counts = new TreeMap<>();
        for (FakeProvisioner.Launch l : provisioner.launched) {
            counts.merge(l.type(), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void lowestPrice_onePool_takesTheCheapestPool() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1);
        start(spotConfig(GIA, List.of(A), 4, SpotAllocationStrategy.LOWEST_PRICE, 1), pools);
        assertThat(countByType()).containsExactly(Map.entry("m7g.large", 4));
        assertThat(provisioner.launched).allMatch(l -> l.market() == Market.SPOT);
    }

    @Test
    void lowestPrice_twoPools_spreadsEvenlyOverTheTwoCheapest() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1);
        start(spotConfig(GIA, List.of(A), 4, SpotAllocationStrategy.LOWEST_PRICE, 2), pools);
        // m7g, m7i, m7g, m7i: the fewer-held of the two cheapest each time, price breaking the tie
        assertThat(provisioner.launched).extracting(FakeProvisioner.Launch::type)
                .containsExactly("m7g.large", "m7i.large", "m7g.large", "m7i.large");
    }

    @Test
    void capacityOptimized_takesTheLowestInterruptionBucketWhateverThePrice() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1);
        start(spotConfig(GIA, List.of(A), 3, SpotAllocationStrategy.CAPACITY_OPTIMIZED, 2), pools);
        assertThat(countByType()).containsExactly(Map.entry("m7a.large", 3));
    }

    @Test
    void priceCapacityOptimized_takesTheCheapestOfTheBestBucket() {
        // m7g and m7i share the best bucket (1); m7i is cheaper. m7a is cheapest of all but in bucket 2.
        FakePools pools = new FakePools().type("m7g.large", 0.04, 1).type("m7i.large", 0.03, 1).type("m7a.large", 0.01, 2);
        start(spotConfig(GIA, List.of(A), 3, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED, 2), pools);
        assertThat(countByType()).containsExactly(Map.entry("m7i.large", 3));
    }

    @Test
    void diversified_spreadsEvenlyOverAllPools() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1);
        start(spotConfig(GIA, ABC, 18, SpotAllocationStrategy.DIVERSIFIED, 2), pools);
        // 18 over 3 zones x 3 types: 2 per pool (aws-rules.md item 4: 10 pools, target 100 -> 10 each)
        Map<String, Integer> perPool = new TreeMap<>();
        for (FakeProvisioner.Launch l : provisioner.launched) {
            perPool.merge(l.type() + "@" + l.zone(), 1, Integer::sum);
        }
        assertThat(perPool).hasSize(9).allSatisfy((pool, n) -> assertThat(n).isEqualTo(2));
    }

    @Test
    void diversified_neverUsesAPoolPricedAtOrAboveOnDemand() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1)
                .aboveOnDemand("m7a.large");
        start(spotConfig(GIA, List.of(A), 6, SpotAllocationStrategy.DIVERSIFIED, 2), pools);
        assertThat(countByType()).containsExactly(Map.entry("m7g.large", 3), Map.entry("m7i.large", 3));
    }

    @Test
    void spot_balancesZonesFirst() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1);
        AutoScalingGroup g = start(spotConfig(GIA, ABC, 7, SpotAllocationStrategy.LOWEST_PRICE, 1), pools);
        // 7 over 3 zones: 3, 2, 2 with the extra in the first-listed zone
        assertThat(g.countInZone("us-east-1a")).isEqualTo(3);
        assertThat(g.countInZone("us-east-1b")).isEqualTo(2);
        assertThat(g.countInZone("us-east-1c")).isEqualTo(2);
    }

    @Test
    void closedPool_isSkippedWithoutALaunchAttempt() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1)
                .close("m7g.large", A);
        start(spotConfig(GIA, List.of(A), 2, SpotAllocationStrategy.LOWEST_PRICE, 1), pools);
        assertThat(countByType()).containsExactly(Map.entry("m7i.large", 2));
        assertThat(provisioner.attempts).isEqualTo(2);
    }

    @Test
    void insufficientCapacity_fallsBackToTheNextPoolInStrategyOrder() {
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3).type("m7a.large", 0.05, 1);
        provisioner.limit("m7g.large", A, Market.SPOT, 1);
        AutoScalingGroup g = start(spotConfig(GIA, List.of(A), 3, SpotAllocationStrategy.LOWEST_PRICE, 1), pools);
        // One m7g fits; the next two try m7g (ICE) and fall back to m7i, the next cheapest.
        assertThat(provisioner.launched).extracting(FakeProvisioner.Launch::type)
                .containsExactly("m7g.large", "m7i.large", "m7i.large");
        assertThat(g.insufficientCapacityErrors()).isEqualTo(2);
        assertThat(g.failedLaunches()).isZero();
    }
}
