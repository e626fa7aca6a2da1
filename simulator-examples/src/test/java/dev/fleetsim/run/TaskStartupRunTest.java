package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.billing.Money;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import org.junit.jupiter.api.Test;

/**
 * {@code lifecycle.taskStartup} end to end: Fargate bills from the start of the image pull (aws-rules.md item 5:
 * us-east-1 Linux/x86 $0.04048 per vCPU-hour, $0.004445 per GB-hour), a task serves only after its startup, and a
 * fixed duration is the work after the startup. Hand-derived figures in each comment.
 */
final class TaskStartupRunTest {

    private static final String HEAD = "name: startup\nhorizon: PT1H\nlifecycle: {taskStartup: PT30S}\n";

    /**
     * 100 tasks of 1 vCPU, 2 GB, 10 minutes, 30 s startup: each billed 630 s, 63,000 s = 17.5 h in all:
     * vCPU 17.5 x $0.04048 = $0.7084, memory 17.5 x 2 x $0.004445 = $0.155575; $0.863975 (without the startup:
     * 16.666... h, $0.822833...).
     */
    @Test
    void run_fargateTasksOfTenMinutesWith30sStartup_billsEach630s_aws_rules_item5() throws Exception {
        RunResult r = RunChecks.run(HEAD + "ecs:\n  clusters:\n    - name: c\n      capacityProviders: [{name: FARGATE}]\n"
                + "      tasks:\n        - {name: etl, launchType: FARGATE, cpu: 1024, memory: 2048,"
                + " duration: {fixed: PT10M}, arrivals: {at: [PT0S], count: 100}}\n");

        assertThat(r.bill().total()).isEqualTo(Money.usd("0.863975"));
        WorkloadReport etl = r.report().workloads().get(0);
        assertThat(etl.launched()).isEqualTo(100);
        assertThat(etl.completed()).isEqualTo(100);
    }

    /**
     * A service of 2 Fargate tasks, each serving 100 rps, under a constant 100 rps for 1 h: nothing is served in the
     * first 30 s (the tasks start up), then all: requests 360,000, unserved 30 s x 100 = 3,000, served 357,000. The
     * tasks bill the whole hour from their image pull at 0: 2 x ($0.04048 + 2 x $0.004445) = $0.09874.
     */
    @Test
    void run_serviceWith30sStartup_servesDemandOnlyFrom30s() throws Exception {
        RunResult r = RunChecks.run(HEAD + "demand:\n  rps: {constant: 100}\n"
                + "ecs:\n  clusters:\n    - name: c\n      capacityProviders: [{name: FARGATE}]\n      services:\n"
                + "        - {name: web, launchType: FARGATE, cpu: 1024, memory: 2048, desired: 2,"
                + " autoscaling: {signal: rps, perTask: 100, targetUtilization: 0.5, min: 2, max: 2}}\n");

        assertThat(r.report().demand().requests()).isEqualTo(360_000.0);
        assertThat(r.report().demand().unserved()).isEqualTo(3_000.0);
        assertThat(r.report().demand().served()).isEqualTo(357_000.0);
        assertThat(r.bill().total()).isEqualTo(Money.usd("0.09874"));
        assertThat(r.notSimulated()).isEmpty();
    }
}
