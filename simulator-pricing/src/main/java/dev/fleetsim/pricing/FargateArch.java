package dev.fleetsim.pricing;

/** CPU architecture of a Fargate task; prices differ (aws-rules.md item 5). */
public enum FargateArch {
    X86_64("x86_64"), ARM64("arm64");

    private final String key;

    FargateArch(String key) {
        this.key = key;
    }

    /** YAML spelling: {@code x86_64}, {@code arm64}. */
    public String key() {
        return key;
    }

    public static FargateArch of(boolean arm64) {
        return arm64 ? ARM64 : X86_64;
    }

    public static FargateArch fromKey(String key) {
        for (FargateArch a : values()) {
            if (a.key.equals(key)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown Fargate architecture '" + key + "'; expected x86_64 or arm64");
    }
}
