package dev.fleetsim.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.ThroughputFactors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

final class CapacityModelTest {

    private static InstanceCatalog catalog;

    @BeforeAll
    static void load() {
        catalog = InstanceCatalog.loadDefault();
    }

    private static InstanceType type(String name) {
        return catalog.require(name);
    }

    /** Reference m5.large (2 vCPU Cascade Lake, factor 1.00) serving 100 requests/s. */
    private static CapacityModel model(double targetUtilization) {
        return new CapacityModel(100, targetUtilization, type("m5.large"), ThroughputFactors.defaults());
    }

    @Test
    void catalogFacts_behindTheHandCalculations() {
        assertThat(type("m5.large").microarchitecture()).isEqualTo(Microarchitecture.INTEL_CASCADE_LAKE);
        assertThat(type("m7g.large").microarchitecture()).isEqualTo(Microarchitecture.GRAVITON3);
        assertThat(type("m7i.large").microarchitecture()).isEqualTo(Microarchitecture.INTEL_SAPPHIRE_RAPIDS);
        assertThat(type("m7a.large").microarchitecture()).isEqualTo(Microarchitecture.AMD_GENOA);
        for (String t : new String[] {"m5.large", "m7g.large", "m7i.large", "m7a.large"}) {
            assertThat(type(t).vcpu()).isEqualTo(2);
        }
    }

    @Test
    void throughputOf_scalesByVcpuTimesProcessorFactor() {
        CapacityModel m = model(0.6);
        // 100 x (2 x 1.40) / (2 x 1.00), and so on with 1.35 (Sapphire Rapids) and 1.60 (Genoa)
        assertThat(m.throughputOf(type("m5.large"))).isCloseTo(100.0, within(1e-9));
        assertThat(m.throughputOf(type("m7g.large"))).isCloseTo(140.0, within(1e-9));
        assertThat(m.throughputOf(type("m7i.large"))).isCloseTo(135.0, within(1e-9));
        assertThat(m.throughputOf(type("m7a.large"))).isCloseTo(160.0, within(1e-9));
        // 4 vCPU Graviton3: 100 x (4 x 1.40) / 2
        assertThat(m.throughputOf(type("m7g.xlarge"))).isCloseTo(280.0, within(1e-9));
    }

    @Test
    void requiredInstances_gravitonIntelAndAmdFleetsNeedDifferentCounts() {
        CapacityModel m = model(0.6);
        // 3,000 requests/s at 60%: m7g 3000 / 84 = 35.7 -> 36; m7i 3000 / 81 = 37.04 -> 38; m7a 3000 / 96 = 31.25 -> 32
        assertThat(m.requiredInstances(3000, type("m7g.large"))).isEqualTo(36);
        assertThat(m.requiredInstances(3000, type("m7i.large"))).isEqualTo(38);
        assertThat(m.requiredInstances(3000, type("m7a.large"))).isEqualTo(32);
    }

    @Test
    void requiredInstances_exactMultiple_doesNotRoundUpOnBinaryNoise() {
        // 1,200 / (200 x 0.6) = 10 exactly; binary 0.6 must not make it 11.
        CapacityModel m = new CapacityModel(200, 0.6, type("m5.large"), ThroughputFactors.defaults());
        assertThat(m.requiredInstances(1200, type("m5.large"))).isEqualTo(10);
        assertThat(m.requiredInstances(1200.5, type("m5.large"))).isEqualTo(11);
        assertThat(m.requiredInstances(0, type("m5.large"))).isZero();
    }

    @Test
    void throughputOf_followsScenarioFactorOverrides() {
        ThroughputFactors f = ThroughputFactors.defaults().withOverride(Microarchitecture.GRAVITON3, 2.0);
        CapacityModel m = new CapacityModel(100, 1.0, type("m5.large"), f);
        assertThat(m.throughputOf(type("m7g.large"))).isCloseTo(200.0, within(1e-9));
    }

    @Test
    void served_isTheSmallerOfDemandAndCapacity() {
        assertThat(CapacityModel.served(300, 250)).isEqualTo(250.0);
        assertThat(CapacityModel.served(200, 250)).isEqualTo(200.0);
    }

    @Test
    void constructor_rejectsBadInputs() {
        assertThatThrownBy(() -> new CapacityModel(0, 0.5, type("m5.large"), ThroughputFactors.defaults()))
                .hasMessageContaining("perInstance");
        assertThatThrownBy(() -> new CapacityModel(10, 1.2, type("m5.large"), ThroughputFactors.defaults()))
                .hasMessageContaining("targetUtilization");
    }
}
