package dev.fleetsim.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class MicroarchitectureTest {
    /** Values from the table in ../shared/reference/processors.md (factor, vCPU is core). */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "INTEL_SKYLAKE, 1.00, false",
        "INTEL_CASCADE_LAKE, 1.00, false",
        "INTEL_ICE_LAKE, 1.15, false",
        "INTEL_SAPPHIRE_RAPIDS, 1.35, false",
        "INTEL_GRANITE_RAPIDS, 1.55, false",
        "AMD_NAPLES, 0.90, false",
        "AMD_ROME, 1.00, false",
        "AMD_MILAN, 1.10, false",
        "AMD_GENOA, 1.60, true",
        "AMD_TURIN, 1.85, true",
        "GRAVITON1, 0.60, true",
        "GRAVITON2, 1.10, true",
        "GRAVITON3, 1.40, true",
        "GRAVITON3E, 1.45, true",
        "GRAVITON4, 1.80, true",
        "GRAVITON5, 2.10, true",
    })
    void defaults_matchTheProcessorReference(Microarchitecture m, double factor, boolean vcpuIsCore) {
        assertThat(m.defaultThroughputFactor()).isEqualTo(factor);
        assertThat(m.vcpuIsCore()).isEqualTo(vcpuIsCore);
    }

    @Test
    void vendor_followsTheName() {
        for (Microarchitecture m : Microarchitecture.values()) {
            ProcessorVendor expected = m.name().startsWith("INTEL_") ? ProcessorVendor.INTEL
                    : m.name().startsWith("AMD_") ? ProcessorVendor.AMD
                    : m.name().startsWith("GRAVITON") ? ProcessorVendor.AWS_GRAVITON
                    : ProcessorVendor.OTHER;
            assertThat(m.vendor()).as(m.name()).isEqualTo(expected);
        }
    }

    @Test
    void keys_areUniqueAndRoundTrip() {
        Set<String> keys = new HashSet<>();
        for (Microarchitecture m : Microarchitecture.values()) {
            assertThat(keys.add(m.key())).as(m.key()).isTrue();
            assertThat(Microarchitecture.fromKey(m.key())).contains(m);
        }
        assertThat(Microarchitecture.fromKey("GRAVITON3E")).contains(Microarchitecture.GRAVITON3E);
        assertThat(Microarchitecture.fromKey("pentium")).isEmpty();
    }

    @Test
    void displayNames_areShortHumanNames() {
        assertThat(Microarchitecture.GRAVITON3.displayName()).isEqualTo("Graviton3");
        assertThat(Microarchitecture.INTEL_ICE_LAKE.displayName()).isEqualTo("Intel Ice Lake");
    }

    @Test
    void supports_armOnlyForGravitonAndApple_x86OnlyForIntelAndAmd() {
        assertThat(Microarchitecture.GRAVITON4.supports(Architecture.ARM64)).isTrue();
        assertThat(Microarchitecture.GRAVITON4.supports(Architecture.X86_64)).isFalse();
        assertThat(Microarchitecture.APPLE.supports(Architecture.X86_64)).isFalse();
        assertThat(Microarchitecture.AMD_GENOA.supports(Architecture.ARM64)).isFalse();
        assertThat(Microarchitecture.INTEL_OLDER.supports(Architecture.X86_64)).isTrue();
        assertThat(Microarchitecture.OTHER.supports(Architecture.ARM64)).isTrue();
        assertThat(Microarchitecture.OTHER.supports(Architecture.X86_64)).isTrue();
    }

    @Test
    void architecture_keysMatchAwsAndKubernetesSpellings() {
        assertThat(Architecture.X86_64.key()).isEqualTo("x86_64");
        assertThat(Architecture.ARM64.key()).isEqualTo("arm64");
        assertThat(Architecture.fromKey("amd64")).contains(Architecture.X86_64);
        assertThat(Architecture.fromKey("aarch64")).contains(Architecture.ARM64);
        assertThat(Architecture.fromKey("riscv64")).isEmpty();
    }
}
