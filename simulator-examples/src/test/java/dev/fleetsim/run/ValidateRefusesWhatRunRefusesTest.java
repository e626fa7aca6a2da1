package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every check only a run could make (rates the price data lacks, run windows the lifecycle cannot honour) is made by
 * {@code validate} too: the same lines on stderr, exit status 2, nothing simulated. One scenario per check; each
 * names the path and the reason, derived from the bundled data's coverage (PriceBook: On-Demand rows for Linux shared
 * tenancy only; Fargate prices for us-east-1 only; no Spot Advisor row for c8a.large in us-east-1).
 */
final class ValidateRefusesWhatRunRefusesTest {

    private static final String HEAD = "name: t\nhorizon: PT2H\n";

    @TempDir
    Path dir;

    @Test
    void validate_instanceOsWithoutBundledRate_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "ec2:\n  instances:\n"
                + "    - {name: w, type: m5.large, count: 1, os: windows}\n");

        assertThat(lines).singleElement().asString().startsWith("ec2.instances[0]: no On-Demand rate for m5.large"
                + " (windows, shared tenancy)");
    }

    @Test
    void validate_spotInstanceWithoutAdvisorRow_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "ec2:\n  instances:\n"
                + "    - {name: a, type: c8a.large, count: 1, market: spot}\n");

        // No Spot price and, under the default hazard, no interruption frequency (aws-rules.md item 4).
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("ec2.instances[0].type: c8a.large (linux) has no Spot"
                + " Advisor row in us-east-1"));
        assertThat(lines.get(0)).contains("so no Spot price");
        assertThat(lines.get(1)).contains("so no interruption frequency for the hazard");
    }

    @Test
    void validate_spotGroupWithoutAnySpotPrice_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "ec2:\n  groups:\n    - {name: web, instanceTypes: [c8a.large],"
                + " min: 1, max: 2, desired: 1, mix: {onDemandBase: 0, onDemandPercentAboveBase: 0}}\n");

        assertThat(lines).singleElement().asString().startsWith("ec2.groups[0].instanceTypes: none of [c8a.large]"
                + " has a Spot price in us-east-1");
    }

    @Test
    void validate_capacityProviderOsWithoutBundledRate_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "ecs:\n  clusters:\n    - name: prod\n      capacityProviders:\n"
                + "        - {name: fleet, group: {instanceTypes: [m5.large], min: 1, max: 1, os: windows}}\n");

        assertThat(lines).singleElement().asString().startsWith("ecs.clusters[0].capacityProviders[0].group: no"
                + " On-Demand rate for m5.large (windows, shared tenancy)");
    }

    @Test
    void validate_spotNodePoolWithoutAnySpotPrice_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "eks:\n  clusters:\n    - name: k\n      nodePools:\n"
                + "        - {name: n, kind: managed, instanceTypes: [c8a.large], min: 1, max: 1, market: spot}\n");

        assertThat(lines).singleElement().asString().startsWith("eks.clusters[0].nodePools[0]: none of [c8a.large]"
                + " has a Spot price");
    }

    @Test
    void validate_reservedInstanceWithoutRate_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "pricing:\n  reservedInstances:\n"
                + "    - {type: m5.large, count: 1, scope: region, os: windows}\n");

        // Its rate derives from the On-Demand rate, which the bundled data lacks for Windows.
        assertThat(lines).singleElement().asString().startsWith("pricing.reservedInstances[0]: no On-Demand rate for"
                + " m5.large (windows, shared tenancy)");
    }

    @Test
    void validate_runWindowsCloserThanStopPlusLaunch_refusesAsRunDoes() throws IOException {
        // Stop 60 s + launch 60 s: a window starting 100 s after the previous ends cannot be honoured.
        List<String> lines = refusedByBoth(HEAD + "lifecycle: {instanceLaunch: PT60S, instanceStop: PT60S}\n"
                + "ec2:\n  instances:\n    - name: a\n      type: m5.large\n      count: 1\n      runs:\n"
                + "        - {start: PT10M, end: PT20M}\n        - {start: PT21M40S, end: PT30M}\n");

        assertThat(lines).singleElement().asString().startsWith("ec2.instances[0].runs: a: run window 1")
                .contains("leave at least 120000 ms between windows");
    }

    @Test
    void validate_fargateOutsideThePricedRegion_refusesAsRunDoes() throws IOException {
        List<String> lines = refusedByBoth("name: t\nhorizon: PT2H\nregion: eu-west-1\nzones: [eu-west-1a]\n"
                + "ecs:\n  clusters:\n    - name: c\n      capacityProviders: [{name: FARGATE_SPOT}]\n      tasks:\n        - {name: job, launchType: FARGATE_SPOT,"
                + " cpu: 256, memory: 512, duration: {fixed: PT10M}}\n");

        // A Spot task bills vCPU and memory (aws-rules.md item 5) at On-Demand less 70%: no On-Demand rate outside us-east-1.
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("ecs.clusters[0].tasks[0]: no Fargate On-Demand rate for Fargate vcpu-hour"
                + " (x86_64, linux) in eu-west-1");
        assertThat(lines.get(1)).startsWith("ecs.clusters[0].tasks[0]: no Fargate On-Demand rate for Fargate gb-hour");
    }

    @Test
    void validate_severalRunOnlyProblems_listsThemAllAtOnce() throws IOException {
        List<String> lines = refusedByBoth(HEAD + "ec2:\n  instances:\n"
                + "    - {name: w, type: m5.large, count: 1, os: windows}\n"
                + "    - {name: a, type: c8a.large, count: 1, market: spot}\n"
                + "pricing:\n  spot: {interruptions: none}\n"
                + "  reservedInstances:\n    - {type: m5.large, count: 1, scope: region, os: windows}\n");

        assertThat(lines).extracting(l -> l.substring(0, l.indexOf(": "))).containsExactly("ec2.instances[0]",
                "ec2.instances[1].type", "pricing.reservedInstances[0]");
    }

    @Test
    void validate_scenarioRunAccepts_isOk() throws IOException {
        Path file = write(HEAD + "ec2:\n  instances:\n    - {name: a, type: m5.large, count: 1}\n");

        CliRuns.Output validate = CliRuns.cli("validate", file.toString());
        assertThat(validate.status()).as(validate.err()).isZero();
        assertThat(CliRuns.cli("run", file.toString()).status()).isZero();
    }

    /** Both verbs exit 2 with the same stderr; returns its lines. */
    private List<String> refusedByBoth(String yaml) throws IOException {
        Path file = write(yaml);
        CliRuns.Output validate = CliRuns.cli("validate", file.toString());
        CliRuns.Output run = CliRuns.cli("run", file.toString(), "--format", "json");

        assertThat(run.status()).as("run; stderr: %s", run.err()).isEqualTo(2);
        assertThat(validate.status()).as("validate; stderr: %s", validate.err()).isEqualTo(2);
        assertThat(validate.err()).isEqualTo(run.err());
        assertThat(validate.out()).isEmpty();
        assertThat(run.out()).isEmpty();
        return validate.err().lines().toList();
    }

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("s.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}
