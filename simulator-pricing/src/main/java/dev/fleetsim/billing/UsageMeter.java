package dev.fleetsim.billing;

import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.Meterable;
import dev.fleetsim.metering.UsageListener;
import it.unimi.dsi.fastutil.longs.Long2IntOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2LongOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Accumulates billed integer milliseconds per usage key (the {@link Meterable} itself: equal records share a key)
 * per clock-hour. Clock-hours align to the UTC hours of the scenario start (SPEC section 2): hour 0 is the one that
 * contains the start. Only open runs are remembered; a finished run is split over its clock-hours and forgotten.
 *
 * <p>Billed time comes from {@link BilledDuration}. The actual running time lands in the clock-hours it fell in;
 * any extra (the 60 s minimum's top-up, the rounding up to the whole second, SUSE's rounding up to the hour) lands in
 * the clock-hour of the run's last millisecond, so a run never bills outside the hours it ran in. Time AWS does not
 * bill (Spot interrupted by AWS; SUSE's free partial hour) is cut from the end of the run.
 */
public final class UsageMeter implements UsageListener {

    private static final long MS_PER_HOUR = BilledDuration.MS_PER_HOUR;

    private final long startOffsetMs;
    private final Object2IntOpenHashMap<Meterable> keyIndex = new Object2IntOpenHashMap<>();
    private final List<Meterable> keys = new ArrayList<>();
    private long[][] hourlyMs = new long[16][];
    private int hourCount;
    private final Long2IntOpenHashMap openKey = new Long2IntOpenHashMap();
    private final Long2LongOpenHashMap openStartMs = new Long2LongOpenHashMap();

    /**
     * @param startOffsetIntoHourMs how far the scenario start lies into its UTC hour (0 when it starts on the hour)
     */
    public UsageMeter(long startOffsetIntoHourMs) {
        if (startOffsetIntoHourMs < 0 || startOffsetIntoHourMs >= MS_PER_HOUR) {
            throw new IllegalArgumentException("offset into the hour must be in [0, 3,600,000): "
                    + startOffsetIntoHourMs);
        }
        this.startOffsetMs = startOffsetIntoHourMs;
        keyIndex.defaultReturnValue(-1);
        openKey.defaultReturnValue(-1);
    }

    /** A meter for a scenario starting at {@code start}. */
    public static UsageMeter startingAt(Instant start) {
        return new UsageMeter(Math.floorMod(start.toEpochMilli(), MS_PER_HOUR));
    }

    @Override
    public void runStarted(long runId, Meterable what, long timeMs) {
        Objects.requireNonNull(what, "what");
        if (timeMs < 0) {
            throw new IllegalArgumentException("run " + runId + " starts before the scenario: " + timeMs);
        }
        if (openKey.containsKey(runId)) {
            throw new IllegalStateException("run " + runId + " is already open");
        }
        int key = keyIndex.getInt(what);
        if (key < 0) {
            key = keys.size();
            keys.add(what);
            keyIndex.put(what, key);
            if (key == hourlyMs.length) {
                hourlyMs = Arrays.copyOf(hourlyMs, key * 2);
            }
            hourlyMs[key] = new long[Math.max(hourCount, 24)];
        }
        openKey.put(runId, key);
        openStartMs.put(runId, timeMs);
    }

    @Override
    public void runEnded(long runId, long timeMs, EndCause cause) {
        Objects.requireNonNull(cause, "cause");
        int key = openKey.remove(runId);
        if (key < 0) {
            throw new IllegalStateException("run " + runId + " is not open");
        }
        long startMs = openStartMs.remove(runId);
        if (timeMs < startMs) {
            throw new IllegalArgumentException("run " + runId + " ends at " + timeMs + " before its start " + startMs);
        }
        long billedMs = BilledDuration.of(keys.get(key), timeMs - startMs, cause);
        if (billedMs == 0) {
            return;
        }
        long splitEndMs = Math.min(timeMs, startMs + billedMs);
        long[] hours = ensureHours(key, hourOf(Math.max(startMs, splitEndMs - 1)) + 1);
        int h = hourOf(startMs);
        long from = startMs;
        while (from < splitEndMs) {
            long boundary = (long) (h + 1) * MS_PER_HOUR - startOffsetMs;
            long to = Math.min(splitEndMs, boundary);
            hours[h] += to - from;
            from = to;
            h++;
        }
        long extraMs = billedMs - (splitEndMs - startMs);
        hours[hourOf(Math.max(startMs, splitEndMs - 1))] += extraMs;
    }

    /** The clock-hour index of scenario time {@code timeMs}. */
    public int hourOf(long timeMs) {
        return Math.toIntExact((timeMs + startOffsetMs) / MS_PER_HOUR);
    }

    public long startOffsetMs() {
        return startOffsetMs;
    }

    /** Number of distinct usage keys, in order of first start. */
    public int keyCount() {
        return keys.size();
    }

    public Meterable key(int index) {
        return keys.get(index);
    }

    /** One past the last clock-hour with billed usage. */
    public int hourCount() {
        return hourCount;
    }

    /** Billed milliseconds of a key in a clock-hour (0 outside the recorded range). */
    public long usageMs(int key, int hour) {
        long[] hours = hourlyMs[Objects.checkIndex(key, keys.size())];
        return hour >= 0 && hour < hours.length ? hours[hour] : 0L;
    }

    /** Runs started and not yet ended; billing requires none (end them with {@link EndCause#HORIZON}). */
    public int openRuns() {
        return openKey.size();
    }

    /** The live per-hour array of a key (length may exceed {@link #hourCount()}); callers must not modify it. */
    long[] hourlyMsView(int key) {
        return hourlyMs[Objects.checkIndex(key, keys.size())];
    }

    private long[] ensureHours(int key, int needed) {
        long[] hours = hourlyMs[key];
        if (hours.length < needed) {
            hours = Arrays.copyOf(hours, Math.max(needed, hours.length * 2));
            hourlyMs[key] = hours;
        }
        if (needed > hourCount) {
            hourCount = needed;
        }
        return hours;
    }
}
