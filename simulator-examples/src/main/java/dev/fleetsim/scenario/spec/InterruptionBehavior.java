package dev.fleetsim.scenario.spec;

/** What happens to a Spot instance when AWS reclaims it (aws-rules.md item 4). */
public enum InterruptionBehavior { TERMINATE, STOP, HIBERNATE }
