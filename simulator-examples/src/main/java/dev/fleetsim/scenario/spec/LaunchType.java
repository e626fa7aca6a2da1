package dev.fleetsim.scenario.spec;

/** Where an ECS task runs. FARGATE_SPOT stands for the FARGATE_SPOT capacity provider. */
public enum LaunchType {
    FARGATE, FARGATE_SPOT, EC2;

    /** Spelt as AWS spells it, in capitals. */
    public String key() {
        return name();
    }

    public boolean isFargate() {
        return this != EC2;
    }
}
