package dev.fleetsim.scenario.spec;

/** A Poisson process: exponential gaps with mean 1/ratePerHour hours, until the horizon. */
public record PoissonArrivalsSpec(Double ratePerHour) {
}
