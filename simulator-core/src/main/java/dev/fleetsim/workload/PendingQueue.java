package dev.fleetsim.workload;

import java.util.Arrays;

/** A FIFO of waiting tasks of one workload in primitive ring buffers: arrival time, duration, global sequence. */
final class PendingQueue {

    private long[] arrivalMs = new long[8];
    private long[] durationMs = new long[8];
    private long[] sequence = new long[8];
    private int head;
    private int size;
    /** Sum of the arrival times of the waiting tasks, for the waiting time so far in O(1). */
    long arrivalSumMs;

    int size() {
        return size;
    }

    void push(long arrival, long duration, long seq) {
        if (size == arrivalMs.length) {
            grow();
        }
        int i = (head + size) & (arrivalMs.length - 1);
        arrivalMs[i] = arrival;
        durationMs[i] = duration;
        sequence[i] = seq;
        size++;
        arrivalSumMs += arrival;
    }

    long headArrivalMs() {
        return arrivalMs[head];
    }

    long headDurationMs() {
        return durationMs[head];
    }

    long headSequence() {
        return sequence[head];
    }

    void popFront() {
        arrivalSumMs -= arrivalMs[head];
        head = (head + 1) & (arrivalMs.length - 1);
        size--;
    }

    /** Drops the newest waiting task. */
    void popBack() {
        int i = (head + size - 1) & (arrivalMs.length - 1);
        arrivalSumMs -= arrivalMs[i];
        size--;
    }

    private void grow() {
        int n = arrivalMs.length;
        long[] a = new long[n * 2];
        long[] d = new long[n * 2];
        long[] s = new long[n * 2];
        for (int k = 0; k < size; k++) {
            int i = (head + k) & (n - 1);
            a[k] = arrivalMs[i];
            d[k] = durationMs[i];
            s[k] = sequence[i];
        }
        arrivalMs = a;
        durationMs = d;
        sequence = s;
        head = 0;
    }

    @Override
    public String toString() {
        return "PendingQueue[" + size + " waiting, first arrivals " + Arrays.toString(
                Arrays.copyOf(arrivalMs, Math.min(size, 4))) + "]";
    }
}
