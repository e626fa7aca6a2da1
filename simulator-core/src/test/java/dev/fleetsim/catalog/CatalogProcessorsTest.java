package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.processor.Microarchitecture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The catalog's CPU generations against AWS's own family descriptions and the data's vendor column. */
final class CatalogProcessorsTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    /** AWS family pages: which CPU generation(s) each family is built on. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "m5 | INTEL_SKYLAKE INTEL_CASCADE_LAKE",
        "c5 | INTEL_SKYLAKE INTEL_CASCADE_LAKE",
        "r5 | INTEL_SKYLAKE INTEL_CASCADE_LAKE",
        "m6i | INTEL_ICE_LAKE",
        "m7i | INTEL_SAPPHIRE_RAPIDS",
        "r7iz | INTEL_SAPPHIRE_RAPIDS",
        "m8i | INTEL_GRANITE_RAPIDS",
        "m5a | AMD_NAPLES",
        "c5a | AMD_ROME",
        "m6a | AMD_MILAN",
        "m7a | AMD_GENOA",
        "c7a | AMD_GENOA",
        "m8a | AMD_TURIN",
        "m8azn | AMD_TURIN",
        "a1 | GRAVITON1",
        "m6g | GRAVITON2",
        "t4g | GRAVITON2",
        "m7g | GRAVITON3",
        "c7gn | GRAVITON3E",
        "hpc7g | GRAVITON3E",
        "m8g | GRAVITON4",
        "m9g | GRAVITON5",
        "m4 | INTEL_OLDER",
        "c4 | INTEL_OLDER",
        "mac2 | APPLE",
    })
    void family_runsOnTheGenerationAwsDescribes(String family, String expected) {
        Set<Microarchitecture> allowed = EnumSet.noneOf(Microarchitecture.class);
        for (String name : expected.trim().split(" ")) {
            allowed.add(Microarchitecture.valueOf(name));
        }
        List<InstanceType> members = CATALOG.family(family.trim());
        assertThat(members).as(family).isNotEmpty();
        for (InstanceType t : members) {
            assertThat(t.microarchitecture()).as(t.name()).isIn(allowed);
        }
    }

    @Test
    void everyNamedModel_classifiesToAKnownGeneration() {
        Set<String> unclassified = new TreeSet<>();
        for (InstanceType t : CATALOG.all()) {
            if (!t.processor().model().isEmpty() && t.microarchitecture() == Microarchitecture.OTHER) {
                unclassified.add(t.processor().model());
            }
        }
        assertThat(unclassified).isEmpty();
    }

    @Test
    void onlyThreeFamiliesRemainWithoutAGeneration() {
        Set<String> other = new TreeSet<>();
        for (InstanceType t : CATALOG.all()) {
            if (t.microarchitecture() == Microarchitecture.OTHER) {
                other.add(t.family());
            }
        }
        // no CPU model in the data and no AWS statement we could confirm (docs/processors.md)
        assertThat(other).containsExactly("bmn-sf1", "p6-b300", "trn2");
    }

    /** The data's processor_vendor column comes from Karpenter's labels, independently of the model name. */
    @Test
    void microarchitectureVendor_agreesWithTheDataVendorColumn() throws IOException {
        String text;
        try (InputStream in = CatalogProcessorsTest.class.getResourceAsStream(CatalogResource.PATH)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        CsvReader reader = new CsvReader(text);
        List<String> header = reader.next();
        int typeColumn = header.indexOf("type");
        int vendorColumn = header.indexOf("processor_vendor");
        List<String> mismatches = new ArrayList<>();
        for (List<String> row = reader.next(); row != null; row = reader.next()) {
            InstanceType t = CATALOG.require(row.get(typeColumn));
            Microarchitecture m = t.microarchitecture();
            if (m != Microarchitecture.OTHER && !m.vendor().key().equals(row.get(vendorColumn))) {
                mismatches.add(t.name() + ": " + m + " vs " + row.get(vendorColumn));
            }
        }
        assertThat(mismatches).isEmpty();
    }
}
