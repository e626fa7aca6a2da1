package dev.fleetsim.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The EKS AMI reservation formula (bootstrap.sh get_cpu_millicores_to_reserve / get_memory_mebibytes_to_reserve). */
final class KubeReservedTest {

    @Test
    void cpu_eksAmiFormula_oneCore_sixPercent() {
        // 1000m x 6% = 60m.
        assertThat(KubeReserved.cpuMillicores(1)).isEqualTo(60);
    }

    @Test
    void cpu_eksAmiFormula_twoCores_m5large() {
        // 60m + 1000m x 1% = 70m.
        assertThat(KubeReserved.cpuMillicores(2)).isEqualTo(70);
    }

    @Test
    void cpu_eksAmiFormula_fourAndEightCores() {
        // 4 cores: 70m + 2000m x 0.5% = 80m. 8 cores: 80m + 4000m x 0.25% = 90m.
        assertThat(KubeReserved.cpuMillicores(4)).isEqualTo(80);
        assertThat(KubeReserved.cpuMillicores(8)).isEqualTo(90);
    }

    @Test
    void cpu_eksAmiFormula_96Cores_m5_24xlarge() {
        // 80m + (96000 - 4000)m x 0.25% = 80 + 230 = 310m.
        assertThat(KubeReserved.cpuMillicores(96)).isEqualTo(310);
    }

    @Test
    void cpu_eksAmiFormula_threeCores_roundsEachRangeDown() {
        // 60 + 10 + (3000 - 2000) x 50 / 100 / 100 = 60 + 10 + 5 = 75m.
        assertThat(KubeReserved.cpuMillicores(3)).isEqualTo(75);
    }

    @Test
    void memory_eksAmiFormula_elevenPerPodPlus255() {
        // m5.large: 29 pods (aws-rules.md E14) -> 11 x 29 + 255 = 574 MiB; plus evictionHard 100Mi = 674.
        assertThat(KubeReserved.memoryMiB(29)).isEqualTo(574);
        assertThat(KubeReserved.memoryHeldBackMiB(29)).isEqualTo(674);
        // m5.24xlarge: 737 pods -> 11 x 737 + 255 = 8362 MiB.
        assertThat(KubeReserved.memoryMiB(737)).isEqualTo(8362);
    }

    @Test
    void maxPods_unknownInCatalog_usesKubeletDefault110() {
        assertThat(KubeReserved.maxPods(0)).isEqualTo(110);
        assertThat(KubeReserved.maxPods(29)).isEqualTo(29);
    }
}
