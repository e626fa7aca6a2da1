package dev.fleetsim.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * The regression set: one scenario per public worked example of aws-rules.md, run through the CLI exactly as
 * {@code ./fleetsim run scenarios/regression/NAME.yaml --format json} runs it. Every expected figure is derived
 * by hand in the scenario file's header and repeated here.
 */
final class RegressionScenariosTest {

    private static JsonNode bill(String name) throws Exception {
        return report(name).get("bill");
    }

    private static JsonNode report(String name) {
        return CliRuns.regression(name);
    }

    private static void assertSplit(JsonNode bill, String onDemand, String spot, String reserved, String savingsPlan) {
        JsonNode models = bill.get("byPricingModel");
        assertThat(models.get("on-demand").asText()).isEqualTo(onDemand);
        assertThat(models.get("spot").asText()).isEqualTo(spot);
        assertThat(models.get("reserved").asText()).isEqualTo(reserved);
        assertThat(models.get("savings-plan").asText()).isEqualTo(savingsPlan);
    }

    @Test
    void e1_oneRiFourConcurrentInstances_billsOneHourReservedThreeOnDemand() throws Exception {
        // 3 h x $0.20 + RI fee $0.12 = $0.72
        JsonNode bill = bill("e1-ri-four-concurrent");
        assertThat(bill.get("total").asText()).isEqualTo("0.72");
        assertSplit(bill, "0.60", "0.00", "0.12", "0.00");
    }

    @Test
    void e1_fourQuarterHoursInOneClockHour_areAllCoveredByOneRi() throws Exception {
        // 4 x 900 s = 3,600 instance-seconds <= one RI's 3,600 s: only the RI fee, $0.12
        JsonNode bill = bill("e1-ri-four-quarter-hours");
        assertThat(bill.get("total").asText()).isEqualTo("0.12");
        assertSplit(bill, "0.00", "0.00", "0.12", "0.00");
    }

    @Test
    void e2_partialUpfrontYear_amortizedAndUnblendedAreTheListValue() throws Exception {
        // 60 + 0.007 x 8,760 = 121.32, both bases (the upfront is inside the horizon either way)
        JsonNode bill = bill("e2-partial-upfront-year");
        assertThat(bill.get("total").asText()).isEqualTo("121.32");
        assertThat(bill.get("unblendedTotal").asText()).isEqualTo("121.32");
        assertSplit(bill, "0.00", "0.00", "121.32", "0.00");
    }

    @Test
    void e3_mediumRiCoversTwoSmall() throws Exception {
        // factor 2 = 2 x factor 1: RI fee $0.03 only
        JsonNode bill = bill("e3-medium-covers-two-small");
        assertThat(bill.get("total").asText()).isEqualTo("0.03");
        assertSplit(bill, "0.00", "0.00", "0.03", "0.00");
    }

    @Test
    void e3_mediumRiCoversHalfOfALarge() throws Exception {
        // 10 h x ($0.03 RI + 0.5 x $0.10 On-Demand) = $0.30 + $0.50 = $0.80
        JsonNode bill = bill("e3-medium-half-of-large");
        assertThat(bill.get("total").asText()).isEqualTo("0.80");
        assertSplit(bill, "0.50", "0.00", "0.30", "0.00");
    }

    @Test
    void e3_twoEightXlRisCoverOneMetal() throws Exception {
        // i3.metal = 128 = 2 x 64: two RI fees of $1.50, nothing On-Demand
        JsonNode bill = bill("e3-two-8xl-cover-metal");
        assertThat(bill.get("total").asText()).isEqualTo("3.00");
        assertSplit(bill, "0.00", "0.00", "3.00", "0.00");
    }

    @Test
    void e9_twoMicroAndOneSmallFootprintCoversAMedium() throws Exception {
        // 10 h x (2 x $0.007 + $0.014) = $0.28
        JsonNode bill = bill("e9-footprint-small-into-medium");
        assertThat(bill.get("total").asText()).isEqualTo("0.28");
        assertSplit(bill, "0.00", "0.00", "0.28", "0.00");
    }

