package dev.fleetsim.scenario.spec;

public enum PlacementGroupStrategy { CLUSTER, SPREAD, PARTITION }
