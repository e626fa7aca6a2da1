package dev.fleetsim.workload;

import java.util.Arrays;

/** The rolling deployments of one service: when each started and how long it took (-1: never finished). */
final class DeploymentLog {

    private long[] startMs = new long[4];
    private long[] durationMs = new long[4];
    private int count;

    int count() {
        return count;
    }

    long startMs(int i) {
        return startMs[i];
    }

    long durationMs(int i) {
        return durationMs[i];
    }

    void started(long atMs) {
        if (count == startMs.length) {
            startMs = Arrays.copyOf(startMs, count * 2);
            durationMs = Arrays.copyOf(durationMs, count * 2);
        }
        startMs[count] = atMs;
        durationMs[count] = -1;
        count++;
    }

    void finished(long atMs) {
        durationMs[count - 1] = atMs - startMs[count - 1];
    }
}
