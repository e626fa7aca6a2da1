package dev.fleetsim.billing;

import dev.fleetsim.host.Market;
import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.host.Tenancy;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;
import java.math.BigDecimal;
import java.time.Instant;

/** Test helper: records runs on a meter starting at 2026-01-01T00:00Z. */
final class Scenario {

    static final long S = 1_000L;
    static final long MIN = 60 * S;
    static final long H = 60 * MIN;
    static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    final UsageMeter meter;
    private long nextRunId;

    Scenario() {
        this(START);
    }

    Scenario(Instant start) {
        this.meter = UsageMeter.startingAt(start);
    }

    static InstanceUsage linux(String type, String zone) {
        return new InstanceUsage(type, zone, OperatingSystem.LINUX, Tenancy.SHARED, Market.ON_DEMAND);
    }

    Scenario run(Meterable what, int count, long fromMs, long toMs) {
        return run(what, count, fromMs, toMs, EndCause.STOPPED);
    }

    Scenario run(Meterable what, int count, long fromMs, long toMs, EndCause cause) {
        for (int i = 0; i < count; i++) {
            long id = nextRunId++;
            meter.runStarted(id, what, fromMs);
            meter.runEnded(id, toMs, cause);
        }
        return this;
    }

    static BigDecimal usd(String v) {
        return new BigDecimal(v);
    }

    /** Sum of the usage ms of line items of one type and one line description. */
    static long usageMs(Bill bill, Class<? extends LineItem> type, String resource) {
        long sum = 0;
        for (LineItem item : bill.lineItems()) {
            if (type.isInstance(item) && item.resource().equals(resource)) {
                sum += item.usageMs();
            }
        }
        return sum;
    }
}
