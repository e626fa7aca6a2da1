package dev.fleetsim.scenario.spec;

/** RI and Savings Plan payment options (aws-rules.md items 2 and 3). */
public enum Payment { NO_UPFRONT, PARTIAL_UPFRONT, ALL_UPFRONT }
