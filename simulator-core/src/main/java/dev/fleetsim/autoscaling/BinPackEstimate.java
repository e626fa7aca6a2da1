package dev.fleetsim.autoscaling;

import java.util.Arrays;

/**
 * How many empty hosts of one size a set of waiting tasks or pods needs: first-fit decreasing, the estimate both
 * ECS cluster auto scaling ("binpack estimate", aws-rules.md item 7) and the Cluster Autoscaler's binpacking
 * estimator (aws-rules.md item 8) make. Items come in batches of identical tasks (one workload's waiting tasks);
 * batches are packed largest first, by their share of the host's CPU plus their share of its memory; each batch
 * fills the open hosts in the order they were opened, then opens new ones. A batch is placed in bulk per host, so
 * the cost is batches x hosts, never a loop per task.
 *
 * <p>Reusable: {@link #clear()} keeps the arrays. Not thread-safe.
 */
final class BinPackEstimate {

    private int batches;
    private int[] cpu = new int[8];
    private int[] memoryMiB = new int[8];
    private int[] count = new int[8];
    private boolean[] onePerHost = new boolean[8];
    private Integer[] order = new Integer[8];

    private int hosts;
    private int[] freeCpu = new int[16];
    private int[] freeMemory = new int[16];
    private int[] freePods = new int[16];

    void clear() {
        batches = 0;
    }

    /** Adds {@code n} identical items; returns the batch's index. {@code onePerHost}: distinctInstance. */
    int add(int cpuRequest, int memoryRequestMiB, int n, boolean onePerHost) {
        if (cpuRequest < 0 || memoryRequestMiB < 0 || n < 0) {
            throw new IllegalArgumentException("requests and counts must be >= 0");
        }
        if (batches == cpu.length) {
            int size = batches * 2;
            cpu = Arrays.copyOf(cpu, size);
            memoryMiB = Arrays.copyOf(memoryMiB, size);
            count = Arrays.copyOf(count, size);
            this.onePerHost = Arrays.copyOf(this.onePerHost, size);
            order = Arrays.copyOf(order, size);
        }
        cpu[batches] = cpuRequest;
        memoryMiB[batches] = memoryRequestMiB;
        count[batches] = n;
        this.onePerHost[batches] = onePerHost;
        return batches++;
    }

    int batchCount() {
        return batches;
    }

    /**
     * Packs every batch onto empty hosts of the given allocatable size, opening at most {@code maxHosts}.
     *
     * @param placed receives, per batch index, how many of its items found a host (items larger than an empty
     *     host never do); at least {@link #batchCount()} long
     * @return hosts opened
     */
    int pack(int hostCpu, int hostMemoryMiB, int hostPods, int maxHosts, int[] placed) {
        hosts = 0;
        for (int b = 0; b < batches; b++) {
            order[b] = b;
        }
        // Largest first: cpu/hostCpu + mem/hostMem, compared exactly as cpu*hostMem + mem*hostCpu.
        Arrays.sort(order, 0, batches, (a, b) -> Long.compare(weight(b, hostCpu, hostMemoryMiB),
                weight(a, hostCpu, hostMemoryMiB)));
        for (int k = 0; k < batches; k++) {
            int b = order[k];
            int left = count[b];
            for (int h = 0; h < hosts && left > 0; h++) {
                int n = Math.min(left, fitting(b, freeCpu[h], freeMemory[h], freePods[h]));
                take(h, b, n);
                left -= n;
            }
            int perHost = fitting(b, hostCpu, hostMemoryMiB, hostPods);
            while (left > 0 && perHost > 0 && hosts < maxHosts) {
                int h = open(hostCpu, hostMemoryMiB, hostPods);
                int n = Math.min(left, perHost);
                take(h, b, n);
                left -= n;
            }
            placed[b] = count[b] - left;
        }
        return hosts;
    }

    private long weight(int b, int hostCpu, int hostMemoryMiB) {
        return (long) cpu[b] * hostMemoryMiB + (long) memoryMiB[b] * hostCpu;
    }

    /** How many items of batch b fit in the free amounts (each host is visited once per batch). */
    private int fitting(int b, int cpuFree, int memoryFree, int podsFree) {
        long n = podsFree;
        if (cpu[b] > 0) {
            n = Math.min(n, cpuFree / cpu[b]);
        }
        if (memoryMiB[b] > 0) {
            n = Math.min(n, memoryFree / memoryMiB[b]);
        }
        if (onePerHost[b]) {
            n = Math.min(n, 1);
        }
        return (int) Math.max(0, n);
    }

    private void take(int h, int b, int n) {
        freeCpu[h] -= n * cpu[b];
        freeMemory[h] -= n * memoryMiB[b];
        freePods[h] -= n;
    }

    private int open(int hostCpu, int hostMemoryMiB, int hostPods) {
        if (hosts == freeCpu.length) {
            int size = hosts * 2;
            freeCpu = Arrays.copyOf(freeCpu, size);
            freeMemory = Arrays.copyOf(freeMemory, size);
            freePods = Arrays.copyOf(freePods, size);
        }
        freeCpu[hosts] = hostCpu;
        freeMemory[hosts] = hostMemoryMiB;
        freePods[hosts] = hostPods;
        return hosts++;
    }
}
