package dev.fleetsim.benchmarks;

import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import java.util.Comparator;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The hold model (SPEC section 8): {@code pending} events wait at exponential times; one operation takes
 * the earliest event and schedules one at its time plus an exponential increment, so the queue size
 * stays constant. One operation is one event; throughput is events per second.
 *
 * <p>Times are integer milliseconds, as in the engine. Increments are exponential with a mean of ten
 * seconds, drawn once into a table that the operations cycle through, so the random number generator is
 * not measured. With a million pending events that puts about 100 events on each millisecond, so every
 * queue meets equal times and must order them by phase and sequence. The simulation's horizon is one
 * year; at a thousand pending events the clock advances about 10 ms per event, so a run can process
 * about three billion events before reaching it (the benchmark fails loudly if it does). With a
 * one-year horizon the fleetsim queue renumbers its insertion ordinals once every 2^25 insertions; that
 * cost is part of the measurement.
 *
 * <ul>
 *   <li>{@code fleetsim}: the real kernel, {@link Simulation#step()}: it pops the event and dispatches
 *       it to a handler, which schedules the next one; includes the stale-entry check and slot recycling.
 *   <li>{@code heap4ary}: the engine's previous queue, a 4-ary heap of packed keys with per-event slots
 *       ({@link Heap4aryQueue}), polled and refilled directly without the kernel around it.
 *   <li>{@code priorityQueue}: {@link PriorityQueue} of small event objects, comparator on
 *       (time, phase, sequence).
 *   <li>{@code treeSet}: {@link TreeSet} of the same objects: the structure of CloudSim Plus's future
 *       event queue.
 * </ul>
 * The baselines re-insert the polled object instead of allocating a new one (CloudSim Plus allocates a
 * new event per send), which favours them: only the structure is measured.
 *
 * <p>Build, then the measured runs of docs/benchmarks.md (steps {@code engine} and {@code engine-gc} of
 * {@code benchmarks/bench-run.sh}, which runs every figure in one go):
 * <pre>
 * mvn -B -q -o -DskipTests -pl benchmarks -am package
 * java -jar benchmarks/target/benchmarks.jar EventQueueBenchmark -f 3 -wi 3 -w 2s -i 5 -r 2s
 * java -jar benchmarks/target/benchmarks.jar EventQueueBenchmark -f 1 -wi 2 -w 2s -i 3 -r 2s -p queue=fleetsim,heap4ary -prof gc
 * </pre>
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes per operation, which here is bytes per event.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
public class EventQueueBenchmark {

    /** The queue implementations compared. Lower-case names are the JMH parameter values. */
    public enum QueueKind {
        fleetsim {
            @Override
            HoldQueue create(long[] initialTimesMs, long[] incrementsMs) {
                return new FleetsimHold(initialTimesMs, incrementsMs);
            }
        },
        priorityQueue {
            @Override
            HoldQueue create(long[] initialTimesMs, long[] incrementsMs) {
                return new PriorityQueueHold(initialTimesMs, incrementsMs);
            }
        },
        treeSet {
            @Override
            HoldQueue create(long[] initialTimesMs, long[] incrementsMs) {
                return new TreeSetHold(initialTimesMs, incrementsMs);
            }
        },
        heap4ary {
            @Override
            HoldQueue create(long[] initialTimesMs, long[] incrementsMs) {
                return new Heap4aryHold(initialTimesMs, incrementsMs);
            }
        };

        abstract HoldQueue create(long[] initialTimesMs, long[] incrementsMs);
    }

    private static final double MEAN_INCREMENT_MS = 10_000;
    private static final long HORIZON_MS = 365L * 24 * 3_600_000;
    private static final int INCREMENT_TABLE_SIZE = 1 << 16;
    private static final long SEED = 20_260_101L;

    @Param({"fleetsim", "heap4ary", "priorityQueue", "treeSet"})
    public QueueKind queue;

    @Param({"1000", "1000000"})
    public int pending;

    private HoldQueue hold;

    @Setup
    public void setUp() {
        SplittableRandom random = new SplittableRandom(SEED);
        long[] initial = new long[pending];
        for (int i = 0; i < pending; i++) {
            initial[i] = exponentialMs(random);
        }
        long[] increments = new long[INCREMENT_TABLE_SIZE];
        for (int i = 0; i < increments.length; i++) {
            increments[i] = exponentialMs(random);
        }
        hold = queue.create(initial, increments);
    }

    @Benchmark
    public long holdOperation() {
        return hold.hold();
    }

    private static long exponentialMs(SplittableRandom random) {
        return Math.round(-MEAN_INCREMENT_MS * Math.log(1.0 - random.nextDouble()));
    }

    /** One hold operation: take the earliest event, schedule its successor; returns the taken time. */
    interface HoldQueue {
        long hold();
    }

    static final class FleetsimHold implements HoldQueue, EventHandler {
        private final Simulation sim;
        private final long[] incrementsMs;
        private int next;

        FleetsimHold(long[] initialTimesMs, long[] incrementsMs) {
            this.sim = new Simulation(HORIZON_MS, null, initialTimesMs.length + 1);
            this.incrementsMs = incrementsMs;
            for (long t : initialTimesMs) {
                sim.schedule(t, Phase.COMPLETION, this, 0);
            }
        }

        @Override
        public void onEvent(Simulation s, long payload) {
            s.schedule(s.nowMs() + incrementsMs[next++ & (INCREMENT_TABLE_SIZE - 1)], Phase.COMPLETION, this, payload);
        }

        @Override
        public long hold() {
            if (!sim.step()) {
                throw new IllegalStateException("the hold model reached the horizon; use shorter iterations");
            }
            return sim.nowMs();
        }
    }

    /** The engine's previous queue, driven directly: no kernel around it, so slightly flattered. */
    static final class Heap4aryHold implements HoldQueue {
        private final Heap4aryQueue queue;
        private final long[] incrementsMs;
        private int next;

        Heap4aryHold(long[] initialTimesMs, long[] incrementsMs) {
            this.queue = new Heap4aryQueue(HORIZON_MS, initialTimesMs.length + 1);
            this.incrementsMs = incrementsMs;
            EventHandler handler = (s, p) -> { };
            for (long t : initialTimesMs) {
                queue.add(t, Phase.COMPLETION.ordinal(), handler, 0);
            }
        }

        @Override
        public long hold() {
            if (!queue.pollUpTo(HORIZON_MS)) {
                throw new IllegalStateException("the hold model reached the horizon; use shorter iterations");
            }
            long now = queue.polledTimeMs();
            queue.add(now + incrementsMs[next++ & (INCREMENT_TABLE_SIZE - 1)], Phase.COMPLETION.ordinal(),
                    queue.polledHandler(), queue.polledPayload());
            return now;
        }
    }

    /** The baselines' event: what a queue of objects must hold to order by (time, phase, sequence). */
    static final class ObjectEvent {
        long timeMs;
        final int phase;
        long sequence;

        ObjectEvent(long timeMs, int phase, long sequence) {
            this.timeMs = timeMs;
            this.phase = phase;
            this.sequence = sequence;
        }
    }

    static final Comparator<ObjectEvent> ORDER = (a, b) -> {
        int byTime = Long.compare(a.timeMs, b.timeMs);
        if (byTime != 0) {
            return byTime;
        }
        int byPhase = Integer.compare(a.phase, b.phase);
        return byPhase != 0 ? byPhase : Long.compare(a.sequence, b.sequence);
    };

    static final class PriorityQueueHold implements HoldQueue {
        private final PriorityQueue<ObjectEvent> events;
        private final long[] incrementsMs;
        private long sequence;
        private int next;

        PriorityQueueHold(long[] initialTimesMs, long[] incrementsMs) {
            this.events = new PriorityQueue<>(initialTimesMs.length + 1, ORDER);
            this.incrementsMs = incrementsMs;
            for (long t : initialTimesMs) {
                events.add(new ObjectEvent(t, 1, sequence++));
            }
        }

        @Override
        public long hold() {
            ObjectEvent e = events.poll();
            long now = e.timeMs;
            e.timeMs = now + incrementsMs[next++ & (INCREMENT_TABLE_SIZE - 1)];
            e.sequence = sequence++;
            events.add(e);
            return now;
        }
    }

    static final class TreeSetHold implements HoldQueue {
        private final TreeSet<ObjectEvent> events = new TreeSet<>(ORDER);
        private final long[] incrementsMs;
        private long sequence;
        private int next;

        TreeSetHold(long[] initialTimesMs, long[] incrementsMs) {
            this.incrementsMs = incrementsMs;
            for (long t : initialTimesMs) {
                events.add(new ObjectEvent(t, 1, sequence++));
            }
        }

        @Override
        public long hold() {
            ObjectEvent e = events.pollFirst();
            long now = e.timeMs;
            e.timeMs = now + incrementsMs[next++ & (INCREMENT_TABLE_SIZE - 1)];
            e.sequence = sequence++;
            events.add(e);
            return now;
        }
    }
}
