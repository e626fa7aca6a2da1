package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.TestGroups.A;
import static dev.fleetsim.autoscaling.TestGroups.ABC;
import static dev.fleetsim.autoscaling.TestGroups.B;
import static dev.fleetsim.autoscaling.TestGroups.GIA;
import static dev.fleetsim.autoscaling.TestGroups.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import java.util.List;
import org.junit.jupiter.api.Test;

final class AutoScalingGroupTest {

    private static final long MIN = 60_000L;

    private final Simulation sim = new Simulation(24 * 60 * MIN);
    private final FakeProvisioner provisioner = new FakeProvisioner();
    private final FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 3)
            .type("m7a.large", 0.05, 1);

    private AutoScalingGroup group(GroupConfig c) {
        return new AutoScalingGroup(sim, c, provisioner, pools, TestGroups.m5Model(100, 0.5));
    }

    /** Runs {@code action} at {@code atMs} in the autoscaling phase, then runs the simulation to there. */
    private void at(long atMs, Runnable action) {
        sim.schedule(atMs, Phase.AUTOSCALING, (s, p) -> action.run(), 0);
        runUntil(atMs);
    }

    private void runUntil(long atMs) {
        sim.schedule(atMs, Phase.OBSERVATION, (s, p) -> s.stop(), 0);
        sim.run();
    }

    @Test
    void start_launchesDesiredOnDemandInPriorityOrderBalancedOverZones() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), ABC, 1, 10, 5));
        g.start();
        assertThat(provisioner.launched).extracting(FakeProvisioner.Launch::zone)
                .containsExactly(A, B, "us-east-1c", A, B);
        assertThat(provisioner.launched).allMatch(l -> l.type().equals("m7g.large") && l.market() == Market.ON_DEMAND);
        assertThat(g.size()).isEqualTo(5);
        assertThat(g.inServiceCount()).isEqualTo(5);
    }

    @Test
    void start_mixedInstances_launchesOnDemandBaseAndShareThenSpot() {
        // base 2 + ceil(8 x 20%) = 4 On-Demand, 6 Spot (aws-rules.md item 4 via InstancesDistribution)
        InstancesDistribution mix = new InstancesDistribution(2, 20, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED, 2);
        AutoScalingGroup g = group(config(GIA, ABC, 2, 40, 10, mix, false, Ec2PlacementGroup.NONE, 300_000));
        g.start();
        assertThat(g.onDemandCount()).isEqualTo(4);
        assertThat(g.spotCount()).isEqualTo(6);
        // Spot: price-capacity-optimized picks bucket 1 (m7a) in every zone
        assertThat(provisioner.launched).filteredOn(l -> l.market() == Market.SPOT)
                .allMatch(l -> l.type().equals("m7a.large"));
        // Each market is balanced over the zones on its own: On-Demand a, b, c, a; Spot b, c, a, b, c, a
        assertThat(provisioner.launched).filteredOn(l -> l.market() == Market.SPOT)
                .extracting(FakeProvisioner.Launch::zone).containsExactly(B, "us-east-1c", A, B, "us-east-1c", A);
    }

    @Test
    void onDemandInsufficientCapacity_fallsBackToNextTypeThenNextZone() {
        provisioner.limit("m7g.large", A, Market.ON_DEMAND, 1);
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), List.of(A), 0, 10, 3));
        g.start();
        assertThat(provisioner.launched).extracting(FakeProvisioner.Launch::type)
                .containsExactly("m7g.large", "m7i.large", "m7i.large");
        assertThat(g.insufficientCapacityErrors()).isEqualTo(2);

        FakeProvisioner other = new FakeProvisioner();
        for (String t : GIA) {
            other.limit(t, A, Market.ON_DEMAND, 0);
        }
        AutoScalingGroup g2 = new AutoScalingGroup(sim, GroupConfig.onDemand("api", TestGroups.types(GIA),
                List.of(A, B), 0, 10, 2), other, null, null);
        g2.start();
        assertThat(other.launched).extracting(FakeProvisioner.Launch::zone).containsExactly(B, B);
    }

    @Test
    void noCapacityAnywhere_launchFailsAndIsRetriedAtTheNextReconcile() {
        provisioner.limit("m7g.large", A, Market.ON_DEMAND, 0);
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(List.of("m7g.large")), List.of(A),
                0, 10, 2));
        g.start();
        assertThat(g.size()).isZero();
        assertThat(g.failedLaunches()).isEqualTo(1);
        provisioner.limit("m7g.large", A, Market.ON_DEMAND, 5);
        g.reconcile();
        assertThat(g.size()).isEqualTo(2);
    }

    @Test
    void scaleIn_zoneWithMostThenClosestToNextBillingHour() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), List.of(A, B), 0, 10, 2));
        g.start(); // id 0 in a, id 1 in b, at t = 0
        at(10 * MIN, () -> g.setDesired(3)); // id 2 in a (tie: first-listed zone)
        at(20 * MIN, () -> g.setDesired(2));
        // Zone a holds 2, b 1. In a, id 0 is 20 min into its hour and id 2 10 min: id 0 is closer to the next hour.
        assertThat(provisioner.terminated).containsExactly(0);
        assertThat(g.instanceIds()).containsExactly(1, 2);
        assertThat(g.scaleInTerminations()).isEqualTo(1);
    }

    @Test
    void scaleIn_mixedGroup_keepsTheOnDemandShare() {
        InstancesDistribution mix = new InstancesDistribution(1, 50, SpotAllocationStrategy.LOWEST_PRICE, 1);
        AutoScalingGroup g = group(config(GIA, List.of(A), 0, 10, 5, mix, false, Ec2PlacementGroup.NONE, 0));
        g.start(); // 1 + ceil(4 x 50%) = 3 On-Demand, 2 Spot
        assertThat(g.onDemandCount()).isEqualTo(3);
        g.setDesired(2); // 1 + ceil(1 x 50%) = 2 On-Demand, 0 Spot
        assertThat(g.onDemandCount()).isEqualTo(2);
        assertThat(g.spotCount()).isZero();
    }

    @Test
    void scaleIn_protectedInstancesAreSkipped_whileAnUnprotectedOneRemains() {
        // Same start as above: zone a holds ids 0 and 2, b holds 1; unprotected, id 0 would go. ASGUG
        // ec2-auto-scaling-instance-protection: protected instances are not chosen while others remain, so with 0
        // and 2 protected the only candidate is 1 (zone b), though a holds more.
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), List.of(A, B), 0, 10, 2));
        g.start();
        at(10 * MIN, () -> g.setDesired(3));
        g.setScaleInProtection(0, true);
        g.setScaleInProtection(2, true);
        at(20 * MIN, () -> g.setDesired(2));
        assertThat(provisioner.terminated).containsExactly(1);
        // Every instance protected: the group still scales in as asked, by its policy (id 0, as above).
        g.setScaleInProtection(0, true);
        at(30 * MIN, () -> g.setDesired(1));
        assertThat(provisioner.terminated).containsExactly(1, 0);
        assertThat(g.instanceIds()).containsExactly(2);
    }

    @Test
    void terminateInstance_decrementing_lowersDesired_otherwiseReplaces_andRefusesBelowMin() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), List.of(A), 1, 10, 3));
        g.start(); // ids 0, 1, 2
        g.terminateInstance(1, true);
        assertThat(g.desired()).isEqualTo(2);
        assertThat(g.instanceIds()).containsExactly(0, 2);
        g.terminateInstance(0, false); // TerminateInstanceInAutoScalingGroup without decrement: replaced by id 3
        assertThat(g.desired()).isEqualTo(2);
        assertThat(g.instanceIds()).containsExactly(2, 3);
        assertThat(provisioner.terminated).containsExactly(1, 0);
        g.terminateInstance(2, true);
        assertThatThrownBy(() -> g.terminateInstance(3, true)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("min 1");
        assertThat(g.instanceIds()).containsExactly(3);
    }

    @Test
    void setDesired_isClampedToMinAndMax() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), ABC, 2, 4, 3));
        g.start();
        g.setDesired(9);
        assertThat(g.desired()).isEqualTo(4);
        g.setDesired(0);
        assertThat(g.desired()).isEqualTo(2);
        assertThat(g.size()).isEqualTo(2);
    }

    @Test
    void warmUp_launchedInstanceServesOnlyAfterWarmUp() {
        AutoScalingGroup g = group(config(List.of("m7g.large"), List.of(A), 0, 10, 1, InstancesDistribution.ALL_ON_DEMAND,
                false, Ec2PlacementGroup.NONE, 300_000));
        g.start();
        at(MIN, () -> g.setDesired(2));
        // m7g.large serves 100 x (2 x 1.40) / (2 x 1.00) = 140
        assertThat(g.servingCapacity()).isCloseTo(140.0, within(1e-9));
        assertThat(g.inService(1)).isFalse();
        runUntil(6 * MIN - 1);
        assertThat(g.inServiceCount()).isEqualTo(1);
        runUntil(6 * MIN);
        assertThat(g.inService(1)).isTrue();
        assertThat(g.servingCapacity()).isCloseTo(280.0, within(1e-9));
    }

    @Test
    void instanceLost_isReplacedAtOnce() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), List.of(A, B), 0, 10, 2));
        g.start();
        at(MIN, () -> g.instanceLost(0));
        assertThat(g.size()).isEqualTo(2);
        assertThat(g.lostInstances()).isEqualTo(1);
        // the replacement goes where the loss left a gap
        assertThat(g.zoneOf(2)).isEqualTo(A);
        assertThat(provisioner.terminated).isEmpty();
    }

    @Test
    void capacityRebalance_launchesReplacementInAnotherPoolThenTerminatesTheAtRiskOne() {
        AutoScalingGroup g = group(config(GIA, List.of(A), 0, 2, 2,
                new InstancesDistribution(0, 0, SpotAllocationStrategy.LOWEST_PRICE, 1), true, Ec2PlacementGroup.NONE,
                300_000));
        g.start(); // ids 0, 1: m7g (the cheapest; one pool per zone)
        at(MIN, () -> g.rebalanceRecommendation(0));
        // Replacement at once, not in the at-risk pool: the next cheapest, m7i; max 2 is exceeded by the allowance of 1.
        assertThat(provisioner.launch(2).type()).isEqualTo("m7i.large");
        assertThat(g.size()).isEqualTo(3);
        assertThat(g.effectiveSize()).isEqualTo(2);
        assertThat(provisioner.terminated).isEmpty();
        runUntil(6 * MIN); // the replacement is in service 300 s after launch
        assertThat(provisioner.terminated).containsExactly(0);
        assertThat(g.instanceIds()).containsExactly(1, 2);
        assertThat(g.rebalanceLaunches()).isEqualTo(1);
        assertThat(g.rebalanceTerminations()).isEqualTo(1);
    }

    @Test
    void capacityRebalance_interruptionBeforeReplacementServes_needsNoSecondLaunch() {
        AutoScalingGroup g = group(config(GIA, List.of(A), 0, 4, 2,
                InstancesDistribution.spot(0, SpotAllocationStrategy.LOWEST_PRICE), true, Ec2PlacementGroup.NONE,
                300_000));
        g.start();
        at(MIN, () -> g.rebalanceRecommendation(0));
        at(3 * MIN, () -> g.instanceLost(0));
        assertThat(g.instanceIds()).containsExactly(1, 2);
        assertThat(provisioner.launched).hasSize(3);
        runUntil(10 * MIN);
        assertThat(provisioner.terminated).isEmpty();
    }

    @Test
    void withoutCapacityRebalance_recommendationLaunchesNothing() {
        AutoScalingGroup g = group(config(GIA, List.of(A), 0, 4, 2,
                InstancesDistribution.spot(0, SpotAllocationStrategy.LOWEST_PRICE), false, Ec2PlacementGroup.NONE,
                300_000));
        g.start();
        at(MIN, () -> g.rebalanceRecommendation(0));
        assertThat(provisioner.launched).hasSize(2);
        assertThat(g.rebalanceRecommendations()).isEqualTo(1);
        at(3 * MIN, () -> g.instanceLost(0));
        assertThat(provisioner.launched).hasSize(3);
    }

    @Test
    void scaleIn_prefersAtRiskInstancesWithoutAReplacement() {
        provisioner.limit("m7i.large", A, Market.SPOT, 0).limit("m7a.large", A, Market.SPOT, 0);
        AutoScalingGroup g = group(config(GIA, List.of(A), 0, 4, 3,
                InstancesDistribution.spot(0, SpotAllocationStrategy.LOWEST_PRICE), true, Ec2PlacementGroup.NONE,
                300_000));
        g.start();
        at(MIN, () -> g.rebalanceRecommendation(1)); // no other pool has capacity: no replacement
        assertThat(g.size()).isEqualTo(3);
        g.setDesired(2);
        assertThat(provisioner.terminated).containsExactly(1);
    }

    @Test
    void apply_scheduledActionSetsMinMaxThenDesired() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), ABC, 1, 4, 2));
        g.start();
        g.apply(new ScheduledAction(0, 10, 5, 12));
        assertThat(g.desired()).isEqualTo(10);
        assertThat(g.size()).isEqualTo(10);
        g.apply(ScheduledAction.desired(0, 1)); // below min 5: clamped
        assertThat(g.desired()).isEqualTo(5);
        assertThatThrownBy(() -> g.apply(new ScheduledAction(0, ScheduledAction.KEEP, 20, ScheduledAction.KEEP)))
                .hasMessageContaining("above max");
    }

    @Test
    void lifecycle_misuseIsRejected() {
        AutoScalingGroup g = group(GroupConfig.onDemand("web", TestGroups.types(GIA), ABC, 1, 4, 2));
        assertThatThrownBy(g::reconcile).hasMessageContaining("has not started");
        g.start();
        assertThatThrownBy(g::start).hasMessageContaining("already started");
        assertThatThrownBy(() -> new AutoScalingGroup(sim, config(GIA, ABC, 0, 4, 2,
                InstancesDistribution.spot(0, SpotAllocationStrategy.LOWEST_PRICE), false, Ec2PlacementGroup.NONE, 0),
                provisioner, null, null)).hasMessageContaining("Spot pool view");
        g.instanceLost(999); // not ours: ignored
        g.rebalanceRecommendation(0); // On-Demand: ignored
        assertThat(g.size()).isEqualTo(2);
    }
}
