package dev.fleetsim.autoscaling;

import static dev.fleetsim.autoscaling.TestGroups.A;
import static dev.fleetsim.autoscaling.TestGroups.ABC;
import static dev.fleetsim.autoscaling.TestGroups.GIA;
import static dev.fleetsim.autoscaling.TestGroups.config;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.engine.Simulation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** aws-rules.md item 9 and E15. */
final class PlacementGroupTest {

    private final Simulation sim = new Simulation(3_600_000L);
    private final FakeProvisioner provisioner = new FakeProvisioner();

    private AutoScalingGroup start(List<String> zones, int desired, Ec2PlacementGroup pg) {
        AutoScalingGroup g = new AutoScalingGroup(sim, config(GIA, zones, 0, 100, desired,
                InstancesDistribution.ALL_ON_DEMAND, false, pg, 0), provisioner, null, null);
        g.start();
        return g;
    }

    @Test
    void spread_threeZones_holdsAtMost21_awsRulesE15() {
        AutoScalingGroup g = start(ABC, 25, new Ec2PlacementGroup.Spread());
        assertThat(g.size()).isEqualTo(21);
        for (String z : ABC) {
            assertThat(g.countInZone(z)).isEqualTo(7);
        }
        assertThat(g.failedLaunches()).isEqualTo(1);
        assertThat(provisioner.attempts).isEqualTo(21);
    }

    @Test
    void spread_eighthLaunchInAZone_fails() {
        AutoScalingGroup g = start(List.of(A), 8, new Ec2PlacementGroup.Spread());
        assertThat(g.size()).isEqualTo(7);
        assertThat(g.failedLaunches()).isEqualTo(1);
        // A freed slot can be filled again.
        g.instanceLost(0);
        assertThat(g.size()).isEqualTo(7);
        assertThat(g.countInZone(A)).isEqualTo(7);
    }

    @Test
    void cluster_usesTheFirstZoneOnly() {
        AutoScalingGroup g = start(ABC, 5, new Ec2PlacementGroup.Cluster());
        assertThat(g.countInZone(A)).isEqualTo(5);
        assertThat(provisioner.launched).allMatch(l -> l.zone().equals(A));
    }

    @Test
    void partition_spreadsEvenlyOverPartitionsOfAZone() {
        AutoScalingGroup g = start(List.of(A), 7, new Ec2PlacementGroup.Partition(3));
        int[] perPartition = new int[3];
        for (int id : g.instanceIds()) {
            perPartition[g.partitionOf(id)]++;
        }
        // 7 over 3 partitions: 3, 2, 2
        assertThat(perPartition).containsExactly(3, 2, 2);
    }

    @Test
    void partition_hasNoInstanceCapButAtMostSevenPartitions() {
        assertThat(start(List.of(A), 30, new Ec2PlacementGroup.Partition(7)).size()).isEqualTo(30);
        assertThatThrownBy(() -> new Ec2PlacementGroup.Partition(8)).hasMessageContaining("1 to 7");
    }
}
