package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.host.OperatingSystem;
import org.junit.jupiter.api.Test;

final class FargateSizesTest {

    @Test
    void isValid_everyCombinationOfTheTable_isAccepted() {
        // aws-rules.md item 5, in MiB (1 GB = 1024 MiB in ECS task definitions).
        int[][] ranges = {
            {512, 1024, 4096, 1024}, {1024, 2048, 8192, 1024}, {2048, 4096, 16384, 1024},
            {4096, 8192, 30720, 1024}, {8192, 16384, 61440, 4096}, {16384, 32768, 122880, 8192}};
        for (int[] r : ranges) {
            for (int m = r[1]; m <= r[2]; m += r[3]) {
                assertThat(FargateSizes.isValid(r[0], m, OperatingSystem.LINUX)).as(r[0] + "/" + m).isTrue();
            }
            assertThat(FargateSizes.isValid(r[0], r[1] - r[3], OperatingSystem.LINUX)).isFalse();
            assertThat(FargateSizes.isValid(r[0], r[2] + r[3], OperatingSystem.LINUX)).isFalse();
        }
        for (int m : new int[] {512, 1024, 2048}) {
            assertThat(FargateSizes.isValid(256, m, OperatingSystem.LINUX)).isTrue();
        }
    }

    @Test
    void isValid_quarterVcpuWithOneAndAHalfGb_isRejected() {
        // aws-rules.md item 5: 0.25 vCPU takes 0.5, 1 or 2 GB only.
        assertThat(FargateSizes.isValid(256, 1536, OperatingSystem.LINUX)).isFalse();
    }

    @Test
    void isValid_memoryOffTheStep_isRejected() {
        // 8 vCPU steps by 4 GB from 16 GB: 20 GB (20480 MiB) is a step, 18 GB is not.
        assertThat(FargateSizes.isValid(8192, 20480, OperatingSystem.LINUX)).isTrue();
        assertThat(FargateSizes.isValid(8192, 18432, OperatingSystem.LINUX)).isFalse();
    }

    @Test
    void isValid_windows_takesOneTwoOrFourVcpu() {
        // aws-rules.md item 5: Windows 1, 2 and 4 vCPU only; 8 and 16 vCPU are Linux only.
        assertThat(FargateSizes.isValid(1024, 2048, OperatingSystem.WINDOWS)).isTrue();
        assertThat(FargateSizes.isValid(4096, 30720, OperatingSystem.WINDOWS)).isTrue();
        assertThat(FargateSizes.isValid(512, 1024, OperatingSystem.WINDOWS)).isFalse();
        assertThat(FargateSizes.isValid(8192, 16384, OperatingSystem.WINDOWS)).isFalse();
    }

    @Test
    void problem_invalidCpu_listsTheSizes() {
        assertThat(FargateSizes.problem(300, 1024, OperatingSystem.LINUX)).get().satisfies(p -> {
            assertThat(p[0]).isEqualTo("300 CPU units is not a Fargate size");
            assertThat(p[1]).isEqualTo("valid: 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units (0.25 to 16 vCPU)");
        });
    }

    @Test
    void roundUp_eksPodRequestPlusOverhead_takesTheNextValidSize() {
        // aws-rules.md item 6: request + 256 MiB, rounded up to a valid combination.
        // 250m / 512Mi -> 256 units (0.25 vCPU) with 768 MiB -> 0.25 vCPU's next size is 1024 MiB.
        assertThat(FargateSizes.roundUp(256, 512 + 256)).contains(new FargateSizes.Size(256, 1024));
        // 1 vCPU / 2Gi -> 2304 MiB -> 1 vCPU steps by 1024 MiB from 2048: 3072.
        assertThat(FargateSizes.roundUp(1024, 2048 + 256)).contains(new FargateSizes.Size(1024, 3072));
        // 0.25 vCPU with 3 GiB: 0.25 vCPU tops out at 2 GiB, 0.5 vCPU takes 3072.
        assertThat(FargateSizes.roundUp(256, 3072)).contains(new FargateSizes.Size(512, 3072));
        // 16 vCPU / 120 GiB + 256 MiB exceeds the largest size.
        assertThat(FargateSizes.roundUp(16384, 122880 + 256)).isEmpty();
    }
}
