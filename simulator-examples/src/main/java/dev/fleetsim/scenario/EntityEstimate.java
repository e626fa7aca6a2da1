package dev.fleetsim.scenario;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.scenario.spec.ArrivalsSpec;
import dev.fleetsim.scenario.spec.CapacityProviderSpec;
import dev.fleetsim.scenario.spec.EcsClusterSpec;
import dev.fleetsim.scenario.spec.EksClusterSpec;
import dev.fleetsim.scenario.spec.GroupSpec;
import dev.fleetsim.scenario.spec.InstanceSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec;
import dev.fleetsim.scenario.spec.NodePoolSpec.NodePoolKind;
import dev.fleetsim.scenario.spec.ScheduledActionSpec;
import dev.fleetsim.scenario.spec.ServiceSpec;
import dev.fleetsim.scenario.spec.TaskSpec;
import dev.fleetsim.scenario.spec.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An upper estimate, before anything runs, of how many hosts a scenario may run at once and how many tasks and
 * pods it launches over its horizon, by part, compared with {@link EntityLimits}. It reads the spec only (no
 * randomness): fixed instances by count; Auto Scaling groups, capacity providers and managed node groups at
 * their maximum (scheduled actions included); Karpenter pools up to their cpu limit over their smallest type
 * (a pool without limits follows its pods, which are counted); ECS services at the larger of desired and the
 * autoscaling maximum, again at each deployment; Deployments at the larger of replicas and the HPA maximum;
 * DaemonSets one pod per node of their cluster; ECS tasks and Jobs by their arrivals (every: ceil(horizon /
 * every) x count; at: times x count; uniform: count; poisson: rate x horizon hours plus six standard
 * deviations and 10). Values that are missing or invalid count as 0: the validator reports them.
 */
final class EntityEstimate {

    /** One part of the scenario, where it is, and how many entities it accounts for. */
    record Part(String path, long count, String what) {
    }

    private final Check c;
    private final List<Part> hosts = new ArrayList<>();
    private final List<Part> tasks = new ArrayList<>();

    private EntityEstimate(Check c) {
        this.c = c;
    }

    static EntityEstimate of(Check c) {
        EntityEstimate e = new EntityEstimate(c);
        e.ec2();
        e.ecs();
        e.eks();
        return e;
    }

    long hosts() {
        return sum(hosts);
    }

    long tasks() {
        return sum(tasks);
    }

    /** A problem for each limit exceeded, at the path of the largest part. */
    List<Issue> check(EntityLimits limits) {
        List<Issue> issues = new ArrayList<>();
        exceeded(hosts, limits.maxConcurrentHosts(), "hosts at once").ifPresent(issues::add);
        exceeded(tasks, limits.maxTasks(), "task and pod launches").ifPresent(issues::add);
        return issues;
    }

    private static Optional<Issue> exceeded(List<Part> parts, long limit, String category) {
        long total = sum(parts);
        if (total <= limit) {
            return Optional.empty();
        }
        Part largest = parts.get(0);
        for (Part p : parts) {
            largest = p.count() > largest.count() ? p : largest;
        }
        return Optional.of(new Issue(largest.path(), number(largest.count()) + " " + largest.what()
                + "; with the rest of the scenario " + number(total) + " " + category + ", more than the limit of "
                + number(limit), "lower it, or raise the limit with --max-entities N"));
    }

    private void ec2() {
        List<InstanceSpec> instances = c.spec.ec2().instances();
        for (int i = 0; i < instances.size(); i++) {
            InstanceSpec s = instances.get(i);
            if (s != null) {
                host(Issues.child(Issues.index("ec2.instances", i), "count"), positive(s.count()), "instances at once");
            }
        }
        List<GroupSpec> groups = c.spec.ec2().groups();
        for (int i = 0; i < groups.size(); i++) {
            GroupSpec g = groups.get(i);
            if (g != null) {
                long max = positive(g.max());
                if (g.scaling() != null && g.scaling().isScheduled()) {
                    for (ScheduledActionSpec a : g.scaling().schedule()) {
                        if (a != null) {
                            max = Math.max(max, Math.max(positive(a.max()), positive(a.desired())));
                        }
                    }
                }
                host(Issues.child(Issues.index("ec2.groups", i), "max"), max, "instances at once (the group's max)");
            }
        }
    }

    private void ecs() {
        List<EcsClusterSpec> clusters = c.spec.ecs().clusters();
        for (int i = 0; i < clusters.size(); i++) {
            EcsClusterSpec cl = clusters.get(i);
            if (cl == null) {
                continue;
            }
            String path = Issues.index("ecs.clusters", i);
            for (int p = 0; p < cl.capacityProviders().size(); p++) {
                CapacityProviderSpec cp = cl.capacityProviders().get(p);
                if (cp != null && cp.group() != null) {
                    host(Issues.child(Issues.child(Issues.index(Issues.child(path, "capacityProviders"), p), "group"),
                            "max"), positive(cp.group().max()), "container instances at once (the group's max)");
                }
            }
            for (int s = 0; s < cl.services().size(); s++) {
                ServiceSpec sv = cl.services().get(s);
                if (sv == null) {
                    continue;
                }
                String sp = Issues.index(Issues.child(path, "services"), s);
                long desired = positive(sv.desired());
                long max = sv.autoscaling() == null ? 0 : positive(sv.autoscaling().max());
                long rollouts = 1 + (sv.deployment() == null ? 0 : sv.deployment().at().size());
                task(max > desired ? Issues.child(Issues.child(sp, "autoscaling"), "max") : Issues.child(sp, "desired"),
                        times(Math.max(desired, max), rollouts), "service tasks (at most at once, again at each"
                                + " deployment)");
            }
            for (int t = 0; t < cl.tasks().size(); t++) {
                TaskSpec ts = cl.tasks().get(t);
                if (ts != null) {
                    task(Issues.child(Issues.index(Issues.child(path, "tasks"), t), "arrivals"), launches(ts.arrivals()),
                            "task launches over the horizon");
                }
            }
        }
    }

