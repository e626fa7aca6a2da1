package dev.fleetsim.scenario.spec;

import java.util.List;
import java.util.Map;

/**
 * A Kubernetes workload. Deployment: {@code replicas} (default 1) and optional {@code autoscaling} (HPA).
 * DaemonSet: one pod per node. Job: pods arrive per {@code arrivals} (default one at PT0S) and run for
 * {@code duration} (required).
 *
 * @param namespace default "default"; a namespace listed by a fargate node pool runs on Fargate
 * @param requests null: no requests (BestEffort)
 */
public record WorkloadSpec(String name, WorkloadKind kind, String namespace, Integer replicas,
        ResourcesSpec requests, Map<String, String> nodeSelector, List<TolerationSpec> tolerations,
        List<TopologySpreadSpec> topologySpread, PodAutoscalingSpec autoscaling, ArrivalsSpec arrivals,
        DurationSpec duration) {

    public WorkloadSpec {
        namespace = Specs.or(namespace, "default");
        if (kind == WorkloadKind.DEPLOYMENT) {
            replicas = Specs.or(replicas, 1);
        }
        requests = Specs.or(requests, new ResourcesSpec(null, null));
        nodeSelector = Specs.map(nodeSelector);
        tolerations = Specs.list(tolerations);
        topologySpread = Specs.list(topologySpread);
        if (kind == WorkloadKind.JOB) {
            arrivals = Specs.or(arrivals, ArrivalsSpec.ONCE_AT_START);
        }
    }

    /** Spelt as Kubernetes spells the kinds. */
    public enum WorkloadKind {
        DEPLOYMENT("Deployment"), DAEMON_SET("DaemonSet"), JOB("Job");

        private final String key;

        WorkloadKind(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }
}
