package dev.fleetsim.processor;

/** Who designs the CPU. Apple silicon (EC2 Mac) and unidentified CPUs are OTHER. */
public enum ProcessorVendor {
    INTEL("intel"), AMD("amd"), AWS_GRAVITON("aws-graviton"), OTHER("other");

    private final String key;

    ProcessorVendor(String key) {
        this.key = key;
    }

    /** The catalog's spelling: "intel", "amd", "aws-graviton", "other". */
    public String key() {
        return key;
    }
}