    private void eks() {
        List<EksClusterSpec> clusters = c.spec.eks().clusters();
        for (int i = 0; i < clusters.size(); i++) {
            EksClusterSpec cl = clusters.get(i);
            if (cl == null) {
                continue;
            }
            String path = Issues.index("eks.clusters", i);
            long nodes = 0;
            for (int p = 0; p < cl.nodePools().size(); p++) {
                NodePoolSpec pool = cl.nodePools().get(p);
                String pp = Issues.index(Issues.child(path, "nodePools"), p);
                if (pool == null || pool.kind() == null) {
                    continue;
                }
                if (pool.kind() == NodePoolKind.MANAGED) {
                    long max = positive(pool.max());
                    host(Issues.child(pp, "max"), max, "nodes at once (the node group's max)");
                    nodes = plus(nodes, max);
                } else if (pool.kind() == NodePoolKind.KARPENTER) {
                    long max = karpenterNodes(pool);
                    host(Issues.child(Issues.child(pp, "limits"), "cpu"), max, "nodes at once (the cpu limit over"
                            + " the smallest instance type)");
                    nodes = plus(nodes, max);
                }
            }
            for (int w = 0; w < cl.workloads().size(); w++) {
                WorkloadSpec wl = cl.workloads().get(w);
                if (wl == null || wl.kind() == null) {
                    continue;
                }
                String wp = Issues.index(Issues.child(path, "workloads"), w);
                switch (wl.kind()) {
                    case DEPLOYMENT -> {
                        long replicas = positive(wl.replicas());
                        long max = wl.autoscaling() == null ? 0 : positive(wl.autoscaling().max());
                        task(max > replicas ? Issues.child(Issues.child(wp, "autoscaling"), "max")
                                : Issues.child(wp, "replicas"), Math.max(replicas, max), "pods at once");
                    }
                    case DAEMON_SET -> task(wp, nodes, "pods (one per node of the cluster)");
                    case JOB -> task(Issues.child(wp, "arrivals"), launches(wl.arrivals()),
                            "pod launches over the horizon");
                    default -> throw new IllegalStateException(wl.kind().toString());
                }
            }
        }
    }

    /** The cpu limit over the fewest vCPUs among the pool's types; 0 without a limit or a known type. */
    private long karpenterNodes(NodePoolSpec pool) {
        if (pool.limits() == null || pool.limits().cpu() == null || pool.limits().cpu().isNegative()) {
            return 0;
        }
        long smallestMilli = Long.MAX_VALUE;
        for (String name : pool.instanceTypes()) {
            Optional<InstanceType> t = name == null ? Optional.empty() : c.catalog.find(name);
            if (t.isPresent()) {
                smallestMilli = Math.min(smallestMilli, t.get().vcpu() * 1000L);
            }
        }
        if (smallestMilli == Long.MAX_VALUE) {
            return 0;
        }
        long limitMilli = pool.limits().cpu().millicores();
        return limitMilli / smallestMilli + (limitMilli % smallestMilli == 0 ? 0 : 1);
    }

    /** Launches over the horizon; 0 when the horizon or the arrival process is missing or invalid. */
    private long launches(ArrivalsSpec a) {
        if (a == null || a.kind() == null) {
            return 0;
        }
        Duration horizon = c.horizon;
        switch (a.kind()) {
            case EVERY: {
                if (horizon == null || a.every() == null || a.every().isNegative() || a.every().isZero()) {
                    return 0;
                }
                // Launches at 0, every, 2 x every, ... before the horizon (SPEC section 5).
                long h = horizon.toMillis();
                long every = a.every().toMillis();
                return times(h / every + (h % every == 0 ? 0 : 1), positive(a.count()));
            }
            case AT:
                return times(a.at().size(), positive(a.count()));
            case UNIFORM:
                return positive(a.uniform().count());
            case POISSON: {
                Double rate = a.poisson().ratePerHour();
                if (horizon == null || rate == null || !(rate > 0) || rate.isInfinite()) {
                    return 0;
                }
                // A Poisson count exceeds its mean by six standard deviations with negligible probability.
                double mean = rate * horizon.toMillis() / 3_600_000.0;
                double bound = Math.ceil(mean + 6 * Math.sqrt(mean) + 10);
                return bound >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) bound;
            }
            default:
                throw new IllegalStateException(a.kind().toString());
        }
    }

    private void host(String path, long count, String what) {
        if (count > 0) {
            hosts.add(new Part(path, count, what));
        }
    }

    private void task(String path, long count, String what) {
        if (count > 0) {
            tasks.add(new Part(path, count, what));
        }
    }

    private static long positive(Integer value) {
        return value == null || value < 0 ? 0 : value;
    }

    private static long sum(List<Part> parts) {
        long total = 0;
        for (Part p : parts) {
            total = plus(total, p.count());
        }
        return total;
    }

    /** Saturating arithmetic on non-negative counts: an estimate of Long.MAX_VALUE is over any limit anyway. */
    static long plus(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }

    static long times(long a, long b) {
        return Math.multiplyHigh(a, b) != 0 || a * b < 0 ? Long.MAX_VALUE : a * b;
    }

    private static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
