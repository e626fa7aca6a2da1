package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.TestGroups.A;
import static dev.fleetsim.autoscaling.TestGroups.ABC;
import static dev.fleetsim.autoscaling.TestGroups.B;
import static dev.fleetsim.autoscaling.TestGroups.C;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * AZ rebalancing (ASGUG auto-scaling-benefits.md, "Rebalancing activities"): after a zone recovers the group launches
 * in the emptiest zone first and terminates in the fullest once the new instance is in service, exceeding max by at
 * most max(1, floor(10% of max)).
 *
 * <p>Common timeline: 6 On-Demand m7g.large over a, b, c (ids 0-5 in zones a, b, c, a, b, c: zone balancing). At 30 min
 * zone a closes and its instances 0 and 3 are lost; each replacement tries a (emptiest, closed: ICE) then the emptiest
 * open zone: id 6 in b, id 7 in c, so b = {1, 4, 6}, c = {2, 5, 7}. At 150 min zone a reopens.
 */
final class AzRebalanceTest {

    private static final long MIN = 60_000L;
    private static final String TYPE = "m7g.large";

    private final Simulation sim = new Simulation(24 * 60 * MIN);
    private final FakeProvisioner provisioner = new FakeProvisioner();
    /** Live instances after every event of the run, to catch the peak between events. */
    private final List<Integer> sizes = new ArrayList<>();

    private AutoScalingGroup groupOfSixLosingZoneA(int max) {
        AutoScalingGroup g = new AutoScalingGroup(sim,
                GroupConfig.onDemand("web", TestGroups.types(List.of(TYPE)), ABC, 6, max, 6), provisioner, null, null);
        g.start();
        at(30 * MIN, () -> {
            provisioner.limit(TYPE, A, Market.ON_DEMAND, 0);
            g.instanceLost(0);
            g.instanceLost(3);
        });
        return g;
    }

    private void at(long atMs, Runnable action) {
        sim.schedule(atMs, Phase.AUTOSCALING, (s, p) -> action.run(), 0);
        runUntil(atMs);
    }

    private void runUntil(long atMs) {
        sim.schedule(atMs, Phase.OBSERVATION, (s, p) -> s.stop(), 0);
        sim.run();
    }

    private void reopenA(AutoScalingGroup g) {
        provisioner.limit(TYPE, A, Market.ON_DEMAND, Integer.MAX_VALUE);
        g.rebalanceZones();
    }

    private static int[] zones(AutoScalingGroup g) {
        return new int[] {g.countInZone(A), g.countInZone(B), g.countInZone(C)};
    }

    @Test
    void rebalanceZones_atMax_movesOneInstanceAtATime_launchBeforeTerminate() {
        AutoScalingGroup g = groupOfSixLosingZoneA(6);
        assertThat(zones(g)).containsExactly(0, 3, 3);
        assertThat(g.insufficientCapacityErrors()).isEqualTo(2);

        // Ceiling 6 + max(1, floor(6 / 10) = 0) = 7: one pair at a time. The fullest zone is b (3, before c on the
        // tie); its victim is closest to the next billing hour: ids 1 and 4 are 150 min % 60 = 30 min into their hour,
        // id 6 (launched at 30 min) 0 min: id 1, the older of the two. New id 8 in a.
        at(150 * MIN, () -> reopenA(g));
        assertThat(g.size()).isEqualTo(7);
        assertThat(g.effectiveSize()).isEqualTo(6);
        assertThat(provisioner.launch(8).zone()).isEqualTo(A);
        assertThat(provisioner.terminated).isEmpty();

        // 155 min: id 8 is in service (300 s warm-up), id 1 goes. a 1, b 2, c 3: c is fullest; ids 2 and 5 are 35 min
        // into their hour, id 7 5 min: id 2 goes once new id 9 in a is in service, at 160 min.
        runUntil(155 * MIN);
        assertThat(provisioner.terminated).containsExactly(1);
        assertThat(g.size()).isEqualTo(7);
        assertThat(provisioner.launch(9).zone()).isEqualTo(A);

        runUntil(160 * MIN);
        assertThat(provisioner.terminated).containsExactly(1, 2);
        assertThat(zones(g)).containsExactly(2, 2, 2);
        assertThat(g.size()).isEqualTo(6);
        assertThat(g.peakSize()).isEqualTo(7);
        assertThat(g.azRebalanceLaunches()).isEqualTo(2);
        assertThat(g.azRebalanceTerminations()).isEqualTo(2);
        assertThat(g.scaleInTerminations()).isZero();
        assertThat(g.launches()).isEqualTo(10); // 6 + 2 replacements + 2 rebalancing
    }

    @Test
    void rebalanceZones_belowMax_launchesEveryMoveAtOnce() {
        // max 10: ceiling 11, so both moves launch at 150 min: victim 1 in b, then (a 1, b 2, c 3) victim 2 in c.
        AutoScalingGroup g = groupOfSixLosingZoneA(10);
        at(150 * MIN, () -> reopenA(g));
        assertThat(g.size()).isEqualTo(8);
        assertThat(zones(g)).containsExactly(2, 3, 3);

        runUntil(155 * MIN);
        assertThat(provisioner.terminated).containsExactly(1, 2);
        assertThat(zones(g)).containsExactly(2, 2, 2);
        assertThat(g.peakSize()).isEqualTo(8);
    }

