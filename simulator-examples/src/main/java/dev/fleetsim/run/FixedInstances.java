package dev.fleetsim.run;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.host.Market;
import dev.fleetsim.metering.EndCause;
import dev.fleetsim.metering.InstanceUsage;
import dev.fleetsim.metering.UsageListener;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.InterruptionBehavior;
import dev.fleetsim.scenario.spec.RunSpec;
import it.unimi.dsi.fastutil.ints.IntArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The fixed instances of {@code ec2.instances}, driven on the engine. Each {@code runs} window is the
 * instance's {@code running} state (SPEC section 5, timing semantics): the billed run starts at the window's
 * start and ends at its end, or at the horizon. Launch and stop latencies fall outside the windows and
 * change nothing billed, so they are not events here.
 *
 * <p>A forced Spot interruption at T is the 2-minute notice (aws-rules.md item 4); at T + 120 s a running
 * copy is reclaimed with {@link EndCause#INTERRUPTED_BY_AWS}. {@code terminate} (the default) ends the copy
 * for good; {@code stop} ends the current run and later windows still start; {@code hibernate} begins at
 * once, without the two-minute lead (aws-rules.md item 4, "Hibernate: notice but NO two-minute lead").
 */
final class FixedInstances {

    static final long NOTICE_MS = 120_000L;

    private final Simulation sim;
    private final UsageListener usage;
    private final long runIdBase;

    // Per copy of an instance (one spec with count N gives N copies).
    private final List<InstanceUsage> copyUsage = new ArrayList<>();
    private final IntArrayList copySpec = new IntArrayList();
    private final IntArrayList copyBehavior = new IntArrayList();
    private int[] currentRun = new int[0];
    private boolean[] terminated = new boolean[0];
    private boolean[] everStarted = new boolean[0];
    private boolean[] interrupted = new boolean[0];

    // Per run window of a copy.
    private final IntArrayList runCopy = new IntArrayList();
    private final LongArrayList runEndEvent = new LongArrayList();

    private final List<String> specNames = new ArrayList<>();
    private long notices;

    private final EventHandler onStart = (s, run) -> start((int) run);
    private final EventHandler onEnd = (s, run) -> end((int) run, s.nowMs() >= s.horizonMs() ? EndCause.HORIZON
            : EndCause.STOPPED);
    private final EventHandler onNotice = (s, copy) -> notice((int) copy);
    private final EventHandler onReclaim = (s, copy) -> reclaim((int) copy);

    FixedInstances(Simulation sim, UsageListener usage, long runIdBase) {
        this.sim = sim;
        this.usage = usage;
        this.runIdBase = runIdBase;
    }

    /**
     * Adds the copies of one spec. Copies without a zone are spread round-robin over the scenario's zones,
     * continuing from the previous spec, as an Auto Scaling group balances zones.
     */
    void add(InstanceSpec spec, List<String> zones, int[] zoneCursor) {
        int specIndex = specNames.size();
        specNames.add(spec.name());
        for (int i = 0; i < spec.count(); i++) {
            String zone = spec.zone();
            if (zone == null) {
                zone = zones.get(zoneCursor[0]++ % zones.size());
            }
            int copy = copyUsage.size();
            copyUsage.add(new InstanceUsage(spec.type(), zone, spec.os(), spec.tenancy(), spec.market()));
            copySpec.add(specIndex);
            copyBehavior.add(spec.interruptionBehavior().ordinal());
            // Windows are scheduled start, end, start, end... so that at a shared instant the earlier
            // window's end (inserted first) precedes the next start.
            List<RunSpec> windows = spec.runs().isEmpty() ? List.of(new RunSpec(null, null)) : spec.runs();
            for (RunSpec w : windows) {
                long startMs = w.start().toMillis();
                long endMs = w.end() == null ? sim.horizonMs() : Math.min(w.end().toMillis(), sim.horizonMs());
                if (startMs >= sim.horizonMs() || endMs <= startMs) {
                    continue;
                }
                int run = runCopy.size();
                runCopy.add(copy);
                sim.schedule(startMs, Phase.LIFECYCLE, onStart, run);
                runEndEvent.add(sim.schedule(endMs, Phase.LIFECYCLE, onEnd, run));
            }
        }
        int copies = copyUsage.size();
        currentRun = grow(currentRun, copies, -1);
        terminated = Arrays.copyOf(terminated, copies);
        everStarted = Arrays.copyOf(everStarted, copies);
        interrupted = Arrays.copyOf(interrupted, copies);
    }

    /** Schedules a forced Spot interruption notice at {@code atMs} for every Spot copy of {@code specName}. */
    void interrupt(String specName, long atMs) {
        for (int copy = 0; copy < copyUsage.size(); copy++) {
            if (specNames.get(copySpec.getInt(copy)).equals(specName)
                    && copyUsage.get(copy).market() == Market.SPOT && atMs <= sim.horizonMs()) {
                sim.schedule(atMs, Phase.LIFECYCLE, onNotice, copy);
            }
        }
    }

    private void start(int run) {
        int copy = runCopy.getInt(run);
        if (terminated[copy]) {
            sim.cancel(runEndEvent.getLong(run));
            return;
        }
        currentRun[copy] = run;
        everStarted[copy] = true;
        usage.runStarted(runIdBase + run, copyUsage.get(copy), sim.nowMs());
    }

    private void end(int run, EndCause cause) {
        int copy = runCopy.getInt(run);
        if (currentRun[copy] != run) {
            return;
        }
        currentRun[copy] = -1;
        usage.runEnded(runIdBase + run, sim.nowMs(), cause);
    }

    private void notice(int copy) {
        if (currentRun[copy] < 0) {
            return; // AWS interrupts only running capacity
        }
        notices++;
        boolean hibernate = copyBehavior.getInt(copy) == InterruptionBehavior.HIBERNATE.ordinal();
        long reclaimAt = hibernate ? sim.nowMs() : sim.nowMs() + NOTICE_MS;
        if (reclaimAt > sim.horizonMs()) {
            return; // the horizon comes first; the run ends there
        }
        sim.schedule(reclaimAt, Phase.LIFECYCLE, onReclaim, copy);
    }

    private void reclaim(int copy) {
        int run = currentRun[copy];
        if (run < 0) {
            return;
        }
        sim.cancel(runEndEvent.getLong(run));
        currentRun[copy] = -1;
        interrupted[copy] = true;
        if (copyBehavior.getInt(copy) == InterruptionBehavior.TERMINATE.ordinal()) {
            terminated[copy] = true;
        }
        usage.runEnded(runIdBase + run, sim.nowMs(), EndCause.INTERRUPTED_BY_AWS);
    }

    long notices() {
        return notices;
    }

    /** Per spec, in file order: {launched copies, interrupted copies}. */
    long[][] countsBySpec() {
        long[][] counts = new long[specNames.size()][2];
        for (int copy = 0; copy < copyUsage.size(); copy++) {
            int spec = copySpec.getInt(copy);
            if (everStarted[copy]) {
                counts[spec][0]++;
            }
            if (interrupted[copy]) {
                counts[spec][1]++;
            }
        }
        return counts;
    }

    List<String> specNames() {
        return specNames;
    }

    private static int[] grow(int[] array, int length, int fill) {
        int old = array.length;
        int[] grown = Arrays.copyOf(array, length);
        Arrays.fill(grown, old, length, fill);
        return grown;
    }
}
