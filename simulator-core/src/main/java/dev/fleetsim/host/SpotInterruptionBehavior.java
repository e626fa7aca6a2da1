package dev.fleetsim.host;

/**
 * What EC2 does to a Spot instance it reclaims (aws-rules.md item 4): {@code terminate} is the default;
 * {@code stop} and {@code hibernate} need a persistent request and keep the instance for a later start.
 */
public enum SpotInterruptionBehavior {
    TERMINATE, STOP, HIBERNATE
}
