package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.TestGroups.A;
import static dev.fleetsim.autoscaling.TestGroups.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.demand.ConstantDemand;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class GroupScalerTest {

    private static final long MIN = 60_000L;
    private static final long H = 60 * MIN;

    @Test
    void schedule_setsCapacityAtTheGivenTimes() {
        Simulation sim = new Simulation(3 * H);
        FakeProvisioner provisioner = new FakeProvisioner();
        AutoScalingGroup g = new AutoScalingGroup(sim, GroupConfig.onDemand("web",
                TestGroups.types(List.of("m5.large")), TestGroups.ABC, 2, 20, 2), provisioner, null, null);
        GroupScaler scaler = new GroupScaler(sim, g, null, List.of(
                new ScheduledAction(2 * H, 2, 0, 5), ScheduledAction.desired(H, 10)));
        List<Integer> sizes = new ArrayList<>();
        for (long t : new long[] {H - 1, H, 2 * H - 1, 2 * H}) {
            sim.schedule(t, Phase.OBSERVATION, (s, p) -> sizes.add(g.size()), 0);
        }
        scaler.start();
        sim.run();
        assertThat(sizes).containsExactly(2, 10, 10, 2);
        assertThat(g.max()).isEqualTo(5);
        assertThat(scaler.meter()).isNull();
    }

    @Test
    void targetTracking_scalesOutAndMetersServedDemand() {
        // 1,000 requests/s; m5.large serves 100 at 100%, target 50%: 20 instances. Start at 2, warm-up 300 s.
        Simulation sim = new Simulation(10 * MIN);
        FakeProvisioner provisioner = new FakeProvisioner();
        AutoScalingGroup g = new AutoScalingGroup(sim, config(List.of("m5.large"), List.of(A), 1, 50, 2,
                InstancesDistribution.ALL_ON_DEMAND, false, Ec2PlacementGroup.NONE, 300_000), provisioner, null,
                TestGroups.m5Model(100, 0.5));
        TargetTrackingPolicy tracking = new TargetTrackingPolicy(new ConstantDemand(1000), TestGroups.m5Model(100, 0.5));
        GroupScaler scaler = new GroupScaler(sim, g, tracking, List.of());
        scaler.start();
        sim.run();
        scaler.finish(10 * MIN);

        assertThat(g.desired()).isEqualTo(20);
        assertThat(provisioner.launched).hasSize(20);
        // Evaluations at 60, 120, 180 s all want 20 > 2: the high alarm's third data point sets 20 at 180 s.
        // Demanded 1,000/s x 600 s = 600,000. Served: 2 x 100 = 200/s until the 18 new instances serve at
        // 180 s + 300 s = 480 s, then all 1,000/s: 200 x 480 + 1,000 x 120 = 96,000 + 120,000.
        assertThat(scaler.meter().demanded()).isCloseTo(600_000, within(1e-6));
        assertThat(scaler.meter().served()).isCloseTo(216_000, within(1e-6));
        assertThat(scaler.meter().unserved()).isCloseTo(384_000, within(1e-6));
    }

    @Test
    void sameInputs_sameLaunchSequence() {
        assertThat(run()).isEqualTo(run());
    }

    private static List<FakeProvisioner.Launch> run() {
        Simulation sim = new Simulation(2 * H);
        FakeProvisioner provisioner = new FakeProvisioner();
        FakePools pools = new FakePools().type("m7g.large", 0.03, 2).type("m7i.large", 0.04, 1)
                .type("m7a.large", 0.05, 1);
        AutoScalingGroup g = new AutoScalingGroup(sim, config(TestGroups.GIA, TestGroups.ABC, 1, 40, 2,
                new InstancesDistribution(1, 25, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED, 2), true,
                Ec2PlacementGroup.NONE, 120_000), provisioner, pools, TestGroups.m5Model(100, 0.6));
        TargetTrackingPolicy tracking = new TargetTrackingPolicy(
                new dev.fleetsim.demand.StepDemand(new long[] {0, 20 * MIN, H}, new double[] {300, 1500, 100}),
                TestGroups.m5Model(100, 0.6));
        new GroupScaler(sim, g, tracking, List.of()).start();
        sim.schedule(30 * MIN, Phase.LIFECYCLE, (s, p) -> g.rebalanceRecommendation(g.instanceIds()[3]), 0);
        sim.run();
        return provisioner.launched;
    }
}
