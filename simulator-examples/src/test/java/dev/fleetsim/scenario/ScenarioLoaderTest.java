package dev.fleetsim.scenario;

import static dev.fleetsim.scenario.Loading.issues;
import static dev.fleetsim.scenario.Loading.load;
import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.host.Market;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

final class ScenarioLoaderTest {

    @TempDir
    Path dir;

    @Test
    void load_minimalScenario_fillsSpecDefaults() throws Exception {
        ScenarioSpec s = load(dir, "name: tiny\nhorizon: PT1H\n").spec();

        // SPEC section 5 defaults: seed 1, start 2026-01-01T00:00:00Z, us-east-1 with zones a, b, c.
        assertThat(s.seed()).isEqualTo(1L);
        assertThat(s.start()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(s.region()).isEqualTo("us-east-1");
        assertThat(s.zones()).containsExactly("us-east-1a", "us-east-1b", "us-east-1c");
        assertThat(s.horizon()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void load_zonesDefault_followTheRegion() throws Exception {
        assertThat(load(dir, "name: t\nhorizon: PT1H\nregion: eu-west-1\n").spec().zones())
                .containsExactly("eu-west-1a", "eu-west-1b", "eu-west-1c");
    }

    @Test
    void load_dayBasedDurations_parse() throws Exception {
        // P1D is 24 h, P30D 720 h, P1DT2H 26 h, P2W 336 h: days are exactly 24 hours on a UTC clock.
        ScenarioSpec s = load(dir, """
                name: t
                horizon: P30D
                ec2:
                  instances:
                    - {name: a, type: m5.large, runs: [{start: P1D, end: P1DT2H}, {start: P2W}]}
                """).spec();
        assertThat(s.horizon()).isEqualTo(Duration.ofHours(720));
        InstanceSpec a = s.ec2().instances().get(0);
        assertThat(a.runs().get(0).start()).isEqualTo(Duration.ofHours(24));
        assertThat(a.runs().get(0).end()).isEqualTo(Duration.ofHours(26));
        assertThat(a.runs().get(1).start()).isEqualTo(Duration.ofHours(336));
    }

    @Test
    void load_monthDuration_isRefusedWithAHint() {
        assertThat(issues(dir, "name: t\nhorizon: P1M\n")).containsExactly(
                "horizon: 'P1M' uses months or years, which have no fixed length; write days instead, e.g. P30D or"
                        + " P365D");
    }

    @Test
    void load_moneyAsStringOrNumber_isExactBigDecimal() throws Exception {
        ScenarioSpec s = load(dir, """
                name: t
                horizon: PT1H
                pricing:
                  savingsPlans:
                    - {kind: compute, commitment: "19.60"}
                    - {kind: compute, commitment: 0.1}
                """).spec();
        assertThat(s.pricing().savingsPlans().get(0).commitment()).isEqualTo(new BigDecimal("19.60"));
        // 0.1 read through a double would be 0.1000000000000000055511151231257827; it must stay 0.1.
        assertThat(s.pricing().savingsPlans().get(1).commitment()).isEqualTo(new BigDecimal("0.1"));
    }

    @Test
    void load_unknownKey_namesItsPathAndSuggestsTheKey() {
        List<String> lines = issues(dir, """
                name: t
                horizon: PT1H
                ec2:
                  instances:
                    - {name: a, tpye: m5.large}
                """);
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).startsWith("ec2.instances[0].tpye: unknown key; did you mean type? valid keys: name,"
                + " type, count");
    }

    @Test
    void load_unknownTopLevelKey_suggestsTheKey() {
        assertThat(issues(dir, "name: t\nhorizon: PT1H\nhorizn: P1D\n")).hasSize(1).first().asString()
                .startsWith("horizn: unknown key; did you mean horizon?");
    }

    @Test
    void load_duplicateKey_isAnError() {
        assertThat(issues(dir, "name: a\nhorizon: PT1H\nname: b\n")).containsExactly(
                "name: duplicate key (lines 1 and 3); a later value would silently replace the earlier one; keep one");
    }

    @Test
    void load_duplicateKeyInANestedMapping_isAnError() {
        assertThat(issues(dir, "name: a\nhorizon: PT1H\nec2:\n  instances:\n    - {name: x, type: m5.large,"
                + " type: m5.xlarge}\n")).singleElement().asString()
                .startsWith("ec2.instances[0].type: duplicate key");
    }

    @Test
    void load_textWhereAListIsExpected_isAnError() {
        assertThat(issues(dir, "name: t\nhorizon: PT1H\nzones: us-east-1a\n")).containsExactly(
                "zones: expected a list, found text 'us-east-1a'; write a list: [us-east-1a]");
    }

    @Test
    void load_quotedNumberForACount_isNotCoerced() {
        assertThat(issues(dir, "name: t\nhorizon: PT1H\nec2: {instances: [{name: a, type: m5.large, count: \"4\"}]}\n"))
                .containsExactly("ec2.instances[0].count: expected a whole number, found text '4'; remove the quotes");
    }

    @Test
    void load_fractionForACount_isAnError() {
        assertThat(issues(dir, "name: t\nhorizon: PT1H\nec2: {instances: [{name: a, type: m5.large, count: 2.5}]}\n"))
                .containsExactly("ec2.instances[0].count: expected a whole number, found the number 2.5");
    }

    @Test
    void load_numberForAName_isNotCoerced() {
        assertThat(issues(dir, "name: 2026\nhorizon: PT1H\n")).containsExactly(
                "name: expected text, found the number 2026; quote it: '2026'");
    }

    @Test
    void load_yesIsNotABoolean_yaml12() {
        assertThat(issues(dir, """
                name: t
                horizon: PT1H
                ec2: {groups: [{name: g, instanceTypes: [m5.large], min: 1, max: 2, capacityRebalance: yes}]}
                """)).containsExactly("ec2.groups[0].capacityRebalance: expected true or false, found text 'yes'");
    }

    @Test
    void load_badEnumValue_listsValidValuesAndTheClosest() {
        assertThat(issues(dir, "name: t\nhorizon: PT1H\nec2: {instances: [{name: a, type: m5.large, market: spott}]}\n"))
                .containsExactly("ec2.instances[0].market: 'spott' is not a valid value; did you mean spot? valid"
                        + " values: on-demand, spot");
    }

    @Test
    void load_badDuration_explainsTheSyntax() {
        assertThat(issues(dir, "name: t\nhorizon: 1h\n")).containsExactly(
                "horizon: '1h' is not an ISO-8601 duration; write e.g. PT90S, PT10M, PT1H, P1D or P1DT2H");
    }

    @Test
    void load_emptyFile_givesOneClearLine() {
        assertThat(issues(dir, "")).containsExactly("the file is empty; a scenario needs at least name and horizon,"
                + " e.g. 'name: demo' and 'horizon: P1D'");
    }

    @Test
    void load_onlyComments_isEmptyToo() {
        assertThat(issues(dir, "# nothing here\n\n")).singleElement().asString().startsWith("the file is empty");
    }

    @Test
    void load_jsonArray_givesOneClearLine() {
        assertThat(issues(dir, "[1, 2, 3]")).containsExactly("the top level is a list, not a mapping of scenario keys;"
                + " a scenario starts with keys such as 'name:' and 'horizon:'");
    }

    @Test
    void load_plainText_givesOneClearLine() {
        assertThat(issues(dir, "Hello, this is a README.\n")).containsExactly("the top level is a single value"
                + " ('Hello, this is a README.'), not a mapping of scenario keys; is this a fleetsim scenario YAML file?");
    }

    @Test
    void load_binaryFile_givesOneClearLine() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        assertThat(issues(dir, png, List.of())).containsExactly(
                "the file contains binary data (a zero byte at offset 8), not YAML text; is this the right file?");
    }

    @Test
    void load_latin1Bytes_sayNotUtf8() {
        byte[] latin1 = "name: caf\u00e9\nhorizon: PT1H\n".getBytes(StandardCharsets.ISO_8859_1);
        // "name: caf" is 9 bytes, so the Latin-1 e-acute 0xE9 sits at offset 9.
        assertThat(issues(dir, latin1, List.of())).containsExactly(
                "the file is not UTF-8 text (invalid byte 0xE9 at offset 9); save it as UTF-8");
    }

    @Test
    void load_brokenYaml_namesTheLine() {
        assertThat(issues(dir, "name: t\nhorizon: PT1H\nec2: [unclosed\n")).singleElement().asString()
                .startsWith("not valid YAML: ").contains("line 4");
    }

    @Test
    void load_twoDocuments_areRefused() {
        assertThat(issues(dir, "name: a\nhorizon: PT1H\n---\nname: b\nhorizon: PT1H\n")).containsExactly(
                "the file holds more than one YAML document ('---'); put one scenario in each file");
    }

    // The refusal message proves the limit cut the expansion short; the timeout only guards against a hang
    // (a wall-clock assertion would be a timed unit test, flaky on a loaded machine).
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_billionLaughs_isRefused() {
        StringBuilder y = new StringBuilder("a: &a [lol,lol,lol,lol,lol,lol,lol,lol,lol]\n");
        String[] names = {"a", "b", "c", "d", "e", "f", "g", "h", "i"};
        for (int i = 1; i < names.length; i++) {
            String prev = "*" + names[i - 1];
            y.append(names[i]).append(": &").append(names[i]).append(" [").append(String.join(",",
                    java.util.Collections.nCopies(9, prev))).append("]\n");
        }
        List<String> lines = issues(dir, y.toString());

        assertThat(lines).containsExactly("refused: more than 50 aliases to lists or mappings (a possible"
                + " billion-laughs bomb); expand the repeated parts by hand");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void load_doublingBombUnderTheAliasLimit_isRefusedByTheExpansionBudget() {
        // 24 levels, each a list of two aliases to the previous level: 48 aliases (under the limit of 50) that
        // would still expand to 2^24 = 16.7 million leaves.
        StringBuilder y = new StringBuilder("l0: &l0 [x, x]\n");
        for (int i = 1; i <= 24; i++) {
            y.append('l').append(i).append(": &l").append(i).append(" [*l").append(i - 1).append(", *l")
                    .append(i - 1).append("]\n");
        }
        List<String> lines = issues(dir, y.toString());

        assertThat(lines).containsExactly("refused: aliases expand to more than 50000 values (a possible"
                + " billion-laughs bomb); expand the repeated parts by hand");
    }

    @Test
    void load_deepNesting_isRefused() {
        String y = "name: t\nhorizon: PT1H\nx: " + "[".repeat(200) + "]".repeat(200) + "\n";
        assertThat(issues(dir, y)).containsExactly("refused: nesting deeper than 50 levels");
    }

    @Test
    void load_anchorsAndMergeKeys_work() throws Exception {
        ScenarioSpec s = load(dir, """
                name: t
                horizon: PT1H
                ec2:
                  instances:
                    - &base {name: a, type: m5.large, market: spot}
                    - {<<: *base, name: b}
                """).spec();
        assertThat(s.ec2().instances()).extracting(InstanceSpec::name).containsExactly("a", "b");
        assertThat(s.ec2().instances().get(1).market()).isEqualTo(Market.SPOT);
        assertThat(s.ec2().instances().get(1).type()).isEqualTo("m5.large");
    }

    @Test
    void load_issues_comeInFileOrder() {
        // Found by different passes (schema, then validation); reported in the order a reader meets them.
        List<String> lines = issues(dir, """
                name: t
                horizon: PT1H
                ec2:
                  instances:
                    - {name: a, type: m5.lrage}
                    - {name: b, type: m5.large, os: windos}
                faults:
                  - {kind: zone-outage, zone: us-east-1a, at: PT2H, duration: PT1H}
                """);
        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(':')))
                .containsExactly("ec2.instances[0].type", "ec2.instances[1].os", "faults[0].at");
    }

