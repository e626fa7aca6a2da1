package dev.fleetsim.study;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/**
 * Runs N independent tasks (sweep points, replications) on a fixed pool of threads and returns their results in
 * index order, whatever order they finish in: the output of a study never depends on the thread count. A failure
 * is rethrown as the failure of the lowest failing index, so that it too does not depend on timing.
 */
public final class ParallelRuns {

    /** One unit of work; {@code index} runs from 0 to N - 1. */
    @FunctionalInterface
    public interface Task<T> {
        T run(int index) throws Exception;
    }

    private final int threads;

    /** @param threads at least 1; 1 runs everything on the calling thread */
    public ParallelRuns(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /** One thread per available processor. */
    public static ParallelRuns allCores() {
        return new ParallelRuns(Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * @param done called with the number of finished tasks after each one (from any thread), for progress
     */
    public <T> List<T> map(int count, Task<T> task, IntConsumer done) throws Exception {
        int poolSize = Math.min(threads, count);
        List<T> results = new ArrayList<>(count);
        if (poolSize <= 1) {
            for (int i = 0; i < count; i++) {
                results.add(task.run(i));
                done.accept(i + 1);
            }
            return results;
        }
        AtomicInteger finished = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(poolSize, daemonThreads());
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    T result = task.run(index);
                    done.accept(finished.incrementAndGet());
                    return result;
                }));
            }
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof Exception ex) {
                        throw ex;
                    }
                    if (cause instanceof Error err) {
                        throw err;
                    }
                    throw e;
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "fleetsim-run-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
