package dev.fleetsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.host.OperatingSystem;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fargate sizes (aws-rules.md item 5) and EKS Fargate pod sizing (aws-rules.md item 6). */
final class FargateSizeTest {

    @Test
    void eksPod_250m_768Mi_plus256_is1024MiB_quarterVcpu1GB_aws_rules_item6() {
        // 768 + 256 = 1024 MiB; 250m = 256 CPU units; 0.25 vCPU takes 512, 1024 or 2048 MiB -> 1024.
        assertThat(FargateSize.forEksPod(250, 768)).isEqualTo(new FargateSize(256, 1024));
    }

    @Test
    void eksPod_1cpu_2Gi_plus256_roundsTo1vcpu3GB_aws_rules_item6() {
        // 2048 + 256 = 2304 MiB; 1 vCPU takes 2048..8192 in 1024 steps -> 3072.
        assertThat(FargateSize.forEksPod(1000, 2048)).isEqualTo(new FargateSize(1024, 3072));
    }

    @Test
    void eksPod_noRequests_defaultQuarterVcpuHalfGB_aws_rules_item6() {
        // 0 + 256 MiB -> the smallest size, 0.25 vCPU / 0.5 GB, the documented default.
        assertThat(FargateSize.forEksPod(0, 0)).isEqualTo(new FargateSize(256, 512));
    }

    @Test
    void eksPod_memoryBeyondQuarterVcpu_movesUpACpuSize() {
        // 250m with 2 GiB: 2048 + 256 = 2304 > 2048 (0.25 vCPU's max) -> 0.5 vCPU, 1024..4096 step 1024 -> 3072.
        assertThat(FargateSize.forEksPod(250, 2048)).isEqualTo(new FargateSize(512, 3072));
        // 100m = 102.4 -> 103 units -> 256.
        assertThat(FargateSize.forEksPod(100, 100)).isEqualTo(new FargateSize(256, 512));
    }

    @Test
    void eksPod_4vcpu_30Gi_overflowsTo8vcpu_in4GBSteps() {
        // 30720 + 256 = 30976 > 30720 (4 vCPU's max) -> 8 vCPU: 16384, 20480, 24576, 28672, 32768 -> 32 GB.
        assertThat(FargateSize.forEksPod(4000, 30720)).isEqualTo(new FargateSize(8192, 32768));
        // 2 vCPU and 4 GiB: 4096 + 256 = 4352 -> 5120 (2 vCPU, 1 GB steps from 4096).
        assertThat(FargateSize.forEksPod(2000, 4096)).isEqualTo(new FargateSize(2048, 5120));
    }

    @Test
    void eksPod_tooLarge_throws() {
        assertThatThrownBy(() -> FargateSize.forEksPod(16000, 122880)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no Fargate size");
        assertThatThrownBy(() -> FargateSize.forEksPod(17000, 1024)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void podRequest_maxOfLargestInitAndSumOfContainers_aws_rules_item6() {
        // Init 500m, apps 200m + 100m = 300m -> 500m. Init 100m, apps 300m + 400m = 700m -> 700m.
        assertThat(FargateSize.podRequest(new long[] {500, 50}, new long[] {200, 100})).isEqualTo(500);
        assertThat(FargateSize.podRequest(new long[] {100}, new long[] {300, 400})).isEqualTo(700);
    }

    @Test
    void validCombinations_ecsTable_aws_rules_item5() {
        assertThat(FargateSize.isValid(256, 512, OperatingSystem.LINUX)).isTrue();
        assertThat(FargateSize.isValid(256, 1536, OperatingSystem.LINUX)).isFalse();
        assertThat(FargateSize.isValid(1024, 2048, OperatingSystem.LINUX)).isTrue();
        assertThat(FargateSize.isValid(4096, 30720, OperatingSystem.LINUX)).isTrue();
        assertThat(FargateSize.isValid(8192, 18432, OperatingSystem.LINUX)).isFalse();
        assertThat(FargateSize.isValid(16384, 122880, OperatingSystem.LINUX)).isTrue();
        // Windows: 1, 2, 4 vCPU only.
        assertThat(FargateSize.isValid(512, 1024, OperatingSystem.WINDOWS)).isFalse();
        assertThat(FargateSize.isValid(8192, 16384, OperatingSystem.WINDOWS)).isFalse();
        assertThat(FargateSize.isValid(2048, 4096, OperatingSystem.WINDOWS)).isTrue();
    }

    @Test
    void problem_explainsTheRange_likeTheSpecHint() {
        assertThat(FargateSize.problem(1024, 9000, OperatingSystem.LINUX)).isEqualTo(Optional.of(
                "1024 CPU units with 9000 MiB is not a Fargate size; 1 vCPU takes 2048-8192 MiB in 1024 MiB steps"));
        assertThat(FargateSize.problem(300, 512, OperatingSystem.LINUX).orElseThrow()).startsWith(
                "300 CPU units is not a Fargate size");
        assertThatThrownBy(() -> new FargateSize(512, 512)).hasMessageContaining("0.5 vCPU takes 1024-4096 MiB");
    }

    @Test
    void roundUp_exactValidSize_isItself() {
        assertThat(FargateSize.roundUp(2048, 16384)).contains(new FargateSize(2048, 16384));
        assertThat(FargateSize.roundUp(16385, 1)).isEmpty();
    }

    @Test
    void cpuOption_isTheTableRow_aws_rules_item5() {
        // 1 vCPU: 2-8 GB in 1 GB steps; 8 vCPU: 16-60 GB in 4 GB steps; 300 units is no size.
        assertThat(FargateSize.cpuOption(1024)).contains(new FargateSize.CpuOption(1024, 2048, 8192, 1024));
        assertThat(FargateSize.cpuOption(8192)).contains(new FargateSize.CpuOption(8192, 16384, 61440, 4096));
        assertThat(FargateSize.cpuOption(300)).isEmpty();
        assertThat(FargateSize.cpuOptions()).hasSize(7);
    }
}
