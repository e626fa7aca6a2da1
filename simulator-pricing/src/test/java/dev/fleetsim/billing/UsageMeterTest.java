package dev.fleetsim.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.ClusterUsage;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.FargateUsage;
import dev.fleetsim.metering.InstanceUsage;
import java.time.Instant;
import org.junit.jupiter.api.Test;

final class UsageMeterTest {

    private static final long S = 1_000L;
    private static final long MIN = 60 * S;
    private static final long H = 60 * MIN;

    private static final InstanceUsage LINUX = new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.LINUX,
            Tenancy.SHARED, Market.ON_DEMAND);
    private static final InstanceUsage SUSE = new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.SUSE,
            Tenancy.SHARED, Market.ON_DEMAND);
    private static final InstanceUsage SPOT = new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.LINUX,
            Tenancy.SHARED, Market.SPOT);
    private static final InstanceUsage SUSE_SPOT = new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.SUSE,
            Tenancy.SHARED, Market.SPOT);

    private static long total(UsageMeter meter, int key) {
        long sum = 0;
        for (int h = 0; h < meter.hourCount(); h++) {
            sum += meter.usageMs(key, h);
        }
        return sum;
    }

    private static long billed(Object what, long durationMs, EndCause cause) {
        UsageMeter meter = new UsageMeter(0);
        meter.runStarted(1, (dev.fleetsim.metering.Meterable) what, 10 * S);
        meter.runEnded(1, 10 * S + durationMs, cause);
        return meter.keyCount() == 0 ? 0 : total(meter, 0);
    }

    @Test
    void e22_35sBills60s_95sBills95s() {
        // aws-rules.md E22: per second with a 60 s minimum.
        assertThat(billed(LINUX, 35 * S, EndCause.STOPPED)).isEqualTo(60 * S);
        assertThat(billed(LINUX, 95 * S, EndCause.STOPPED)).isEqualTo(95 * S);
    }

    @Test
    void perSecond_roundsEachRunUpToTheWholeSecond() {
        assertThat(billed(LINUX, 95_001, EndCause.STOPPED)).isEqualTo(96 * S);
        assertThat(billed(LINUX, 0, EndCause.STOPPED)).isEqualTo(60 * S);
    }

    @Test
    void stopStartPair_billsAMinimumPerStart_item1() {
        // aws-rules.md item 1: a new minimum on every stopped->running transition: 2 x 60 s, not 60 s.
        UsageMeter meter = new UsageMeter(0);
        meter.runStarted(1, LINUX, 0);
        meter.runEnded(1, 30 * S, EndCause.STOPPED);
        meter.runStarted(1, LINUX, 100 * S);
        meter.runEnded(1, 130 * S, EndCause.STOPPED);
        assertThat(total(meter, 0)).isEqualTo(120 * S);
    }

    @Test
    void suse_billsWholeHours_withAOneHourMinimum_item1() {
        assertThat(billed(SUSE, 10 * MIN, EndCause.STOPPED)).isEqualTo(H);
        assertThat(billed(SUSE, 90 * MIN, EndCause.STOPPED)).isEqualTo(2 * H);
        assertThat(billed(SUSE, 2 * H, EndCause.STOPPED)).isEqualTo(2 * H);
    }

    @Test
    void spotInterruptedByAws_inTheFirstHour_billsNothing_item4() {
        assertThat(billed(SPOT, 30 * MIN, EndCause.INTERRUPTED_BY_AWS)).isZero();
        assertThat(billed(SPOT, H, EndCause.INTERRUPTED_BY_AWS)).isZero();
        assertThat(billed(SUSE_SPOT, 30 * MIN, EndCause.INTERRUPTED_BY_AWS)).isZero();
        // Stopped by the user instead: seconds used.
        assertThat(billed(SPOT, 30 * MIN, EndCause.STOPPED)).isEqualTo(30 * MIN);
        // On-Demand is never "interrupted": the free hour is a Spot rule.
        assertThat(billed(LINUX, 30 * MIN, EndCause.INTERRUPTED_BY_AWS)).isEqualTo(30 * MIN);
    }

    @Test
    void spotInterruptedByAws_afterTheFirstHour_item4() {
        // Non-SUSE: the seconds used.
        assertThat(billed(SPOT, 90 * MIN + 500, EndCause.INTERRUPTED_BY_AWS)).isEqualTo(90 * MIN + S);
        // SUSE: full hours, the interrupted partial hour free: 2 h 30 min -> 2 h.
        assertThat(billed(SUSE_SPOT, 150 * MIN, EndCause.INTERRUPTED_BY_AWS)).isEqualTo(2 * H);
        // SUSE stopped by the user: the partial hour counts: 2 h 30 min -> 3 h.
        assertThat(billed(SUSE_SPOT, 150 * MIN, EndCause.STOPPED)).isEqualTo(3 * H);
    }

    @Test
    void fargate_oneMinuteMinimumLinux_fiveMinutesWindows_item5() {
        FargateUsage linux = new FargateUsage(false, OperatingSystem.LINUX, 1024, 2048, 20, false);
        FargateUsage windows = new FargateUsage(false, OperatingSystem.WINDOWS, 1024, 2048, 20, false);
        assertThat(billed(linux, 30 * S, EndCause.STOPPED)).isEqualTo(60 * S);
        assertThat(billed(linux, 100_200, EndCause.STOPPED)).isEqualTo(101 * S);
        assertThat(billed(windows, 2 * MIN, EndCause.STOPPED)).isEqualTo(5 * MIN);
        assertThat(billed(windows, 7 * MIN, EndCause.STOPPED)).isEqualTo(7 * MIN);
    }

    @Test
    void clusters_recordRawTime() {
        assertThat(billed(new ClusterUsage("c", false), 10 * MIN + 1, EndCause.STOPPED)).isEqualTo(10 * MIN + 1);
    }

    @Test
    void runs_splitOverClockHours_alignedToTheStartsUtcHour() {
        // Start at 00:30 UTC: hour 0 is 00:00-01:00, so a run over the first scenario hour is 30 min + 30 min.
        UsageMeter meter = UsageMeter.startingAt(Instant.parse("2026-01-01T00:30:00Z"));
        assertThat(meter.startOffsetMs()).isEqualTo(30 * MIN);
        meter.runStarted(7, LINUX, 0);
        meter.runEnded(7, H, EndCause.HORIZON);
        assertThat(meter.usageMs(0, 0)).isEqualTo(30 * MIN);
        assertThat(meter.usageMs(0, 1)).isEqualTo(30 * MIN);
        assertThat(meter.hourCount()).isEqualTo(2);
    }

    @Test
    void minimumTopUp_goesToTheHourOfTheRunsLastMillisecond() {
        // 30 s across a boundary: 10 s in hour 0, 20 s in hour 1, and the 30 s top-up to 60 s in hour 1.
        UsageMeter meter = new UsageMeter(0);
        meter.runStarted(1, LINUX, H - 10 * S);
        meter.runEnded(1, H + 20 * S, EndCause.STOPPED);
        assertThat(meter.usageMs(0, 0)).isEqualTo(10 * S);
        assertThat(meter.usageMs(0, 1)).isEqualTo(50 * S);
    }

    @Test
    void suseInterrupted_freePartialHour_isCutFromTheEnd() {
        // 00:10 to 02:40 = 2 h 30 min, billed 00:10-02:10: 50 min, 60 min, 10 min.
        UsageMeter meter = new UsageMeter(0);
        meter.runStarted(1, SUSE_SPOT, 10 * MIN);
        meter.runEnded(1, 160 * MIN, EndCause.INTERRUPTED_BY_AWS);
        assertThat(meter.usageMs(0, 0)).isEqualTo(50 * MIN);
        assertThat(meter.usageMs(0, 1)).isEqualTo(60 * MIN);
        assertThat(meter.usageMs(0, 2)).isEqualTo(10 * MIN);
    }

    @Test
    void equalUsages_shareOneKey_andFinishedRunsAreForgotten() {
        UsageMeter meter = new UsageMeter(0);
        for (int i = 0; i < 4; i++) {
            meter.runStarted(i, new InstanceUsage("m5.large", "us-east-1a", OperatingSystem.LINUX, Tenancy.SHARED,
                    Market.ON_DEMAND), 0);
        }
        assertThat(meter.openRuns()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            meter.runEnded(i, 900 * S, EndCause.STOPPED);
        }
        assertThat(meter.keyCount()).isEqualTo(1);
        assertThat(meter.openRuns()).isZero();
        assertThat(meter.usageMs(0, 0)).isEqualTo(3_600 * S);
    }

    @Test
    void misuse_isRejected() {
        UsageMeter meter = new UsageMeter(0);
        meter.runStarted(1, LINUX, 0);
        assertThatThrownBy(() -> meter.runStarted(1, LINUX, 5)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> meter.runEnded(2, 5, EndCause.STOPPED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new UsageMeter(H)).isInstanceOf(IllegalArgumentException.class);
    }
}
