package dev.fleetsim.run;

import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.Meterable;
import dev.fleetsim.metering.UsageListener;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Passes every billable run to the bill's meter and, on the way, keeps the capacity figures of the report:
 * running instance-milliseconds per instance type and the peak number of instances running at once.
 * Only open runs are remembered; a finished run leaves nothing behind but sums.
 */
final class UsageTee implements UsageListener {

    private final UsageListener meter;
    private final Object2IntOpenHashMap<String> typeIndex = new Object2IntOpenHashMap<>();
    private final List<String> typeNames = new ArrayList<>();
    private long[] typeMs = new long[16];
    /** Open instance runs: run id -> (type index + 1) in the low bits, start time in the map below. */
    private final Long2IntOpenHashMap openType = new Long2IntOpenHashMap();
    private final it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap openStart =
            new it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap();
    private int running;
    private int peak;

    UsageTee(UsageListener meter) {
        this.meter = meter;
        typeIndex.defaultReturnValue(-1);
        openType.defaultReturnValue(-1);
    }

    @Override
    public void runStarted(long runId, Meterable what, long timeMs) {
        meter.runStarted(runId, what, timeMs);
        if (what instanceof InstanceUsage instance) {
            int type = typeIndex.getInt(instance.instanceType());
            if (type < 0) {
                type = typeNames.size();
                typeIndex.put(instance.instanceType(), type);
                typeNames.add(instance.instanceType());
                if (type == typeMs.length) {
                    typeMs = java.util.Arrays.copyOf(typeMs, type * 2);
                }
            }
            openType.put(runId, type);
            openStart.put(runId, timeMs);
            running++;
            if (running > peak) {
                peak = running;
            }
        }
    }

    @Override
    public void runEnded(long runId, long timeMs, EndCause cause) {
        meter.runEnded(runId, timeMs, cause);
        int type = openType.remove(runId);
        if (type >= 0) {
            typeMs[type] += timeMs - openStart.remove(runId);
            running--;
        }
    }

    int peakInstances() {
        return peak;
    }

    /** Running hours by instance type, sorted by type name. */
    Map<String, Double> instanceHours() {
        Map<String, Double> hours = new TreeMap<>();
        for (int i = 0; i < typeNames.size(); i++) {
            hours.put(typeNames.get(i), typeMs[i] / 3_600_000.0);
        }
        return hours;
    }
}
