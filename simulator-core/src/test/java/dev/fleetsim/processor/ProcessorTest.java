package dev.fleetsim.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

final class ProcessorTest {
    @Test
    void of_classifiesTheModel() {
        Processor p = Processor.of("Intel Xeon Platinum 8375C", Architecture.X86_64);
        assertThat(p.microarchitecture()).isEqualTo(Microarchitecture.INTEL_ICE_LAKE);
        assertThat(p.vendor()).isEqualTo(ProcessorVendor.INTEL);
    }

    @Test
    void new_whenArchitectureContradictsTheCpu_rejects() {
        assertThatThrownBy(() -> new Processor("AWS Graviton3", Microarchitecture.GRAVITON3, Architecture.X86_64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Graviton3");
    }

    @Test
    void new_whenModelIsNull_rejects() {
        assertThatThrownBy(() -> new Processor(null, Microarchitecture.OTHER, Architecture.X86_64))
                .isInstanceOf(NullPointerException.class);
    }
}
