package dev.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Demand, served demand and pending tasks per clock-hour in timeseries.csv and report.html, derived by hand. */
final class HourlyWorkloadsTest {

    /**
     * A constant 1,000 requests/s against a group pinned at 4 m5.large of 100/s each (perInstance is the reference
     * type's throughput at 100%): 400/s served every minute, 600/s unserved. The run starts at 00:30 for 2 h, so its
     * clock-hours are 00:00 (30 min), 01:00 (60 min) and 02:00 (30 min): the rates are means over the part each hour
     * covers, 1,000 and 400 in all three, not 500 and 200 in the half hours.
     */
    private static final String SCENARIO = """
            name: demand-hours
            start: 2026-01-05T00:30:00Z
            horizon: PT2H
            demand:
              rps: {constant: 1000}
            ec2:
              groups:
                - {name: web, instanceTypes: [m5.large], min: 4, max: 4, desired: 4,
                   scaling: {signal: rps, perInstance: 100, targetUtilization: 1.0}}
            """;

    @Test
    void timeseries_demandColumns_areMeanRatesOverTheCoveredPartOfEachHour() throws Exception {
        Scenario s = HourlyCostsTest.scenario(SCENARIO);
        RunResult r = HourlyCostsTest.run(s);
        Map<String, byte[]> files = ReportFiles.of(s, r, r.report(), HourlyCostsTest.CATALOG);
        String[] lines = new String(files.get("timeseries.csv"), StandardCharsets.UTF_8).split("\n");

        assertThat(lines).hasSize(4);
        for (int h = 1; h <= 3; h++) {
            // No container workloads: pending_tasks stays empty.
            assertThat(lines[h]).as("hour %d", h - 1).endsWith(",1000.000000,400.000000,");
        }
        // The totals agree: 1,000/s x 7,200 s requested, 600/s x 7,200 s unserved.
        assertThat(r.report().demand().requests()).isEqualTo(7_200_000.0);
        assertThat(r.report().demand().unserved()).isEqualTo(4_320_000.0);
    }

    @Test
    void html_demandChart_stacksServedAndUnserved() throws Exception {
        Scenario s = HourlyCostsTest.scenario(SCENARIO);
        RunResult r = HourlyCostsTest.run(s);
        String html = new String(ReportFiles.of(s, r, r.report(), HourlyCostsTest.CATALOG).get("report.html"),
                StandardCharsets.UTF_8);
        String demand = html.substring(html.indexOf("<section id=\"demand\""), html.indexOf("</section>",
                html.indexOf("<section id=\"demand\"")));

        assertThat(demand).contains("<svg").contains("served").contains("unserved")
                .contains("requested 7,200,000, unserved 4,320,000 (60.0000%)");
    }

    @Test
    void timeseries_pendingTasks_areTheWaitingTasksAtEachHourEnd() throws Exception {
        // One m5.large container instance (2 vCPU = 2,048 CPU units) takes two 1,024-unit tasks. Five arrive at 0 and
        // run 90 minutes each: 2 run, 3 wait (end of hour 0: 3); at 90 min two finish and two start (end of hour 1:
        // 1); at 180 min, the horizon, two finish and the last starts (end of hour 2: 0). No demand signal: the
        // demand columns stay empty.
        Scenario s = HourlyCostsTest.scenario("""
                name: pending-hours
                start: 2026-01-05T00:00:00Z
                horizon: PT3H
                ecs:
                  clusters:
                    - name: c
                      capacityProviders:
                        - {name: fleet, group: {instanceTypes: [m5.large], min: 1, max: 1, desired: 1}}
                      tasks:
                        - {name: job, launchType: EC2, capacityProvider: fleet, cpu: 1024, memory: 2048,
                           arrivals: {at: [PT0S], count: 5}, duration: {fixed: PT90M}}
                """);
        RunResult r = HourlyCostsTest.run(s);
        String[] lines = new String(ReportFiles.of(s, r, r.report(), HourlyCostsTest.CATALOG).get("timeseries.csv"),
                StandardCharsets.UTF_8).split("\n");

        assertThat(lines).hasSize(4);
        assertThat(lines[1]).endsWith(",,,3");
        assertThat(lines[2]).endsWith(",,,1");
        assertThat(lines[3]).endsWith(",,,0");
    }
}
