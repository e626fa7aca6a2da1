package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

final class AzRebalanceProperties {

    private static final long MIN = 60_000L;
    private static final String TYPE = "m7g.large";

    /**
     * Any group over 3 zones that loses zone a and gets it back ends balanced (no zone 2 above another), at its desired
     * capacity and market mix, never above max + max(1, floor(max / 10)) live (ASGUG auto-scaling-benefits.md), with
     * one termination per rebalancing launch.
     */
    @Property(tries = 150)
    void afterAZoneReturns_theGroupEndsBalancedAndNeverExceedsTheMargin(
            @ForAll @IntRange(min = 1, max = 30) int desired, @ForAll @IntRange(min = 0, max = 12) int headroom,
            @ForAll @IntRange(min = 0, max = 30) int onDemandBase, @ForAll @IntRange(min = 0, max = 10) int warmupMin) {
        Simulation sim = new Simulation(24 * 60 * MIN);
        FakeProvisioner provisioner = new FakeProvisioner();
        int max = desired + headroom;
        InstancesDistribution mix = new InstancesDistribution(Math.min(onDemandBase, max), 0,
                SpotAllocationStrategy.LOWEST_PRICE, 2);
        AutoScalingGroup g = new AutoScalingGroup(sim, TestGroups.config(List.of(TYPE), TestGroups.ABC, 0, max,
                desired, mix, false, Ec2PlacementGroup.NONE, warmupMin * MIN), provisioner,
                new FakePools().type(TYPE, 0.03, 2), null);
        g.start();
        int ceiling = max + Math.max(1, max / 10);
        int[] peak = {0};
        at(sim, 30 * MIN, () -> {
            provisioner.limit(TYPE, TestGroups.A, Market.ON_DEMAND, 0).limit(TYPE, TestGroups.A, Market.SPOT, 0);
            for (int id : g.instanceIds()) {
                if (g.zoneOf(id).equals(TestGroups.A)) {
                    g.instanceLost(id);
                }
            }
        });
        at(sim, 120 * MIN, () -> {
            provisioner.limit(TYPE, TestGroups.A, Market.ON_DEMAND, Integer.MAX_VALUE)
                    .limit(TYPE, TestGroups.A, Market.SPOT, Integer.MAX_VALUE);
            g.rebalanceZones();
        });
        // Sample the size at every minute after the reopening (pairs complete on warm-up events, minutes apart).
        for (long t = 120 * MIN; t <= 600 * MIN; t += MIN) {
            sim.schedule(t, Phase.OBSERVATION, (s, p) -> peak[0] = Math.max(peak[0], g.size()), 0);
        }
        sim.schedule(600 * MIN, Phase.OBSERVATION, (s, p) -> s.stop(), 0);
        sim.run();

        int a = g.countInZone(TestGroups.A);
        int b = g.countInZone(TestGroups.B);
        int c = g.countInZone(TestGroups.C);
        assertThat(Math.max(a, Math.max(b, c)) - Math.min(a, Math.min(b, c))).isLessThanOrEqualTo(1);
        assertThat(g.size()).isEqualTo(desired);
        assertThat(g.onDemandCount()).isEqualTo(mix.onDemandTarget(desired));
        assertThat(peak[0]).isLessThanOrEqualTo(ceiling);
        assertThat(g.peakSize()).isLessThanOrEqualTo(ceiling);
        assertThat(g.azRebalanceTerminations()).isEqualTo(g.azRebalanceLaunches());
    }

    private static void at(Simulation sim, long atMs, Runnable action) {
        sim.schedule(atMs, Phase.AUTOSCALING, (s, p) -> action.run(), 0);
    }
}
