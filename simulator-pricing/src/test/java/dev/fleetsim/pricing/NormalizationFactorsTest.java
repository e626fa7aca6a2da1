package dev.fleetsim.pricing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

final class NormalizationFactorsTest {

    private final NormalizationFactors factors = NormalizationFactors.defaults();

    private int q(String type) {
        return factors.quarterUnits(type).orElseThrow();
    }

    @Test
    void factors_followTheTable_ofAwsRulesItem2() {
        assertThat(factors.factor("t3.nano")).hasValueSatisfying(f -> assertThat(f).isEqualByComparingTo("0.25"));
        assertThat(factors.factor("t3.micro")).hasValueSatisfying(f -> assertThat(f).isEqualByComparingTo("0.5"));
        assertThat(q("m5.large")).isEqualTo(4 * 4);
        assertThat(q("m5.xlarge")).isEqualTo(8 * 4);
        assertThat(q("m5.2xlarge")).isEqualTo(16 * 4);
        assertThat(q("c5.9xlarge")).isEqualTo(72 * 4);
        assertThat(q("m5.24xlarge")).isEqualTo(192 * 4);
        assertThat(q("u-6tb1.112xlarge")).isEqualTo(896 * 4);
        assertThat(q("m7i.48xlarge")).isEqualTo(384 * 4); // 8 per xlarge step; the [3P] table says 384 too
    }

    @Test
    void e3_mediumCoversTwoSmalls_orHalfALarge() {
        // aws-rules.md E3: a t2.medium RI (2) fully covers 2 t2.small (1 each) or 50% of one t2.large (4).
        assertThat(q("t2.medium")).isEqualTo(2 * q("t2.small"));
        assertThat(2 * q("t2.medium")).isEqualTo(q("t2.large"));
    }

    @Test
    void e3_metalIsTheFamilysLargestSize() {
        // aws-rules.md E3: i3.metal (128) = 1 i3.16xlarge = 2 i3.8xlarge = 4 i3.4xlarge.
        assertThat(q("i3.metal")).isEqualTo(128 * 4)
                .isEqualTo(q("i3.16xlarge"))
                .isEqualTo(2 * q("i3.8xlarge"))
                .isEqualTo(4 * q("i3.4xlarge"));
        assertThat(q("m5.metal")).isEqualTo(192 * 4);
        assertThat(q("c5n.metal")).isEqualTo(144 * 4);
        assertThat(q("u-12tb1.metal")).isEqualTo(896 * 4);
    }

    @Test
    void e9_modificationFootprints() {
        // aws-rules.md E9: t2.large (4) = 4 t2.small; 2 t2.micro + 1 t2.small = 1 t2.medium;
        // t2.medium = 2 t2.nano + 3 t2.micro.
        assertThat(q("t2.large")).isEqualTo(4 * q("t2.small"));
        assertThat(2 * q("t2.micro") + q("t2.small")).isEqualTo(q("t2.medium"));
        assertThat(2 * q("t2.nano") + 3 * q("t2.micro")).isEqualTo(q("t2.medium"));
        // 2 t2.small -> t2.large is rejected: footprints differ (2 vs 4).
        assertThat(2 * q("t2.small")).isNotEqualTo(q("t2.large"));
    }

    @Test
    void metal_unknownUntilALookupSuppliesIt() {
        assertThat(factors.quarterUnits("m7g.metal")).isEmpty();
        NormalizationFactors withCatalog = factors.withMetalSizes(
                family -> family.equals("m7g") ? OptionalInt.of(128 * 4) : OptionalInt.empty());
        assertThat(withCatalog.quarterUnits("m7g.metal")).hasValue(128 * 4);
        assertThat(withCatalog.quarterUnits("i3.metal")).hasValue(128 * 4);
    }

    @Test
    void metalWithSize_countsAsTheXlargeSizeItNames() {
        assertThat(q("c7i.metal-24xl")).isEqualTo(q("c7i.24xlarge"));
        assertThat(q("m7i.metal-48xl")).isEqualTo(384 * 4);
    }

    @Test
    void unparseableSizes_haveNoFactor() {
        assertThat(factors.quarterUnits("m5")).isEmpty();
        assertThat(factors.quarterUnits("m5.huge")).isEmpty();
        assertThat(factors.quarterUnits("m5.0xlarge")).isEmpty();
    }

    @Test
    void flexibilityExclusions_ofItem2() {
        assertThat(NormalizationFactors.familyAllowsFlexibility("g4dn")).isFalse();
        assertThat(NormalizationFactors.familyAllowsFlexibility("inf1")).isFalse();
        assertThat(NormalizationFactors.familyAllowsFlexibility("m5")).isTrue();
        assertThat(NormalizationFactors.familyOf("c7i-flex.large")).isEqualTo("c7i-flex");
    }
}