    @Test
    void e9_mediumFootprintCoversTwoNanoAndThreeMicro() throws Exception {
        // 2 x 0.25 + 3 x 0.5 = 2 = t2.medium: 10 h x $0.028 = $0.28
        JsonNode bill = bill("e9-footprint-medium-into-nano-micro");
        assertThat(bill.get("total").asText()).isEqualTo("0.28");
        assertSplit(bill, "0.00", "0.00", "0.28", "0.00");
    }

    @Test
    void e22_perSecondWithSixtySecondMinimumPerStart() throws Exception {
        // at $0.01/s: 60 s + 95 s + 2 x 60 s = 275 s = $2.75
        JsonNode bill = bill("e22-per-second");
        assertThat(bill.get("total").asText()).isEqualTo("2.75");
        assertSplit(bill, "2.75", "0.00", "0.00", "0.00");
    }

    @Test
    void spot_interruptedByAwsWithinTheFirstHour_billsNothing() throws Exception {
        // aws-rules.md item 4: the interrupted copy is free; the control copy bills 1 h x $0.04
        JsonNode bill = bill("spot-interrupted-first-hour");
        assertThat(bill.get("total").asText()).isEqualTo("0.04");
        assertSplit(bill, "0.00", "0.04", "0.00", "0.00");
    }

    @Test
    void spot_forcedGroupInterruption_noticeThenReclaimAfter120sThenReplacements() throws Exception {
        // notice at 30:00, reclaimed at 32:00 (free: first hour), replacements run 32:16.5-60:00 = 1,664 s each
        // at $0.0001/s: 2 x 1,664 x 0.0001 = $0.3328
        JsonNode report = report("spot-group-forced-interruption");
        assertThat(report.get("bill").get("total").asText()).isEqualTo("0.33");
        assertSplit(report.get("bill"), "0.00", "0.33", "0.00", "0.00");
        assertThat(report.get("events").get("spotInterruptionNotices").asLong()).isEqualTo(2);
        JsonNode workers = report.get("workloads").get(0);
        assertThat(workers.get("launched").asLong()).isEqualTo(4);
        assertThat(workers.get("interrupted").asLong()).isEqualTo(2);
    }

    @Test
    void e11_s1_computeSpOfFiftyCoversEc2AndEcsFargateAtSpRates() throws Exception {
        // aws-rules.md E11 without Lambda, S1: used 4 x 0.70 + 8.20 + 400 x 0.03 + 1,600 x 0.003 = 27.80 of $50;
        // the total is the commitment, $50.00, of which 22.20 unused.
        JsonNode bill = bill("e11-s1");
        assertThat(bill.get("total").asText()).isEqualTo("50.00");
        assertSplit(bill, "0.00", "0.00", "0.00", "50.00");
        JsonNode services = bill.get("byService");
        assertThat(services.get("ec2").asText()).isEqualTo("11.00"); // 2.80 + 8.20
        assertThat(services.get("fargate").asText()).isEqualTo("16.80"); // 12.00 + 4.80
        assertThat(services.get("unused-commitment").asText()).isEqualTo("22.20");
    }

    @Test
    void e11_s2_computeSpOfTwoCoversR5First() throws Exception {
        // aws-rules.md E11 without Lambda, S2: $2 covers 2 / 0.70 r5-hours (highest discount, 30%, first);
        // 2 + (4 - 2/0.70) x 1.00 + 10 + 16 + 6.40 = 35.542857... -> 35.54; On-Demand 33.542857... -> 33.54
        JsonNode bill = bill("e11-s2");
        assertThat(bill.get("total").asText()).isEqualTo("35.54");
        assertSplit(bill, "33.54", "0.00", "0.00", "2.00");
        assertThat(bill.get("byService").get("fargate").asText()).isEqualTo("22.40"); // all On-Demand
    }

    @Test
    void e12_fargateFiveTasksADayForThirtyDays() throws Exception {
        // aws-rules.md E12: 25 task-hours x (0.04048 + 2 x 0.004445 + 10 x 0.000111) = 1.262 -> $1.26
        JsonNode bill = bill("e12-fargate");
        assertThat(bill.get("total").asText()).isEqualTo("1.26");
        assertSplit(bill, "1.26", "0.00", "0.00", "0.00");
        assertThat(bill.get("byService").get("fargate").asText()).isEqualTo("1.26");
    }
}
