package dev.fleetsim.processor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every CPU model name in the catalog resource, with the generation Intel/AMD/AWS assign it. */
final class ProcessorModelsTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // Xeon Scalable 1st gen (Skylake-SP): 8124M (c5), 8151 (z1d), 8175M (m5), 8176M (u-6tb1)
        "Intel Xeon Platinum 8124M, INTEL_SKYLAKE",
        "Intel Xeon Platinum 8151, INTEL_SKYLAKE",
        "Intel Xeon Platinum 8175M, INTEL_SKYLAKE",
        "Intel Xeon Platinum 8176M, INTEL_SKYLAKE",
        // 2nd gen (Cascade Lake): 8223CL, 8252C (m5zn), 8259CL (m5), 8275CL (c5, p4d)
        "Intel Xeon Platinum 8223CL, INTEL_CASCADE_LAKE",
        "Intel Xeon Platinum 8252C, INTEL_CASCADE_LAKE",
        "Intel Xeon Platinum 8259CL, INTEL_CASCADE_LAKE",
        "Intel Xeon Platinum 8275CL, INTEL_CASCADE_LAKE",
        // 3rd gen (Ice Lake): 8375C (m6i)
        "Intel Xeon Platinum 8375C, INTEL_ICE_LAKE",
        // 4th gen (Sapphire Rapids): 8488C (m7i), 8477C (u7i); 5th gen Emerald Rapids 8559C (i7i) filed with it
        "Intel Xeon Platinum 8488C, INTEL_SAPPHIRE_RAPIDS",
        "Intel Xeon Platinum 8477C, INTEL_SAPPHIRE_RAPIDS",
        "Intel Xeon Platinum 8559C, INTEL_SAPPHIRE_RAPIDS",
        // Xeon 6 with P-cores (Granite Rapids): 6975P-C (m8i)
        "Intel Xeon 6975P-C, INTEL_GRANITE_RAPIDS",
        // Sandy Bridge .. Broadwell and a client part
        "Intel Xeon E5-2651 v2, INTEL_OLDER",
        "Intel Xeon E5-2665, INTEL_OLDER",
        "Intel Xeon E5-2666 v3, INTEL_OLDER",
        "Intel Xeon E5-2670 v2, INTEL_OLDER",
        "Intel Xeon E5-2676 v3, INTEL_OLDER",
        "Intel Xeon E5-2680 v2, INTEL_OLDER",
        "Intel Xeon E5-2686 v4, INTEL_OLDER",
        "Intel Xeon E7-8880 v3, INTEL_OLDER",
        "Intel Core i7-8700B, INTEL_OLDER",
        // EPYC: 7571 Naples (m5a), 7R32 Rome (c5a), 7R13 Milan (m6a), 9R14 Genoa (m7a), 9R45/9R05 Turin (m8a, x8aedz)
        "AMD EPYC 7571, AMD_NAPLES",
        "AMD EPYC 7R32, AMD_ROME",
        "AMD EPYC 7R13, AMD_MILAN",
        "AMD EPYC 9R14, AMD_GENOA",
        "AMD EPYC 9R45, AMD_TURIN",
        "AMD EPYC 9R05, AMD_TURIN",
        "AWS Graviton, GRAVITON1",
        "AWS Graviton2, GRAVITON2",
        "AWS Graviton3, GRAVITON3",
        "AWS Graviton3E, GRAVITON3E",
        "AWS Graviton4, GRAVITON4",
        "AWS Graviton5, GRAVITON5",
        "Apple M1, APPLE",
        "Apple M1 Ultra, APPLE",
        "Apple M2, APPLE",
        "Apple M2 Pro, APPLE",
        "Apple M3 Ultra, APPLE",
        "Apple M4, APPLE",
        "Apple M4 Max, APPLE",
        "Apple M4 Pro, APPLE",
    })
    void classify_catalogModels(String model, Microarchitecture expected) {
        assertThat(ProcessorModels.classify(model)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        // raw /proc/cpuinfo spelling
        "Intel(R) Xeon(R) Platinum 8259CL CPU @ 2.50GHz | INTEL_CASCADE_LAKE",
        "Intel(R) Xeon(R)  Gold 6348 CPU @ 2.60GHz | INTEL_ICE_LAKE",
        // Cooper Lake (3rd gen, suffix H) is a Cascade Lake derivative
        "Intel Xeon Platinum 8380H | INTEL_CASCADE_LAKE",
        "AMD EPYC 7551 | AMD_NAPLES",
        "AMD EPYC 7002 | AMD_ROME",
        "AMD EPYC 9654 | AMD_GENOA",
        // Xeon 6 with E-cores (Sierra Forest) is not modelled
        "Intel Xeon 6780E | OTHER",
        "AWS Graviton9 | OTHER",
        "Qualcomm Centriq 2400 | OTHER",
        "AMD EPYC 8R | OTHER",
    })
    void classify_otherSpellingsAndUnknownModels(String model, Microarchitecture expected) {
        assertThat(ProcessorModels.classify(model)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"''", "' '"})
    void classify_blank_isOther(String model) {
        assertThat(ProcessorModels.classify(model)).isEqualTo(Microarchitecture.OTHER);
    }
}
