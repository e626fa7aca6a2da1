package dev.fleetsim.autoscaling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class InstancesDistributionTest {

    @Test
    void onDemandTarget_baseThenPercentageRoundedUp_awsRulesItem4() {
        InstancesDistribution mix = new InstancesDistribution(2, 20, SpotAllocationStrategy.PRICE_CAPACITY_OPTIMIZED, 2);
        // 10: base 2 + ceil(8 x 20% = 1.6) = 4 On-Demand, 6 Spot
        assertThat(mix.onDemandTarget(10)).isEqualTo(4);
        assertThat(mix.spotTarget(10)).isEqualTo(6);
        // 1: all within the base
        assertThat(mix.onDemandTarget(1)).isEqualTo(1);
        // 7: 2 + ceil(5 x 0.2 = 1.0) = 3
        assertThat(mix.onDemandTarget(7)).isEqualTo(3);
    }

    @Test
    void onDemandTarget_edgePercentages() {
        assertThat(new InstancesDistribution(0, 0, SpotAllocationStrategy.LOWEST_PRICE, 2).onDemandTarget(5)).isZero();
        assertThat(InstancesDistribution.ALL_ON_DEMAND.onDemandTarget(7)).isEqualTo(7);
        // 3 x 50% = 1.5 -> 2
        assertThat(new InstancesDistribution(0, 50, SpotAllocationStrategy.LOWEST_PRICE, 2).onDemandTarget(3))
                .isEqualTo(2);
    }

    @Test
    void constructor_rejectsOutOfRange() {
        assertThatThrownBy(() -> new InstancesDistribution(-1, 0, SpotAllocationStrategy.LOWEST_PRICE, 2))
                .hasMessageContaining("onDemandBase");
        assertThatThrownBy(() -> new InstancesDistribution(0, 101, SpotAllocationStrategy.LOWEST_PRICE, 2))
                .hasMessageContaining("onDemandPercentAboveBase");
        assertThatThrownBy(() -> new InstancesDistribution(0, 0, SpotAllocationStrategy.LOWEST_PRICE, 21))
                .hasMessageContaining("spotInstancePools");
    }
}
