package dev.fleetsim.placement;

import java.util.Objects;

/**
 * kube-scheduler settings the simulation honours.
 *
 * @param scoring NodeResourcesFit scoring strategy: LeastAllocated (the default) spreads, MostAllocated packs
 * @param percentageOfNodesToScore as kube-scheduler's option: 0 means its adaptive default (50 - nodes/125
 *     percent, at least 5%, and never fewer than 100 nodes), 100 scores every feasible node
 */
public record KubeSchedulerConfig(Scoring scoring, int percentageOfNodesToScore) {

    public enum Scoring { LEAST_ALLOCATED, MOST_ALLOCATED }

    /** kube-scheduler's defaults. */
    public static final KubeSchedulerConfig DEFAULT = new KubeSchedulerConfig(Scoring.LEAST_ALLOCATED, 0);

    public KubeSchedulerConfig {
        Objects.requireNonNull(scoring, "scoring");
        if (percentageOfNodesToScore < 0 || percentageOfNodesToScore > 100) {
            throw new IllegalArgumentException("percentageOfNodesToScore must be in 0..100, got "
                    + percentageOfNodesToScore);
        }
    }

    public static KubeSchedulerConfig of(Scoring scoring) {
        return new KubeSchedulerConfig(scoring, 0);
    }
}