    @Test
    void rebalanceZones_zoneStillClosed_launchesNothingAndTerminatesNothing() {
        AutoScalingGroup g = groupOfSixLosingZoneA(6);
        at(150 * MIN, g::rebalanceZones); // a is still closed: one ICE answer, no pair
        assertThat(g.insufficientCapacityErrors()).isEqualTo(3);
        assertThat(g.azRebalanceLaunches()).isZero();
        runUntil(200 * MIN);
        assertThat(provisioner.terminated).isEmpty();
        assertThat(zones(g)).containsExactly(0, 3, 3);
    }

    @Test
    void rebalanceZones_balancedGroup_doesNothing() {
        AutoScalingGroup g = new AutoScalingGroup(sim,
                GroupConfig.onDemand("web", TestGroups.types(List.of(TYPE)), ABC, 0, 10, 5), provisioner, null, null);
        g.start(); // 2, 2, 1: within one of each other
        g.rebalanceZones();
        assertThat(g.launches()).isEqualTo(5);
        assertThat(g.azRebalanceLaunches()).isZero();
    }

    @Test
    void rebalanceZones_victimLostBeforeThePairCompletes_theNewInstanceStays() {
        AutoScalingGroup g = groupOfSixLosingZoneA(6);
        at(150 * MIN, () -> reopenA(g));
        at(152 * MIN, () -> g.instanceLost(1)); // the victim fails: the group is at 6 again, with id 8 in a
        assertThat(g.size()).isEqualTo(6);
        assertThat(g.effectiveSize()).isEqualTo(6);
        assertThat(g.launches()).isEqualTo(9); // no replacement: id 8 counts now

        // 155 min: id 8 in service, nothing to terminate; the next step moves one from c (a 1, b 2, c 3): new id 9.
        runUntil(155 * MIN);
        assertThat(provisioner.terminated).isEmpty();
        assertThat(g.azRebalanceTerminations()).isZero();
        runUntil(160 * MIN);
        assertThat(provisioner.terminated).containsExactly(2);
        assertThat(zones(g)).containsExactly(2, 2, 2);
    }

    @Test
    void rebalanceZones_mixedGroup_replacementTakesTheVictimsMarket() {
        // 3 On-Demand (base 3, 0% above) then 3 Spot, each market balanced on its own: On-Demand ids 0, 1, 2 in a, b,
        // c; Spot ids 3, 4, 5 in a, b, c (all zones hold 0 Spot and 1 instance: list order).
        InstancesDistribution mix = new InstancesDistribution(3, 0, SpotAllocationStrategy.LOWEST_PRICE, 2);
        FakePools pools = new FakePools().type(TYPE, 0.03, 2);
        AutoScalingGroup g = new AutoScalingGroup(sim, TestGroups.config(List.of(TYPE), ABC, 6, 6, 6, mix, false,
                Ec2PlacementGroup.NONE, 300_000L), provisioner, pools, null);
        g.start();
        at(30 * MIN, () -> {
            provisioner.limit(TYPE, A, Market.ON_DEMAND, 0).limit(TYPE, A, Market.SPOT, 0);
            g.instanceLost(0); // On-Demand: a (0 On-Demand) ICE, then b (b, c hold 1 each, total 2: list order): id 6
            g.instanceLost(3); // Spot: a ICE, then c (b and c hold 1 Spot, c 2 in all against b's 3): id 7
        });
        assertThat(zones(g)).containsExactly(0, 3, 3);
        assertThat(provisioner.launch(6).zone()).isEqualTo(B);
        assertThat(provisioner.launch(7).zone()).isEqualTo(C);

        // Reopen at 140 min: ids 0-5 are 20 min into their hour, ids 6 and 7 (launched at 30 min) 50 min. Fullest b
        // (list order on the 3-3 tie): id 6 (On-Demand) goes, for new On-Demand id 8 in a; at 145 min (a 1, b 2, c 3)
        // c's id 7 (Spot, 55 min) goes, for new Spot id 9 in a.
        at(140 * MIN, () -> {
            provisioner.limit(TYPE, A, Market.ON_DEMAND, Integer.MAX_VALUE).limit(TYPE, A, Market.SPOT, Integer.MAX_VALUE);
            g.rebalanceZones();
        });
        runUntil(200 * MIN);
        assertThat(provisioner.terminated).containsExactly(6, 7);
        assertThat(provisioner.launch(8).market()).isEqualTo(Market.ON_DEMAND);
        assertThat(provisioner.launch(9).market()).isEqualTo(Market.SPOT);
        assertThat(zones(g)).containsExactly(2, 2, 2);
        assertThat(g.onDemandCount()).isEqualTo(3);
        assertThat(g.spotCount()).isEqualTo(3);
    }
}
