package dev.fleetsim.workload;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * When the tasks or pods of a job arrive (SPEC section 5, timing semantics). Times are milliseconds from
 * the scenario start; only arrivals before the horizon happen. Random forms draw from the workload's
 * arrivals stream ({@code streams.stream("arrivals", name)}) one arrival at a time, so nothing is
 * pre-generated and memory does not grow with the count.
 */
public sealed interface ArrivalProcess {

    /** {@code count} tasks at 0, period, 2 x period, ... before the horizon. */
    record Every(long periodMs, int count) implements ArrivalProcess {
        public Every {
            if (periodMs <= 0) {
                throw new IllegalArgumentException("arrival period must be > 0 ms, got " + periodMs);
            }
            requirePositive(count);
        }
    }

    /** {@code count} tasks at each listed time (sorted here). */
    record At(List<Long> timesMs, int count) implements ArrivalProcess {
        public At {
            Long[] sorted = timesMs.toArray(new Long[0]);
            Arrays.sort(sorted);
            for (Long t : sorted) {
                if (t < 0) {
                    throw new IllegalArgumentException("arrival times must be >= 0 ms, got " + t);
                }
            }
            timesMs = List.of(sorted);
            requirePositive(count);
        }
    }

    /** {@code count} tasks at independent uniform times in [0, over), generated in time order. */
    record Uniform(int count, long overMs) implements ArrivalProcess {
        public Uniform {
            requirePositive(count);
            if (overMs <= 0) {
                throw new IllegalArgumentException("uniform arrivals need a span > 0 ms, got " + overMs);
            }
        }
    }

    /** A Poisson process: exponential gaps with mean 3,600,000 / ratePerHour ms, the first after time 0. */
    record Poisson(double ratePerHour) implements ArrivalProcess {
        public Poisson {
            if (!(ratePerHour > 0) || Double.isInfinite(ratePerHour)) {
                throw new IllegalArgumentException("Poisson rate must be a finite number > 0 per hour, got "
                        + ratePerHour);
            }
        }
    }

    private static void requirePositive(int count) {
        if (count <= 0) {
            throw new IllegalArgumentException("arrival count must be > 0, got " + count);
        }
    }

    /** A generator of this process's arrival batches up to (excluding) {@code horizonMs}. */
    default Cursor cursor(SplittableRandom random, long horizonMs) {
        return new Cursor(this, random, horizonMs);
    }

    /** Walks the arrivals in time order: call {@link #advance()}, then read {@link #timeMs()} and {@link #count()}. */
    final class Cursor {
        private final ArrivalProcess process;
        private final SplittableRandom random;
        private final long horizonMs;
        private long index;
        private double clockMs;
        private long timeMs = -1;
        private int count;

        Cursor(ArrivalProcess process, SplittableRandom random, long horizonMs) {
            this.process = process;
            this.random = random;
            this.horizonMs = horizonMs;
        }

        /** Moves to the next batch; false when no arrival is left before the horizon. */
        public boolean advance() {
            long t;
            int n;
            if (process instanceof Every) {
                Every e = (Every) process;
                if (index > (horizonMs - 1) / e.periodMs()) {
                    return false;
                }
                t = index * e.periodMs();
                n = e.count();
            } else if (process instanceof At) {
                At a = (At) process;
                if (index >= a.timesMs().size()) {
                    return false;
                }
                t = a.timesMs().get((int) index);
                n = a.count();
            } else if (process instanceof Uniform) {
                Uniform u = (Uniform) process;
                long remaining = u.count() - index;
                if (remaining <= 0) {
                    return false;
                }
                // The least of k uniforms on [c, over) is c + (over - c)(1 - V^(1/k)), V uniform on (0, 1].
                double v = 1.0 - random.nextDouble();
                clockMs += (u.overMs() - clockMs) * (1.0 - Math.pow(v, 1.0 / remaining));
                t = (long) clockMs;
                n = 1;
            } else {
                Poisson p = (Poisson) process;
                double meanGapMs = 3_600_000.0 / p.ratePerHour();
                clockMs += -meanGapMs * Math.log(1.0 - random.nextDouble());
                if (clockMs >= horizonMs) {
                    return false;
                }
                t = (long) clockMs;
                n = 1;
            }
            if (t >= horizonMs) {
                return false;
            }
            index++;
            timeMs = t;
            count = n;
            return true;
        }

        public long timeMs() {
            return timeMs;
        }

        public int count() {
            return count;
        }
    }
}
