package dev.fleetsim.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.fleetsim.processor.Microarchitecture;
import dev.fleetsim.scenario.spec.ScenarioSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Jackson binding on its own: strict even without the schema pass in front of it, and its failures become
 * issues with a YAML path and a hint.
 */
final class SpecMapperTest {

    private final ObjectMapper mapper = SpecMapper.create();

    @TempDir
    Path dir;

    private Issue bindingIssue(String json) throws JsonProcessingException {
        JsonMappingException e = catchThrowableOfType(JsonMappingException.class,
                () -> mapper.treeToValue(mapper.readTree(json), ScenarioSpec.class));
        assertThat(e).as("binding should fail").isNotNull();
        return JacksonIssues.toIssue(e);
    }

    @Test
    void bind_unknownKey_becomesAnIssueWithPathAndSuggestion() throws Exception {
        Issue issue = bindingIssue("{\"ec2\": {\"instances\": [{\"name\": \"a\", \"tpye\": \"m5.large\"}]}}");

        assertThat(issue.path()).isEqualTo("ec2.instances[0].tpye");
        assertThat(issue.message()).isEqualTo("unknown key");
        assertThat(issue.hint()).startsWith("did you mean type?");
    }

    @Test
    void bind_badEnum_listsTheValidKeys() throws Exception {
        Issue issue = bindingIssue("{\"ec2\": {\"instances\": [{\"market\": \"spott\"}]}}");

        assertThat(issue.format()).isEqualTo("ec2.instances[0].market: 'spott' is not a valid value; did you mean"
                + " spot? valid values: on-demand, spot");
    }

    @Test
    void bind_numberForText_isNotCoerced() throws Exception {
        assertThat(bindingIssue("{\"name\": 5}").path()).isEqualTo("name");
    }

    @Test
    void bind_textForAList_isNotCoerced() throws Exception {
        assertThat(bindingIssue("{\"zones\": \"us-east-1a\"}").path()).isEqualTo("zones");
    }

    @Test
    void bind_quotedNumberForACount_isNotCoerced() throws Exception {
        assertThat(bindingIssue("{\"ec2\": {\"instances\": [{\"count\": \"4\"}]}}").path())
                .isEqualTo("ec2.instances[0].count");
    }

    @Test
    void bind_badDuration_explains() throws Exception {
        Issue issue = bindingIssue("{\"horizon\": \"1h\"}");

        assertThat(issue.path()).isEqualTo("horizon");
        assertThat(issue.format()).contains("'1h'");
    }

    @Test
    void read_duplicateKeysInJsonText_fail() {
        assertThatThrownBy(() -> mapper.readTree("{\"name\": \"a\", \"name\": \"b\"}"))
                .isInstanceOf(JsonProcessingException.class).hasMessageContaining("Duplicate field 'name'");
    }

    @Test
    void scenario_processorOverrides_becomeThroughputFactors() throws Exception {
        Scenario s = Loading.load(dir, "name: t\nhorizon: PT1H\nprocessors: {graviton3: 1.5}\n");

        assertThat(s.throughputFactors().factor(Microarchitecture.GRAVITON3)).isEqualTo(1.5);
        assertThat(s.throughputFactors().factor(Microarchitecture.INTEL_ICE_LAKE))
                .isEqualTo(Microarchitecture.INTEL_ICE_LAKE.defaultThroughputFactor());
    }

    @Test
    void load_fileOverTenMegabytes_isRefusedBeforeParsing() throws Exception {
        Path big = dir.resolve("big.yaml");
        java.nio.file.Files.write(big, new byte[YamlTree.MAX_BYTES + 1]);

        assertThatThrownBy(() -> new ScenarioLoader(Loading.CATALOG).load(big))
                .isInstanceOf(InvalidScenarioException.class)
                .hasMessage("the file is 10485761 bytes; scenarios are limited to 10485760 bytes");
    }
}
