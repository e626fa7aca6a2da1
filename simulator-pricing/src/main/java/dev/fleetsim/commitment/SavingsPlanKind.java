package dev.fleetsim.commitment;

/** aws-rules.md item 3: Compute SPs cover any EC2 usage and Fargate; EC2 Instance SPs one family in one region. */
public enum SavingsPlanKind {
    COMPUTE("compute"), EC2_INSTANCE("ec2-instance");

    private final String key;

    SavingsPlanKind(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static SavingsPlanKind fromKey(String key) {
        for (SavingsPlanKind k : values()) {
            if (k.key.equals(key)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown Savings Plan kind '" + key + "'; expected compute or ec2-instance");
    }
}
