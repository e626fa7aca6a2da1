package dev.fleetsim.workload;

import dev.fleetsim.host.OperatingSystem;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A valid Fargate task or pod size (aws-rules.md item 5, ECS developer guide AWS_Fargate.md), memory in MiB
 * (1 GB in the table = 1024 MiB): 0.25 vCPU takes 0.5, 1 or 2 GB; 0.5 vCPU 1-4 GB; 1 vCPU 2-8 GB; 2 vCPU
 * 4-16 GB; 4 vCPU 8-30 GB, all in 1 GB steps; 8 vCPU 16-60 GB in 4 GB steps and 16 vCPU 32-120 GB in 8 GB
 * steps (Linux only); Windows takes 1, 2 and 4 vCPU. The unverified 32 vCPU sizes are left out.
 *
 * <p>The one copy of the table: the scenario layer's validation (FargateSizes) reads it through
 * {@link #cpuOptions()}.
 */
public record FargateSize(int cpuUnits, int memoryMiB) {

    /** The extra memory EKS adds to a pod for Kubernetes components (aws-rules.md item 6). */
    public static final int EKS_POD_OVERHEAD_MIB = 256;

    private static final int[] CPU = {256, 512, 1024, 2048, 4096, 8192, 16384};
    private static final int[] MIN_MIB = {512, 1024, 2048, 4096, 8192, 16384, 32768};
    private static final int[] MAX_MIB = {2048, 4096, 8192, 16384, 30720, 61440, 122880};
    private static final int[] STEP_MIB = {512, 1024, 1024, 1024, 1024, 4096, 8192};

    /**
     * One CPU size of the table and the memory it takes: {@code minMemoryMiB} to {@code maxMemoryMiB} in steps of
     * {@code memoryStepMiB}, except 0.25 vCPU, which takes 512, 1024 or 2048 MiB only.
     */
    public record CpuOption(int cpuUnits, int minMemoryMiB, int maxMemoryMiB, int memoryStepMiB) {
    }

    private static final List<CpuOption> OPTIONS;

    static {
        List<CpuOption> options = new ArrayList<>();
        for (int i = 0; i < CPU.length; i++) {
            options.add(new CpuOption(CPU[i], MIN_MIB[i], MAX_MIB[i], STEP_MIB[i]));
        }
        OPTIONS = Collections.unmodifiableList(options);
    }

    /** The CPU sizes, ascending (Linux; Windows takes 1024, 2048 and 4096 only). */
    public static List<CpuOption> cpuOptions() {
        return OPTIONS;
    }

    /** The table row of a CPU size; empty when {@code cpuUnits} is no Fargate CPU size. */
    public static Optional<CpuOption> cpuOption(int cpuUnits) {
        int i = indexOf(cpuUnits);
        return i < 0 ? Optional.empty() : Optional.of(OPTIONS.get(i));
    }

    /** @throws IllegalArgumentException if this is not a valid Linux size (see {@link #problem}) */
    public FargateSize {
        Optional<String> problem = problem(cpuUnits, memoryMiB, OperatingSystem.LINUX);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(problem.get());
        }
    }

    public static boolean isValid(int cpuUnits, int memoryMiB, OperatingSystem os) {
        return problem(cpuUnits, memoryMiB, os).isEmpty();
    }

    /**
     * Why a size is not valid for {@code os}, e.g. "1024 CPU units with 9000 MiB is not a Fargate size;
     * 1 vCPU takes 2048-8192 MiB in 1024 MiB steps"; empty when it is valid.
     */
    public static Optional<String> problem(int cpuUnits, int memoryMiB, OperatingSystem os) {
        int i = indexOf(cpuUnits);
        boolean windows = os == OperatingSystem.WINDOWS;
        if (i < 0 || windows && (cpuUnits < 1024 || cpuUnits > 4096)) {
            return Optional.of(cpuUnits + " CPU units is not a Fargate size; " + (windows
                    ? "Windows takes 1024, 2048 or 4096 CPU units" : "valid: 256, 512, 1024, 2048, 4096, 8192 or 16384"));
        }
        if (memoryFits(i, memoryMiB)) {
            return Optional.empty();
        }
        String takes = i == 0 ? "0.25 vCPU takes 512, 1024 or 2048 MiB"
                : vcpu(i) + " vCPU takes " + MIN_MIB[i] + "-" + MAX_MIB[i] + " MiB in " + STEP_MIB[i] + " MiB steps";
        return Optional.of(cpuUnits + " CPU units with " + memoryMiB + " MiB is not a Fargate size; " + takes);
    }

    /**
     * The smallest valid Linux size with at least the given CPU and memory: fewest CPU units first, then
     * least memory. Empty when no size is that large.
     */
    public static Optional<FargateSize> roundUp(int cpuUnits, int memoryMiB) {
        for (int i = 0; i < CPU.length; i++) {
            if (CPU[i] < cpuUnits || MAX_MIB[i] < memoryMiB) {
                continue;
            }
            int m = MIN_MIB[i];
            while (m < memoryMiB || !memoryFits(i, m)) {
                m += STEP_MIB[i];
            }
            return Optional.of(new FargateSize(CPU[i], m));
        }
        return Optional.empty();
    }

    /**
     * The size EKS provisions for a pod (aws-rules.md item 6): its request (the larger of the largest init
     * container and the sum of the app containers, per resource) plus 256 MiB of memory, rounded up to a
     * valid size. CPU: 1000 millicores = 1024 CPU units, rounded up.
     *
     * @throws IllegalArgumentException if no Fargate size is that large
     */
    public static FargateSize forEksPod(long cpuMillicores, long memoryMiB) {
        if (cpuMillicores < 0 || memoryMiB < 0) {
            throw new IllegalArgumentException("pod requests must be >= 0: " + cpuMillicores + "m, " + memoryMiB + " MiB");
        }
        long units = (cpuMillicores * 1024 + 999) / 1000;
        long mem = memoryMiB + EKS_POD_OVERHEAD_MIB;
        if (units > Integer.MAX_VALUE || mem > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("no Fargate size holds " + cpuMillicores + "m and " + memoryMiB + " MiB");
        }
        return roundUp((int) units, (int) mem).orElseThrow(() -> new IllegalArgumentException("no Fargate size holds "
                + cpuMillicores + "m and " + memoryMiB + " MiB + 256 MiB (largest: 16 vCPU, 122880 MiB)"));
    }

    /** The pod request EKS sizes from: per resource, max(largest init container, sum of app containers). */
    public static long podRequest(long[] initContainers, long[] appContainers) {
        long largestInit = 0;
        for (long r : initContainers) {
            largestInit = Math.max(largestInit, r);
        }
        long sum = 0;
        for (long r : appContainers) {
            sum += r;
        }
        return Math.max(largestInit, sum);
    }

    public double vcpu() {
        return cpuUnits / 1024.0;
    }

    private static boolean memoryFits(int i, int memoryMiB) {
        if (i == 0) {
            return memoryMiB == 512 || memoryMiB == 1024 || memoryMiB == 2048;
        }
        return memoryMiB >= MIN_MIB[i] && memoryMiB <= MAX_MIB[i] && (memoryMiB - MIN_MIB[i]) % STEP_MIB[i] == 0;
    }

    private static String vcpu(int i) {
        return CPU[i] == 512 ? "0.5" : String.valueOf(CPU[i] / 1024);
    }

    private static int indexOf(int cpuUnits) {
        for (int i = 0; i < CPU.length; i++) {
            if (CPU[i] == cpuUnits) {
                return i;
            }
        }
        return -1;
    }
}