    @Test
    void load_setOverride_changesTheValueBeforeValidation() throws Exception {
        Path file = Loading.write(dir, "s.yaml", "name: t\nhorizon: PT1H\npricing:\n  savingsPlans:\n"
                + "    - {kind: compute, commitment: \"2.00\"}\n");
        Scenario s = new ScenarioLoader(Loading.CATALOG).load(file, List.of(
                SetOverride.parse("pricing.savingsPlans[0].commitment=5"), SetOverride.parse("seed=42"),
                SetOverride.parse("zones=[us-east-1a]")));
        assertThat(s.spec().pricing().savingsPlans().get(0).commitment()).isEqualTo(new BigDecimal("5"));
        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.spec().zones()).containsExactly("us-east-1a");
    }

    @Test
    void load_setOverride_errorsNameTheBadPath() {
        byte[] yaml = ("name: t\nhorizon: PT1H\npricing:\n  savingsPlans:\n"
                + "    - {kind: compute, commitment: \"2.00\"}\n").getBytes(StandardCharsets.UTF_8);
        List<String> lines = issues(dir, yaml, List.of(
                SetOverride.parse("pricing.savingsPlan[0].commitment=5"),
                SetOverride.parse("pricing.savingsPlans[3].commitment=5"),
                SetOverride.parse("pricing.savingsPlans[0].commitment=lots")));
        assertThat(lines).containsExactlyInAnyOrder(
                "pricing.savingsPlan[0].commitment: --set: pricing has no key 'savingsPlan'; did you mean"
                        + " savingsPlans? valid keys: rates, reservedInstances, savingsPlans, spot",
                "pricing.savingsPlans[3].commitment: --set: index 3 is out of range: pricing.savingsPlans has 1"
                        + " item; indexes run from 0 to 0",
                "pricing.savingsPlans[0].commitment: 'lots' is not a decimal number; write a decimal such as"
                        + " \"0.0816\"");
    }
}
