package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.RunResult;
import org.junit.jupiter.api.Test;

/**
 * ECS service target tracking end to end: the high alarm's data points are one-minute periods (aws-rules.md item 7;
 * ServiceTargetTracking), so a run's first data point covers [0, 60 s) and is there at 60 s, as for an EC2 group's
 * policy (TargetTrackingPolicy, GroupScalerTest). Hand-derived figures in each comment.
 */
final class ServiceTargetTrackingRunTest {

    /**
     * Demand 300/s from the start, perTask 100 at target 0.5: ceil(300 / 50) = 6 > desired 2 at every data point. The
     * data points end at 60, 120 and 180 s: out to 6 at 180 s (the 3rd), not at 120 s (there is no one-minute data
     * point at 0). Fargate tasks serve at once (no startup): 2 x 100 = 200/s until 180 s, then all 300/s. Requests
     * 300 x 3,600 = 1,080,000; unserved 100 x 180 = 18,000.
     */
    @Test
    void run_demandAboveTargetFromTheStart_scalesOutAtTheThirdOneMinuteDataPoint_aws_rules_item7() throws Exception {
        RunResult r = RunChecks.run("""
                name: tracking-from-start
                horizon: PT1H
                demand:
                  rps: {constant: 300}
                ecs:
                  clusters:
                    - name: c
                      capacityProviders: [{name: FARGATE}]
                      services:
                        - name: web
                          launchType: FARGATE
                          cpu: 1024
                          memory: 2048
                          desired: 2
                          autoscaling: {signal: rps, perTask: 100, targetUtilization: 0.5, min: 1, max: 10}
                """);
        WorkloadReport web = r.report().workloads().get(0);
        assertThat(web.launched()).isEqualTo(6);
        assertThat(r.report().demand().requests()).isCloseTo(1_080_000, within(1e-6));
        assertThat(r.report().demand().unserved()).isCloseTo(18_000, within(1e-6));
    }
}
