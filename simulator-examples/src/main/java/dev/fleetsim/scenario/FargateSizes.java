package dev.fleetsim.scenario;

import dev.fleetsim.host.OperatingSystem;
import dev.fleetsim.workload.FargateSize;
import dev.fleetsim.workload.FargateSize.CpuOption;
import java.util.List;
import java.util.Optional;

/**
 * The task sizes Fargate accepts (aws-rules.md item 5), worded for scenario validation. The table itself is
 * core's {@link FargateSize}: this class only phrases its answers as a message and a hint (SPEC section 5).
 */
public final class FargateSizes {

    /** A valid Fargate size. */
    public record Size(int cpuUnits, int memoryMiB) {
    }

    private FargateSizes() {
    }

    public static boolean isValid(int cpuUnits, int memoryMiB, OperatingSystem os) {
        return FargateSize.isValid(cpuUnits, memoryMiB, os);
    }

    /**
     * Why a size is not valid, as {@code [message, hint]}, e.g. "1024 CPU units with 9000 MiB is not a Fargate
     * size" and "1 vCPU takes 2048-8192 MiB" (SPEC section 5).
     */
    public static Optional<String[]> problem(int cpuUnits, int memoryMiB, OperatingSystem os) {
        boolean windows = os == OperatingSystem.WINDOWS;
        Optional<CpuOption> option = FargateSize.cpuOption(cpuUnits);
        if (option.isEmpty() || (windows && (cpuUnits < 1024 || cpuUnits > 4096))) {
            return Optional.of(new String[] {cpuUnits + " CPU units is not a Fargate size",
                windows ? "Windows tasks take 1024, 2048 or 4096 CPU units (1, 2 or 4 vCPU)"
                        : "valid: 256, 512, 1024, 2048, 4096, 8192 or 16384 CPU units (0.25 to 16 vCPU)"});
        }
        if (FargateSize.isValid(cpuUnits, memoryMiB, os)) {
            return Optional.empty();
        }
        CpuOption o = option.get();
        return Optional.of(new String[] {cpuUnits + " CPU units with " + memoryMiB + " MiB is not a Fargate size",
            range(o, memoryMiB >= o.minMemoryMiB() && memoryMiB <= o.maxMemoryMiB())});
    }

    /**
     * The smallest valid size with at least the given CPU and memory (cheapest first: fewer CPU units, then
     * less memory), as EKS provisions a Fargate pod (aws-rules.md item 6); empty when nothing is that large.
     */
    public static Optional<Size> roundUp(int cpuUnits, int memoryMiB) {
        return FargateSize.roundUp(cpuUnits, memoryMiB).map(s -> new Size(s.cpuUnits(), s.memoryMiB()));
    }

    public static int largestCpuUnits() {
        return largest().cpuUnits();
    }

    public static int largestMemoryMiB() {
        return largest().maxMemoryMiB();
    }

    private static CpuOption largest() {
        List<CpuOption> options = FargateSize.cpuOptions();
        return options.get(options.size() - 1);
    }

    /** 0.25 vCPU lists its three sizes; the 1024 MiB steps are named only when the memory is inside the range. */
    private static String range(CpuOption o, boolean withinRange) {
        String vcpu = vcpu(o.cpuUnits());
        if (o.cpuUnits() == 256) {
            return vcpu + " vCPU takes 512, 1024 or 2048 MiB";
        }
        String r = vcpu + " vCPU takes " + o.minMemoryMiB() + "-" + o.maxMemoryMiB() + " MiB";
        return withinRange || o.memoryStepMiB() != 1024 ? r + " in " + o.memoryStepMiB() + " MiB steps" : r;
    }

    private static String vcpu(int cpuUnits) {
        return cpuUnits == 256 ? "0.25" : cpuUnits == 512 ? "0.5" : String.valueOf(cpuUnits / 1024);
    }
}
