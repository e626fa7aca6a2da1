package dev.fleetsim.processor;

import java.util.Optional;

/**
 * CPU generation behind an instance family, with the per-vCPU throughput default the simulator uses
 * to turn work into run time. Factors are estimates relative to one vCPU of an m5/c5/r5 (1.00); their
 * derivation is in docs/processors.md. A scenario overrides them through {@link ThroughputFactors}.
 */
public enum Microarchitecture {
    INTEL_OLDER("intel-older", "Intel (pre-Skylake)", ProcessorVendor.INTEL, false, 0.85),
    INTEL_SKYLAKE("intel-skylake", "Intel Skylake", ProcessorVendor.INTEL, false, 1.00),
    INTEL_CASCADE_LAKE("intel-cascade-lake", "Intel Cascade Lake", ProcessorVendor.INTEL, false, 1.00),
    INTEL_ICE_LAKE("intel-ice-lake", "Intel Ice Lake", ProcessorVendor.INTEL, false, 1.15),
    INTEL_SAPPHIRE_RAPIDS("intel-sapphire-rapids", "Intel Sapphire Rapids", ProcessorVendor.INTEL, false, 1.35),
    INTEL_GRANITE_RAPIDS("intel-granite-rapids", "Intel Granite Rapids", ProcessorVendor.INTEL, false, 1.55),
    AMD_NAPLES("amd-naples", "AMD Naples", ProcessorVendor.AMD, false, 0.90),
    AMD_ROME("amd-rome", "AMD Rome", ProcessorVendor.AMD, false, 1.00),
    AMD_MILAN("amd-milan", "AMD Milan", ProcessorVendor.AMD, false, 1.10),
    AMD_GENOA("amd-genoa", "AMD Genoa", ProcessorVendor.AMD, true, 1.60),
    AMD_TURIN("amd-turin", "AMD Turin", ProcessorVendor.AMD, true, 1.85),
    GRAVITON1("graviton1", "Graviton", ProcessorVendor.AWS_GRAVITON, true, 0.60),
    GRAVITON2("graviton2", "Graviton2", ProcessorVendor.AWS_GRAVITON, true, 1.10),
    GRAVITON3("graviton3", "Graviton3", ProcessorVendor.AWS_GRAVITON, true, 1.40),
    GRAVITON3E("graviton3e", "Graviton3E", ProcessorVendor.AWS_GRAVITON, true, 1.45),
    GRAVITON4("graviton4", "Graviton4", ProcessorVendor.AWS_GRAVITON, true, 1.80),
    GRAVITON5("graviton5", "Graviton5", ProcessorVendor.AWS_GRAVITON, true, 2.10),
    APPLE("apple", "Apple silicon", ProcessorVendor.OTHER, true, 1.00),
    OTHER("other", "Other", ProcessorVendor.OTHER, false, 1.00);

    private final String key;
    private final String displayName;
    private final ProcessorVendor vendor;
    private final boolean vcpuIsCore;
    private final double defaultThroughputFactor;

    Microarchitecture(String key, String displayName, ProcessorVendor vendor, boolean vcpuIsCore,
            double defaultThroughputFactor) {
        this.key = key;
        this.displayName = displayName;
        this.vendor = vendor;
        this.vcpuIsCore = vcpuIsCore;
        this.defaultThroughputFactor = defaultThroughputFactor;
    }

    /** Stable lower-case identifier, e.g. "intel-ice-lake", "graviton3e"; for configuration keys. */
    public String key() {
        return key;
    }

    /** Short human name, e.g. "Intel Ice Lake", "Graviton3". */
    public String displayName() {
        return displayName;
    }

    public ProcessorVendor vendor() {
        return vendor;
    }

    /** True when one vCPU is a whole physical core (no SMT sibling), false when it is a hyperthread. */
    public boolean vcpuIsCore() {
        return vcpuIsCore;
    }

    /** Estimated throughput of one vCPU relative to an m5 vCPU; a modelling input, not money. */
    public double defaultThroughputFactor() {
        return defaultThroughputFactor;
    }

    /** Whether a CPU of this kind can execute the given instruction set (OTHER accepts both). */
    public boolean supports(Architecture architecture) {
        if (this == OTHER) {
            return true;
        }
        boolean arm = this == APPLE || vendor == ProcessorVendor.AWS_GRAVITON;
        return architecture == (arm ? Architecture.ARM64 : Architecture.X86_64);
    }

    /** Looks up by {@link #key()}, ignoring case. */
    public static Optional<Microarchitecture> fromKey(String key) {
        for (Microarchitecture m : values()) {
            if (m.key.equalsIgnoreCase(key)) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
