package dev.fleetsim.scenario;

import dev.fleetsim.host.OperatingSystem;
import java.util.Optional;

/**
 * The task sizes Fargate accepts (aws-rules.md item 5, from the ECS developer guide): for each CPU size a
 * memory range and step, in MiB (1 GB there = 1024 MiB). 8 and 16 vCPU are Linux only; Windows takes 1, 2
 * and 4 vCPU. The unverified 32 vCPU sizes are left out.
 */
public final class FargateSizes {

    /** CPU units, ascending. */
    private static final int[] CPU = {256, 512, 1024, 2048, 4096, 8192, 16384};
    private static final int[] MIN_MIB = {512, 1024, 2048, 4096, 8192, 16384, 32768};
    private static final int[] MAX_MIB = {2048, 4096, 8192, 16384, 30720, 61440, 122880};
    private static final int[] STEP_MIB = {512, 1024, 1024, 1024, 1024, 4096, 8192};

    /** A valid Fargate size. */
    public record Size(int cpuUnits, int memoryMiB) {
    }

    private FargateSizes() {
    }

    public static boolean isValid(int cpuUnits, int memoryMiB, OperatingSystem os) {
        return problem(cpuUnits, memoryMiB, os).isEmpty();
    }

    /**
     * Why a size is not valid, as {@code [message, hint]}, e.g. "1024 CPU units with 9000 MiB is not a Fargate
     * size" and "1 vCPU takes 2048-8192 MiB" (SPEC section 5).
     */
    public static Optional<String[]> problem(int cpuUnits, int memoryMiB, OperatingSystem os) {
        boolean windows = os == OperatingSystem.WINDOWS;
        int i = indexOf(cpuUnits);
        if (i < 0 || (windows && (cpuUnits < 1024 || cpuUnits > 4096))) {
            return Optional.of(new String[] {cpuUnits + " CPU units is not a Fargate size",
                windows ? "Windows tasks take 1024, 2048 or 4096 CPU units (1, 2 or 4 vCPU)"
                        : "valid: 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units (0.25 to 16 vCPU)"});
        }
        if (memoryFits(i, memoryMiB)) {
            return Optional.empty();
        }
        return Optional.of(new String[] {cpuUnits + " CPU units with " + memoryMiB + " MiB is not a Fargate size",
            range(i, memoryMiB >= MIN_MIB[i] && memoryMiB <= MAX_MIB[i])});
    }

    /**
     * The smallest valid size with at least the given CPU and memory (cheapest first: fewer CPU units, then
     * less memory), as EKS provisions a Fargate pod (aws-rules.md item 6); empty when nothing is that large.
     */
    public static Optional<Size> roundUp(int cpuUnits, int memoryMiB) {
        for (int i = 0; i < CPU.length; i++) {
            if (CPU[i] < cpuUnits || MAX_MIB[i] < memoryMiB) {
                continue;
            }
            int m = MIN_MIB[i];
            while (m < memoryMiB || !memoryFits(i, m)) {
                m += STEP_MIB[i];
            }
            return Optional.of(new Size(CPU[i], m));
        }
        return Optional.empty();
    }

    /** 0.25 vCPU takes only 0.5, 1 or 2 GB; the other sizes take every step of their range. */
    private static boolean memoryFits(int i, int memoryMiB) {
        if (i == 0) {
            return memoryMiB == 512 || memoryMiB == 1024 || memoryMiB == 2048;
        }
        return memoryMiB >= MIN_MIB[i] && memoryMiB <= MAX_MIB[i] && (memoryMiB - MIN_MIB[i]) % STEP_MIB[i] == 0;
    }

    public static int largestCpuUnits() {
        return CPU[CPU.length - 1];
    }

    public static int largestMemoryMiB() {
        return MAX_MIB[MAX_MIB.length - 1];
    }

    private static String range(int i, boolean withinRange) {
        String vcpu = vcpu(CPU[i]);
        if (i == 0) {
            return vcpu + " vCPU takes 512, 1024 or 2048 MiB";
        }
        String r = vcpu + " vCPU takes " + MIN_MIB[i] + "-" + MAX_MIB[i] + " MiB";
        return withinRange || STEP_MIB[i] != 1024 ? r + " in " + STEP_MIB[i] + " MiB steps" : r;
    }

    private static String vcpu(int cpuUnits) {
        return cpuUnits == 256 ? "0.25" : cpuUnits == 512 ? "0.5" : String.valueOf(cpuUnits / 1024);
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
