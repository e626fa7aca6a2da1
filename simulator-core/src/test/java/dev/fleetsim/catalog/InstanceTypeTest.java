package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.processor.Architecture;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.Processor;
import org.junit.jupiter.api.Test;

final class InstanceTypeTest {
    private static final Processor GRAVITON3 = new Processor("AWS Graviton3", Microarchitecture.GRAVITON3,
            Architecture.ARM64);

    private static InstanceType type(String name, String family, String size, int vcpu, double networkGbps) {
        return new InstanceType(name, family, size, 7, Category.GENERAL, vcpu, 8192, GRAVITON3, 0, "", 0, "", 0,
                networkGbps, 3, 10, 29, false, false, true);
    }

    @Test
    void new_whenNameIsNotFamilyDotSize_rejects() {
        assertThatThrownBy(() -> type("m7g.large", "m7g", "xlarge", 2, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m7g.large");
    }

    @Test
    void new_whenACountIsNegative_rejects() {
        assertThatThrownBy(() -> type("m7g.large", "m7g", "large", -2, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("vcpu");
    }

    @Test
    void new_whenNetworkIsNotFinite_rejects() {
        assertThatThrownBy(() -> type("m7g.large", "m7g", "large", 2, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> type("m7g.large", "m7g", "large", 2, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void conveniences_deriveFromTheComponents() {
        InstanceType t = type("m7g.large", "m7g", "large", 2, 0.937);
        assertThat(t.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(t.microarchitecture()).isEqualTo(Microarchitecture.GRAVITON3);
        assertThat(t.memoryGiB()).isEqualTo(8.0);
    }

    @Test
    void category_keysAreLowerCase() {
        assertThat(Category.HPC.key()).isEqualTo("hpc");
        assertThat(Category.fromKey("accelerated")).contains(Category.ACCELERATED);
        assertThat(Category.fromKey("Accelerated")).isEmpty();
    }
}
