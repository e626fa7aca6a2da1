package dev.fleetsim.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Did-you-mean for mistyped instance types (SPEC.md section 5: errors name the closest known types). */
final class InstanceCatalogSuggestionTest {
    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();

    @Test
    void closestNames_forSwappedLetters_putsTheIntendedTypeFirst() {
        // "lrage" -> "large" is one adjacent transposition
        assertThat(CATALOG.closestNames("m5.lrage", 3)).first().isEqualTo("m5.large");
    }

    @Test
    void closestNames_forMissingLastLetter_putsTheIntendedTypeFirst() {
        assertThat(CATALOG.closestNames("m7g.larg", 3)).first().isEqualTo("m7g.large");
        assertThat(CATALOG.closestNames("r5.4xlarg", 3)).first().isEqualTo("r5.4xlarge");
    }

    @Test
    void closestNames_prefersTheSameFamilyAtEqualDistance() {
        // m5.xlarge (same family) and m5a.large/m4.large (other families) are each two edits from "m5.lrage"
        assertThat(CATALOG.closestNames("m5.lrage", 2)).containsExactly("m5.large", "m5.xlarge");
    }

    @Test
    void closestNames_respectsTheLimit_andFindsNothingForGibberish() {
        assertThat(CATALOG.closestNames("m5.lrage", 1)).containsExactly("m5.large");
        assertThat(CATALOG.closestNames("m5.lrage", 0)).isEmpty();
        assertThat(CATALOG.closestNames("foo", 3)).isEmpty();
        assertThat(CATALOG.closestNames("", 3)).isEmpty();
    }

    @Test
    void closestNames_ignoresCase() {
        assertThat(CATALOG.closestNames("M5.LARGE", 1)).containsExactly("m5.large");
    }

    @Test
    void require_unknownType_namesTheClosestType() {
        // the example in SPEC.md section 5
        assertThatThrownBy(() -> CATALOG.require("m5.lrage"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown instance type 'm5.lrage'; did you mean m5.large?");
        assertThatThrownBy(() -> CATALOG.require("r5.4xlarg"))
                .hasMessage("unknown instance type 'r5.4xlarg'; did you mean r5.4xlarge?");
    }

    @Test
    void require_withSeveralEquallyCloseTypes_namesUpToThree() {
        // "m9.large" is one edit from m9g.large (shares "m9") and from m1/m3/m4/m5.large (share "m");
        // the longer shared prefix wins, then catalog order (m1 < m3 < m4; there is no m2.large).
        assertThatThrownBy(() -> CATALOG.require("m9.large"))
                .hasMessage("unknown instance type 'm9.large'; did you mean m9g.large, m1.large or m3.large?");
    }

    @Test
    void require_withNothingClose_saysOnlyUnknown() {
        assertThatThrownBy(() -> CATALOG.require("foo")).hasMessage("unknown instance type 'foo'");
    }

    @Test
    void closestNames_rejectsNegativeLimit() {
        assertThatThrownBy(() -> CATALOG.closestNames("m5.large", -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
