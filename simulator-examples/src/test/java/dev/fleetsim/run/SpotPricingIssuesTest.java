package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.fleetsim.scenario.InvalidScenarioException;
import dev.fleetsim.scenario.Issue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Spot instances of types newer than the shipped Spot Advisor data (c8a.large has no us-east-1 row) are input errors
 * with a path and a fix, never an internal error mid-run (aws-rules.md item 4: price and hazard come from the Advisor).
 */
final class SpotPricingIssuesTest {

    private static final String INSTANCE = "name: t\nhorizon: PT2H\nec2:\n  instances:\n"
            + "    - {name: a, type: c8a.large, count: 1, market: spot}\n";

    @Test
    void run_spotTypeWithoutAdvisorRow_underHazard_listsPriceAndHazardIssues() {
        List<Issue> issues = issuesOf(INSTANCE);

        assertThat(issues).extracting(Issue::path).containsExactly("ec2.instances[0].type", "ec2.instances[0].type");
        assertThat(issues.get(0).message()).contains("no Spot price");
        assertThat(issues.get(0).hint()).contains("spot rate");
        assertThat(issues.get(1).message()).contains("no interruption frequency");
        assertThat(issues.get(1).hint()).contains("pricing.spot.interruptions: none");
    }

    @Test
    void run_spotTypeWithoutAdvisorRow_withFixedRateAndNoHazard_runs() throws Exception {
        String yaml = INSTANCE + "pricing:\n  spot: {interruptions: none}\n  rates:\n"
                + "    - match: {type: c8a.large, os: linux, tenancy: shared}\n      spot: \"0.05\"\n";

        // 2 h at the fixed $0.05/h = $0.10.
        assertThat(RunChecks.run(yaml).report().bill().total()).isEqualByComparingTo("0.10");
    }

    @Test
    void run_spotTypeWithAdvisorRow_hasNoIssue() throws Exception {
        assertThat(RunChecks.run(INSTANCE.replace("c8a.large", "c7a.large") + "pricing:\n  spot: {interruptions: none}\n")
                .report().bill().total().signum()).isPositive();
    }

    @Test
    void run_spotGroupWhoseEveryTypeLacksAnAdvisorRow_isAnIssue() {
        String yaml = "name: t\nhorizon: PT2H\nec2:\n  groups:\n    - {name: web, instanceTypes: [c8a.large],"
                + " min: 2, max: 4, desired: 2, mix: {onDemandBase: 0, onDemandPercentAboveBase: 0}}\n";

        assertThat(issuesOf(yaml)).extracting(Issue::path).containsExactly("ec2.groups[0].instanceTypes");
    }

    @Test
    void run_spotGroupWithOneCoveredType_runs() throws Exception {
        String yaml = "name: t\nhorizon: PT2H\npricing:\n  spot: {interruptions: none}\nec2:\n  groups:\n"
                + "    - {name: web, instanceTypes: [c8a.large, c7a.large], min: 2, max: 4, desired: 2,"
                + " mix: {onDemandBase: 0, onDemandPercentAboveBase: 0}}\n";

        // The uncovered pool is closed, so both Spot instances are c7a.large.
        assertThat(RunChecks.run(yaml).report().workloads().get(0).launched()).isEqualTo(2);
    }

    @Test
    void run_spotCapacityProviderAndNodePoolWithoutAnySpotPrice_areIssues() {
        String yaml = "name: t\nhorizon: PT2H\necs:\n  clusters:\n    - name: prod\n      capacityProviders:\n"
                + "        - {name: fleet, group: {instanceTypes: [c8a.large], min: 1, max: 1, market: spot}}\n"
                + "eks:\n  clusters:\n    - name: k\n      nodePools:\n"
                + "        - {name: spotnodes, kind: managed, instanceTypes: [c8a.large], min: 1, max: 1, market: spot}\n";

        List<Issue> issues = issuesOf(yaml);
        assertThat(issues).extracting(Issue::path).containsExactly("ecs.clusters[0].capacityProviders[0].group",
                "eks.clusters[0].nodePools[0]");
        assertThat(issues.get(0).message()).contains("could launch nothing");
    }

    @Test
    void run_spotNodePoolPricedOnlyByAFixedRate_underHazard_isAnIssue_withoutHazardRuns() throws Exception {
        String pool = "name: t\nhorizon: PT2H\neks:\n  clusters:\n    - name: k\n      nodePools:\n"
                + "        - {name: spotnodes, kind: managed, instanceTypes: [c8a.large], min: 1, max: 1, market: spot}\n"
                + "pricing:\n  rates:\n    - match: {type: c8a.large, os: linux, tenancy: shared}\n"
                + "      spot: \"0.05\"\n";

        assertThat(issuesOf(pool)).extracting(Issue::message).singleElement().asString()
                .contains("no interruption frequency");
        // Without the hazard: the control plane 2 h x $0.10 + the node 2 h at the fixed $0.05/h = $0.30.
        assertThat(RunChecks.run(pool + "  spot: {interruptions: none}\n").report().bill().total())
                .isEqualByComparingTo("0.30");
    }

    @Test
    void run_spotGroupPricedOnlyByAFixedRate_underHazard_isAnIssue_notAnInternalError() {
        // The same rule as for node pools: the hazard draws from the Advisor's frequency bucket, which c8a.large lacks.
        String yaml = "name: t\nhorizon: PT2H\nec2:\n  groups:\n    - {name: web, instanceTypes: [c8a.large],"
                + " min: 2, max: 4, desired: 2, mix: {onDemandBase: 0, onDemandPercentAboveBase: 0}}\n"
                + "pricing:\n  rates:\n    - match: {type: c8a.large, os: linux, tenancy: shared}\n      spot: \"0.03\"\n";

        assertThat(issuesOf(yaml)).extracting(Issue::path, Issue::message).singleElement().asString()
                .contains("ec2.groups[0].instanceTypes").contains("no interruption frequency");
    }

    private static List<Issue> issuesOf(String yaml) {
        InvalidScenarioException e = catchThrowableOfType(() -> RunChecks.run(yaml), InvalidScenarioException.class);
        assertThat(e).as("an input error").isNotNull();
        return e.issues();
    }
}
