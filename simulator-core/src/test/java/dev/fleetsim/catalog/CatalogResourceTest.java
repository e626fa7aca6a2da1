package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.processor.Microarchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

final class CatalogResourceTest {
    private static final String HEADER = "type,family,size,generation,category,vcpu,memory_mib,processor_vendor,"
            + "processor_name,architecture,gpu_count,gpu_model,accelerator,accelerator_count,local_storage_gb,"
            + "network_gbps,max_enis,ipv4_per_eni,max_pods,bare_metal,burstable,current_generation\n";

    @Test
    void parse_readsQuotedValues_andClassifiesTheProcessor() {
        String csv = HEADER + "g9x.xlarge,g9x,xlarge,9,accelerated,4,16384,intel,"
                + "\"Intel(R) Xeon(R) Platinum 8488C CPU @ 2.40GHz\",x86_64,1,\"Vendor GPU, 48 GB\",,0,250,"
                + "12.5,4,15,58,false,false,true\n";
        List<InstanceType> types = CatalogResource.parse(csv, "test.csv");
        assertThat(types).hasSize(1);
        InstanceType t = types.get(0);
        assertThat(t.gpuModel()).isEqualTo("Vendor GPU, 48 GB");
        assertThat(t.microarchitecture()).isEqualTo(Microarchitecture.INTEL_SAPPHIRE_RAPIDS);
        assertThat(t.networkGbps()).isEqualTo(12.5);
        assertThat(t.category()).isEqualTo(Category.ACCELERATED);
    }

    @Test
    void parse_blankModel_usesTheFamilyFallback() {
        String csv = HEADER + "r7iz.large,r7iz,large,7,memory,2,16384,intel,,x86_64,0,,,0,0,0.781,3,10,29,"
                + "false,false,true\n";
        assertThat(CatalogResource.parse(csv, "test.csv").get(0).microarchitecture())
                .isEqualTo(Microarchitecture.INTEL_SAPPHIRE_RAPIDS);
    }

    @Test
    void parse_reportsTheLineOfABadValue() {
        String csv = HEADER + "m5.large,m5,large,5,general,two,8192,intel,,x86_64,0,,,0,0,0.75,3,10,29,"
                + "false,false,true\n";
        assertThatThrownBy(() -> CatalogResource.parse(csv, "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("test.csv line 2")
                .hasMessageContaining("vcpu 'two'");
    }

    @Test
    void parse_reportsAMissingColumn() {
        assertThatThrownBy(() -> CatalogResource.parse("type,family\n", "test.csv"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("missing column 'size'");
    }

    @Test
    void parse_rejectsAnUnknownCategory() {
        String csv = HEADER + "m5.large,m5,large,5,gaming,2,8192,intel,,x86_64,0,,,0,0,0.75,3,10,29,"
                + "false,false,true\n";
        assertThatThrownBy(() -> CatalogResource.parse(csv, "test.csv")).hasMessageContaining("gaming");
    }
}
