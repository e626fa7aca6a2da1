package dev.fleetsim.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ThroughputFactorsTest {
    @Test
    void defaults_useTheEnumDefaults() {
        ThroughputFactors defaults = ThroughputFactors.defaults();
        for (Microarchitecture m : Microarchitecture.values()) {
            assertThat(defaults.factor(m)).as(m.name()).isEqualTo(m.defaultThroughputFactor());
        }
    }

    @Test
    void withOverride_returnsACopy_andLeavesTheOriginalAlone() {
        ThroughputFactors defaults = ThroughputFactors.defaults();
        ThroughputFactors tuned = defaults.withOverride(Microarchitecture.GRAVITON3, 1.55);
        assertThat(tuned.factor(Microarchitecture.GRAVITON3)).isEqualTo(1.55);
        assertThat(tuned.factor(Microarchitecture.GRAVITON4)).isEqualTo(1.80);
        assertThat(defaults.factor(Microarchitecture.GRAVITON3)).isEqualTo(1.40);
        assertThat(tuned).isNotEqualTo(defaults);
        assertThat(tuned.toString()).isEqualTo("ThroughputFactors{graviton3=1.55}");
    }

    @Test
    void equality_isByValue() {
        ThroughputFactors a = ThroughputFactors.defaults().withOverride(Microarchitecture.AMD_GENOA, 1.5);
        ThroughputFactors b = ThroughputFactors.defaults().withOverride(Microarchitecture.AMD_GENOA, 1.5);
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(ThroughputFactors.defaults()).isEqualTo(ThroughputFactors.defaults());
    }

    @Test
    void withOverride_rejectsNonPositiveOrNonFiniteFactors() {
        ThroughputFactors defaults = ThroughputFactors.defaults();
        for (double bad : new double[] {0, -1, Double.NaN, Double.POSITIVE_INFINITY}) {
            assertThatThrownBy(() -> defaults.withOverride(Microarchitecture.GRAVITON3, bad))
                    .as(String.valueOf(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("graviton3");
        }
    }
}
