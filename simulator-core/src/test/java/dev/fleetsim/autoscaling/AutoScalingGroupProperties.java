package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

final class AutoScalingGroupProperties {

    /** With capacity everywhere, every reconcile lands exactly on desired with the On-Demand share of the mix. */
    @Property(tries = 200)
    void reconcile_reachesDesiredWithTheMixShare(@ForAll @Size(min = 1, max = 12) List<@IntRange(min = 0, max = 40) Integer> desireds,
            @ForAll @IntRange(min = 0, max = 5) int base, @ForAll @IntRange(min = 0, max = 100) int percent) {
        Simulation sim = new Simulation(1);
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 1)
                .type("m7a.large", 0.05, 3);
        InstancesDistribution mix = new InstancesDistribution(base, percent, SpotAllocationStrategy.DIVERSIFIED, 2);
        AutoScalingGroup g = new AutoScalingGroup(sim, TestGroups.config(TestGroups.GIA, TestGroups.ABC, 0, 40, 0, mix,
                false, Ec2PlacementGroup.NONE, 0), new FakeProvisioner(), pools, null);
        g.start();
        for (int d : desireds) {
            g.setDesired(d);
            assertThat(g.size()).isEqualTo(d);
            assertThat(g.onDemandCount()).isEqualTo(mix.onDemandTarget(d));
            // zones stay balanced within one instance
            int lo = Integer.MAX_VALUE;
            int hi = 0;
            for (String z : TestGroups.ABC) {
                lo = Math.min(lo, g.countInZone(z));
                hi = Math.max(hi, g.countInZone(z));
            }
            assertThat(hi - lo).isLessThanOrEqualTo(2);
        }
    }

    /**
     * Random scaling, rebalance recommendations, losses and time: the group always holds desired instances that
     * count, replaced at-risk ones on top, and its mean throughput is that of the counting instances.
     */
    @Property(tries = 150)
    void rebalancing_keepsTheCountsConsistent(@ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 99) Integer> ops) {
        Simulation sim = new Simulation(10_000_000_000L);
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 1)
                .type("m7a.large", 0.05, 3);
        AutoScalingGroup g = new AutoScalingGroup(sim, TestGroups.config(TestGroups.GIA, TestGroups.ABC, 0, 30, 6,
                new InstancesDistribution(1, 0, SpotAllocationStrategy.LOWEST_PRICE, 2), true,
                Ec2PlacementGroup.NONE, 180_000L), new FakeProvisioner(), pools, TestGroups.m5Model(100, 0.5));
        g.start();
        long now = 0;
        for (int op : ops) {
            int[] ids = g.instanceIds();
            int pick = ids.length == 0 ? -1 : ids[op % ids.length];
            if (op < 20) {
                g.setDesired(op);
            } else if (op < 50) {
                if (pick >= 0) {
                    g.rebalanceRecommendation(pick);
                }
            } else if (op < 70) {
                if (pick >= 0) {
                    g.instanceLost(pick);
                }
            } else {
                now += (op - 69) * 20_000L;
                sim.schedule(now, Phase.OBSERVATION, (s, p) -> s.stop(), 0);
                sim.run();
            }
            int counting = 0;
            double thr = 0;
            for (int id : g.instanceIds()) {
                if (!g.replaced(id)) {
                    counting++;
                    thr += TestGroups.m5Model(100, 0.5).throughputOf(TestGroups.type(g.typeOf(id)));
                }
            }
            assertThat(g.effectiveSize()).isEqualTo(counting).isEqualTo(g.desired());
            assertThat((long) g.size()).isLessThanOrEqualTo(g.desired() + g.rebalanceLaunches());
            if (counting > 0) {
                assertThat(g.meanThroughputPerInstance()).isCloseTo(thr / counting, within(1e-9));
            }
        }
    }

    /** A spread group never holds more than 7 in a zone, whatever it is asked (aws-rules.md item 9). */
    @Property(tries = 100)
    void spread_neverExceedsSevenPerZone(@ForAll @Size(min = 1, max = 8) List<@IntRange(min = 0, max = 40) Integer> desireds,
            @ForAll @IntRange(min = 1, max = 3) int zoneCount) {
        Simulation sim = new Simulation(1);
        List<String> zones = TestGroups.ABC.subList(0, zoneCount);
        AutoScalingGroup g = new AutoScalingGroup(sim, TestGroups.config(TestGroups.GIA, zones, 0, 40, 0,
                InstancesDistribution.ALL_ON_DEMAND, false, new Ec2PlacementGroup.Spread(), 0), new FakeProvisioner(),
                null, null);
        g.start();
        for (int d : desireds) {
            g.setDesired(d);
            assertThat(g.size()).isEqualTo(Math.min(d, 7 * zoneCount));
            for (String z : zones) {
                assertThat(g.countInZone(z)).isLessThanOrEqualTo(7);
            }
        }
    }
}
