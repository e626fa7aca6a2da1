package dev.fleetsim.scenario.spec;

/** aws-rules.md item 4, allocation strategies. */
public enum SpotAllocationStrategy { LOWEST_PRICE, CAPACITY_OPTIMIZED, PRICE_CAPACITY_OPTIMIZED, DIVERSIFIED }
