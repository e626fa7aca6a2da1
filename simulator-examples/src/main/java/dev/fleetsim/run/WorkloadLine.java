package dev.fleetsim.run;

import dev.fleetsim.report.WorkloadReport;
import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.DurationSpec;
import dev.fleetsim.workload.ArrivalProcess;
import dev.fleetsim.workload.ClusterRuntime;
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

    WorkloadLine(String cluster, String name, String kind) {
        this.cluster = cluster;
        this.name = name;
        this.kind = kind;
    }

    void add(ClusterRuntime runtime, Workload part) {
        runtimes.add(runtime);
        parts.add(part);
    }

    /**
     * The counts now (read at the horizon). A pending task a scale-in withdrew counts as completed; none is
     * withdrawn while services stay at their desired count, as they do in this build.
     */
    WorkloadReport report(String shownName) {
        long launched = 0;
        long completed = 0;
        long pending = 0;
        long interrupted = 0;
        long running = 0;
        for (int i = 0; i < parts.size(); i++) {
            WorkloadCounters c = runtimes.get(i).counters(parts.get(i));
            launched += c.launched();
            completed += c.completed() + c.cancelled();
            pending += c.pending();
            interrupted += c.interrupted();
            running += c.running();
        }
        return new WorkloadReport(shownName, kind, launched, completed, pending, interrupted, running);
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
