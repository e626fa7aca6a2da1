package dev.fleetsim.scenario.spec;


/** Kubernetes resources in quantity syntax: {@code {cpu: 250m, memory: 512Mi}}; null means none (0). */
public record ResourcesSpec(Quantity cpu, Quantity memory) {
}
