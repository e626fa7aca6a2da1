package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.processor.Architecture;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.processor.Processor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Facts about individual types, checked against the source CSV (../shared/data/aws/instance_types.csv)
 * and AWS's published specifications, not against the program's output.
 */
final class InstanceCatalogTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    private static InstanceType type(String name) {
        return CATALOG.require(name);
    }

    @Test
    void loadDefault_holdsEveryRowOfTheSourceData() {
        // instance_types.csv has 1436 lines: a header and 1435 types in 205 families (data set README).
        assertThat(CATALOG.size()).isEqualTo(1435);
        assertThat(CATALOG.all()).hasSize(1435);
        assertThat(CATALOG.families()).hasSize(205);
    }

    @Test
    void m7gLarge_isTwoGravitonThreeVcpusWithEightGiB() {
        InstanceType t = type("m7g.large");
        assertThat(t.vcpu()).isEqualTo(2);
        assertThat(t.memoryMiB()).isEqualTo(8 * 1024);
        assertThat(t.memoryGiB()).isEqualTo(8.0);
        assertThat(t.microarchitecture()).isEqualTo(Microarchitecture.GRAVITON3);
        assertThat(t.processor().model()).isEqualTo("AWS Graviton3");
        assertThat(t.architecture()).isEqualTo(Architecture.ARM64);
        assertThat(t.category()).isEqualTo(Category.GENERAL);
        assertThat(t.family()).isEqualTo("m7g");
        assertThat(t.size()).isEqualTo("large");
        assertThat(t.generation()).isEqualTo(7);
    }

    @Test
    void r5FourXlarge_hasSixteenVcpusAnd128GiB() {
        InstanceType t = type("r5.4xlarge");
        assertThat(t.vcpu()).isEqualTo(16);
        assertThat(t.memoryMiB()).isEqualTo(128 * 1024);
        assertThat(t.category()).isEqualTo(Category.MEMORY);
        assertThat(t.architecture()).isEqualTo(Architecture.X86_64);
    }

    @Test
    void p4d24xlarge_isAcceleratedWithEightA100s() {
        InstanceType t = type("p4d.24xlarge");
        assertThat(t.gpuCount()).isEqualTo(8);
        assertThat(t.gpuModel()).isEqualTo("NVIDIA A100");
        assertThat(t.category()).isEqualTo(Category.ACCELERATED);
        assertThat(t.vcpu()).isEqualTo(96);
        assertThat(t.memoryMiB()).isEqualTo(1152 * 1024);
        // 8 x 1000 GB NVMe SSD (AWS P4 specification)
        assertThat(t.localStorageGb()).isEqualTo(8000);
    }

    @Test
    void hpc7g16xlarge_isHpcOnGravitonThreeE() {
        InstanceType t = type("hpc7g.16xlarge");
        assertThat(t.category()).isEqualTo(Category.HPC);
        assertThat(t.microarchitecture()).isEqualTo(Microarchitecture.GRAVITON3E);
        assertThat(t.vcpu()).isEqualTo(64);
    }

    @Test
    void c7aLarge_vcpuIsAWholeGenoaCore() {
        InstanceType t = type("c7a.large");
        assertThat(t.microarchitecture()).isEqualTo(Microarchitecture.AMD_GENOA);
        assertThat(t.microarchitecture().vcpuIsCore()).isTrue();
        assertThat(t.category()).isEqualTo(Category.COMPUTE);
    }

    @Test
    void m5Metal_isBareMetal_andM5LargeIsNot() {
        assertThat(type("m5.metal").bareMetal()).isTrue();
        assertThat(type("m5.metal").vcpu()).isEqualTo(96);
        assertThat(type("m5.large").bareMetal()).isFalse();
    }

    @Test
    void maxPods_followsEniFormula_awsRulesE14() {
        // aws-rules.md E14: ENIs x (IPv4 per ENI - 1) + 2
        assertThat(type("m5.large").maxPods()).isEqualTo(3 * (10 - 1) + 2).isEqualTo(29);
        assertThat(type("m4.large").maxPods()).isEqualTo(2 * (10 - 1) + 2).isEqualTo(20);
        assertThat(type("m5.24xlarge").maxPods()).isEqualTo(15 * (50 - 1) + 2).isEqualTo(737);
        assertThat(type("t3.micro").maxPods()).isEqualTo(2 * (2 - 1) + 2).isEqualTo(4);
        assertThat(type("t3.small").maxPods()).isEqualTo(3 * (4 - 1) + 2).isEqualTo(11);
        assertThat(type("t3.medium").maxPods()).isEqualTo(3 * (6 - 1) + 2).isEqualTo(17);
    }

    @Test
    void maxPods_forTypesMissingFromMaxPodsFile_usesTheFormula_awsRulesE14() {
        // m7g-flex.large is not in max_pods.csv; Karpenter's ENI table gives 3 ENIs x 10 IPv4 (as m7g.large).
        assertThat(type("m7g-flex.large").maxPods()).isEqualTo(3 * (10 - 1) + 2);
    }

    @Test
    void m5Large_hasEnisAndBaselineNetworkFromTheSource() {
        InstanceType t = type("m5.large");
        assertThat(t.maxEnis()).isEqualTo(3);
        assertThat(t.ipv4PerEni()).isEqualTo(10);
        // baseline 750 Mbps, not the "up to 10 Gigabit" burst (data set PROVENANCE, network_gbps)
        assertThat(t.networkGbps()).isEqualTo(0.75);
        assertThat(t.localStorageGb()).isZero();
        assertThat(t.currentGeneration()).isTrue();
    }

    @Test
    void burstable_isOnlyTheTFamilies() {
        assertThat(type("t3.micro").burstable()).isTrue();
        assertThat(type("t4g.nano").burstable()).isTrue();
        assertThat(type("m5.large").burstable()).isFalse();
        // the source flags trn1 as burstable_cpu; Trainium has no CPU credits
        assertThat(type("trn1.2xlarge").burstable()).isFalse();
    }

    @Test
    void bmnSf1_withBlankPurpose_isFiledAsGeneral() {
        InstanceType t = type("bmn-sf1.metal");
        assertThat(t.category()).isEqualTo(Category.GENERAL);
        assertThat(t.vcpu()).isZero();
        assertThat(t.microarchitecture()).isEqualTo(Microarchitecture.OTHER);
    }

    @Test
    void everyCurrentGenerationMcrFamilyFromFifthGeneration_hasAKnownMicroarchitecture() {
        List<String> offenders = new ArrayList<>();
        for (InstanceType t : CATALOG.all()) {
            boolean mcr = t.family().matches("[mcr][0-9].*");
            if (mcr && t.generation() >= 5 && t.currentGeneration()
                    && t.microarchitecture() == Microarchitecture.OTHER) {
                offenders.add(t.name());
            }
        }
        assertThat(offenders).as("m/c/r types of generation 5+ without a microarchitecture").isEmpty();
    }

    @Test
    void all_isByFamilyThenSize() {
        List<InstanceType> all = CATALOG.all();
        for (int i = 1; i < all.size(); i++) {
            InstanceType before = all.get(i - 1);
            InstanceType after = all.get(i);
            assertThat(before.family().compareTo(after.family())).as(before.name() + " before " + after.name())
                    .isLessThanOrEqualTo(0);
        }
        assertThat(all.get(0).name()).isEqualTo("a1.medium");
    }

    @Test
    void family_listsSizesSmallestFirstWithMetalLast() {
        assertThat(sizes("t3")).containsExactly("nano", "micro", "small", "medium", "large", "xlarge", "2xlarge");
        assertThat(sizes("m7i")).containsExactly("large", "xlarge", "2xlarge", "4xlarge", "8xlarge", "12xlarge",
                "16xlarge", "24xlarge", "48xlarge", "metal-24xl", "metal-48xl");
        assertThat(sizes("m5")).endsWith("24xlarge", "metal");
        assertThat(CATALOG.family("no-such-family")).isEmpty();
    }

    private static List<String> sizes(String family) {
        List<String> sizes = new ArrayList<>();
        for (InstanceType t : CATALOG.family(family)) {
            sizes.add(t.size());
        }
        return sizes;
    }

    @Test
    void find_isExact() {
        assertThat(CATALOG.find("m5.large")).isPresent();
        assertThat(CATALOG.find("M5.LARGE")).isEmpty();
        assertThat(CATALOG.find("m5")).isEmpty();
    }

    @Test
    void of_acceptsCustomTypes_andRejectsDuplicates() {
        InstanceType m5 = type("m5.large");
        InstanceType custom = new InstanceType("x9z.large", "x9z", "large", 9, Category.MEMORY, 2, 32768,
                new Processor("", Microarchitecture.OTHER, Architecture.X86_64), 0, "", 0, "", 0, 1.0, 3, 10, 29,
                false, false, true);
        InstanceCatalog catalog = InstanceCatalog.of(List.of(custom, m5));
        assertThat(catalog.all()).containsExactly(m5, custom);
        assertThat(catalog.require("x9z.large")).isSameAs(custom);
        assertThatThrownBy(() -> InstanceCatalog.of(List.of(m5, m5)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m5.large");
    }

    @Test
    void listings_areUnmodifiable() {
        assertThatThrownBy(() -> CATALOG.all().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.family("m5").clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> CATALOG.families().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
