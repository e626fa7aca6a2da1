package dev.fleetsim.processor;

import java.util.Optional;

/** Instruction set of an instance's processor; a container image must match it. */
public enum Architecture {
    X86_64("x86_64"), ARM64("arm64");

    private final String key;

    Architecture(String key) {
        this.key = key;
    }

    /** The name AWS uses in DescribeInstanceTypes and the catalog: "x86_64" or "arm64". */
    public String key() {
        return key;
    }

    /** Accepts the key, and also "amd64"/"aarch64" as Kubernetes and Linux spell them. */
    public static Optional<Architecture> fromKey(String key) {
        switch (key) {
            case "x86_64":
            case "amd64":
                return Optional.of(X86_64);
            case "arm64":
            case "aarch64":
                return Optional.of(ARM64);
            default:
                return Optional.empty();
        }
    }
}
