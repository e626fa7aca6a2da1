package dev.fleetsim.scenario.spec;

/**
 * A HorizontalPodAutoscaler on a demand signal: desired = ceil(demand / (perPod * targetUtilization)),
 * within min..max, with the HPA's 10% tolerance and 300 s scale-down stabilization (aws-rules.md item 8).
 *
 * @param min default 1
 */
public record PodAutoscalingSpec(String signal, Double perPod, Double targetUtilization, Integer min,
        Integer max) {

    public PodAutoscalingSpec {
        min = Specs.or(min, 1);
    }
}
