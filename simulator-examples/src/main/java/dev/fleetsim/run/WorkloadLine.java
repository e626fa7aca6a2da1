package dev.fleetsim.run;

import dev.fleetsim.demand.ServedDemand;
import dev.fleetsim.report.DemandReport;
import dev.fleetsim.report.WorkloadMetrics;
import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.DurationSpec;
import dev.fleetsim.workload.ArrivalProcess;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.DeploymentRecord;
import dev.fleetsim.workload.DurationDistribution;
import dev.fleetsim.workload.Workload;
import dev.fleetsim.workload.WorkloadCounters;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of the report's {@code workloads} for a container workload: the {@link ClusterRuntime} workloads it is
 * made of (an ECS service split over capacity providers has one per provider), summed. Also the scenario-to-core
 * conversions of arrivals and durations (SPEC section 5).
 */
class WorkloadLine {

    final String cluster;
    final String name;
    final String kind;
    private final List<ClusterRuntime> runtimes = new ArrayList<>();
    private final List<Workload> parts = new ArrayList<>();
    /** Served and unserved demand of an autoscaled workload (set by {@link ContainerDynamics}); else null. */
    ServedDemand served;

    WorkloadLine(String cluster, String name, String kind) {
        this.cluster = cluster;
        this.name = name;
        this.kind = kind;
    }

    void add(ClusterRuntime runtime, Workload part) {
        runtimes.add(runtime);
        parts.add(part);
    }

    /** Tasks or pods of this line waiting for capacity now. */
    int pendingNow() {
        int n = 0;
        for (int i = 0; i < parts.size(); i++) {
            n += runtimes.get(i).pendingCount(parts.get(i));
        }
        return n;
    }

    List<ClusterRuntime> runtimes() {
        return runtimes;
    }

    List<Workload> parts() {
        return parts;
    }

    /**
     * The counts now (read at the horizon). A pending task a scale-in or a deployment withdrew counts as completed.
     * The metrics sum the parts; a deployment of a service split over providers took as long as its slowest part.
     */
    WorkloadReport report(String shownName) {
        long launched = 0;
        long completed = 0;
        long pending = 0;
        long interrupted = 0;
        long running = 0;
        long pendingTimeMs = 0;
        long maxWaitMs = 0;
        long notices = 0;
        long replacements = 0;
        for (int i = 0; i < parts.size(); i++) {
            WorkloadCounters c = runtimes.get(i).counters(parts.get(i));
            launched += c.launched();
            completed += c.completed() + c.cancelled();
            pending += c.pending();
            interrupted += c.interrupted();
            running += c.running();
            pendingTimeMs += c.pendingTimeMs();
            maxWaitMs = Math.max(maxWaitMs, c.maxWaitMs());
            notices += c.notices();
            replacements += c.replacements();
        }
        DemandReport demand = served == null ? null : new DemandReport(served.meter().demanded(),
                served.meter().served(), served.meter().unserved());
        WorkloadMetrics metrics = new WorkloadMetrics(Duration.ofMillis(pendingTimeMs), Duration.ofMillis(maxWaitMs),
                notices, replacements, deployments(), demand);
        return new WorkloadReport(shownName, kind, launched, completed, pending, interrupted, running, metrics);
    }

    private List<WorkloadMetrics.Deployment> deployments() {
        List<WorkloadMetrics.Deployment> list = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (parts.get(i).kind() != Workload.Kind.SERVICE) {
                continue;
            }
            List<DeploymentRecord> records = runtimes.get(i).deployments(parts.get(i));
            for (int d = 0; d < records.size(); d++) {
                DeploymentRecord r = records.get(d);
                Duration took = r.finished() ? Duration.ofMillis(r.durationMs()) : null;
                if (d == list.size()) {
                    list.add(new WorkloadMetrics.Deployment(Duration.ofMillis(r.startMs()), took));
                } else {
                    Duration before = list.get(d).took();
                    Duration slowest = before == null || took == null ? null
                            : before.compareTo(took) >= 0 ? before : took;
                    list.set(d, new WorkloadMetrics.Deployment(list.get(d).start(), slowest));
                }
            }
        }
        return list;
    }

    /** The stream name of a runtime workload: unique across clusters, so each draws its own arrivals and durations. */
    static String streamName(String service, String cluster, String workload) {
        return service + "/" + cluster + "/" + workload;
    }

    static ArrivalProcess arrivals(ArrivalsSpec a) {
        return switch (a.kind()) {
            case EVERY -> new ArrivalProcess.Every(a.every().toMillis(), a.count());
            case AT -> {
                List<Long> times = new ArrayList<>();
                for (Duration t : a.at()) {
                    times.add(t.toMillis());
                }
                yield new ArrivalProcess.At(times, a.count());
            }
            case UNIFORM -> new ArrivalProcess.Uniform(a.uniform().count(), a.uniform().over().toMillis());
            case POISSON -> new ArrivalProcess.Poisson(a.poisson().ratePerHour());
        };
    }

    static DurationDistribution duration(DurationSpec d) {
        return switch (d.kind()) {
            case FIXED -> new DurationDistribution.Fixed(d.fixed().toMillis());
            case EXPONENTIAL -> new DurationDistribution.Exponential(d.exponential().mean().toMillis());
            case LOGNORMAL -> new DurationDistribution.Lognormal(d.lognormal().median().toMillis(),
                    d.lognormal().sigma());
        };
    }
}
