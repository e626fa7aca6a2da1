package dev.fleetsim.placement;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.cluster.HostKind;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.Taint;
import dev.fleetsim.cluster.TaintEffect;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The pods of one Kubernetes workload, scheduled by a {@link KubeScheduler}: the pod template, what each
 * host class allows it (node selector and required affinity, NoSchedule/NoExecute taints, PreferNoSchedule
 * taints it does not tolerate), and its pod counts per node and per topology domain.
 * Create it with {@link KubeScheduler#group}.
 */
public final class PodGroup implements PlacementGroup {

    private final KubeScheduler scheduler;
    private final PodSpec spec;
    /** True when a selector names the hostname label: then affinity is decided per node, not per class. */
    private final boolean hostSpecific;
    final int nonZeroCpu;
    final int nonZeroMemoryMiB;
    final SpreadCounter[] hard;
    final SpreadCounter[] soft;

    private boolean[] affinity = new boolean[0];
    private boolean[] taintsTolerated = new boolean[0];
    int[] preferNoSchedulePenalty = new int[0];
    private int classesKnown;

    int[] countOnHost = new int[0];
    private int running;

    PodGroup(KubeScheduler scheduler, PodSpec spec) {
        this.scheduler = scheduler;
        this.spec = Objects.requireNonNull(spec, "spec");
        boolean host = spec.nodeSelector().containsKey(HostAttributes.K8S_HOSTNAME);
        for (NodeSelectorTerm term : spec.requiredNodeAffinity()) {
            for (NodeSelectorRequirement r : term.matchExpressions()) {
                host |= r.key().equals(HostAttributes.K8S_HOSTNAME);
            }
        }
        hostSpecific = host;
        nonZeroCpu = spec.cpuMillicores() == 0 ? KubeScores.DEFAULT_MILLI_CPU_REQUEST : spec.cpuMillicores();
        nonZeroMemoryMiB = spec.memoryMiB() == 0 ? KubeScores.DEFAULT_MEMORY_REQUEST_MIB : spec.memoryMiB();
        List<SpreadCounter> h = new ArrayList<>();
        List<SpreadCounter> s = new ArrayList<>();
        for (TopologySpreadConstraint c : spec.topologySpread()) {
            (c.hard() ? h : s).add(new SpreadCounter(c));
        }
        hard = h.toArray(new SpreadCounter[0]);
        soft = s.toArray(new SpreadCounter[0]);
    }

    public PodSpec spec() {
        return spec;
    }

    @Override
    public String name() {
        return spec.name();
    }

    @Override
    public ContainerHosts hosts() {
        return scheduler.nodes();
    }

    @Override
    public int cpuRequest() {
        return spec.cpuMillicores();
    }

    @Override
    public int memoryRequestMiB() {
        return spec.memoryMiB();
    }

    @Override
    public int findHost() {
        return scheduler.find(this);
    }

    @Override
    public void commit(int host) {
        ContainerHosts nodes = scheduler.nodes();
        if (!nodes.isActive(host)) {
            throw new IllegalArgumentException("no active node at index " + host);
        }
        if (!scheduler.feasible(this, host)) {
            throw new IllegalStateException("node " + nodes.hostId(host) + " does not pass the filters for pod "
                    + spec.name());
        }
        ensureHostCapacity(nodes.hostSlots());
        countOnHost[host]++;
        running++;
        for (SpreadCounter c : hard) {
            c.podAdded(host);
        }
        for (SpreadCounter c : soft) {
            c.podAdded(host);
        }
        scheduler.podPlaced(this, host);
    }

    @Override
    public void release(int host) {
        if (host < 0 || host >= countOnHost.length || countOnHost[host] == 0) {
            throw new IllegalArgumentException("workload " + spec.name() + " has no pod on node index " + host);
        }
        countOnHost[host]--;
        running--;
        for (SpreadCounter c : hard) {
            c.podRemoved(host);
        }
        for (SpreadCounter c : soft) {
            c.podRemoved(host);
        }
        scheduler.podRemoved(this, host);
    }

    @Override
    public int runningOn(int host) {
        return host < countOnHost.length ? countOnHost[host] : 0;
    }

    @Override
    public int runningCount() {
        return running;
    }

    @Override
    public String pendingReason() {
        return scheduler.pendingReason(this);
    }

    /**
     * True if a node of {@code template} would pass this pod's node-affinity and taint filters (NodeSelector,
     * required affinity, NoSchedule and NoExecute taints), resources aside: what the Cluster Autoscaler asks of a
     * node group's template node. A template has no hostname, so hostname selectors do not match it.
     */
    public boolean admits(HostSpec template) {
        for (Taint t : template.taints()) {
            if (t.effect() != TaintEffect.PREFER_NO_SCHEDULE && !tolerates(t)) {
                return false;
            }
        }
        return matches(name -> HostAttributes.K8S_HOSTNAME.equals(name) ? null
                : HostAttributes.classValue(HostKind.EKS_NODE, template, name));
    }

    /** True if the active node {@code host} passes this pod's node-affinity and taint filters, resources aside. */
    public boolean allowedOn(int host) {
        syncClasses(scheduler.nodes().classCount());
        return toleratesTaints(scheduler.nodes().hostClass(host)) && matchesAffinity(host);
    }

    void ensureHostCapacity(int slots) {
        if (countOnHost.length < slots) {
            countOnHost = Arrays.copyOf(countOnHost, Math.max(slots, countOnHost.length * 2));
        }
    }

    /** Node selector and required affinity (NodeAffinity filter). */
    boolean matchesAffinity(int host) {
        ContainerHosts nodes = scheduler.nodes();
        if (!hostSpecific) {
            return affinity[nodes.hostClass(host)];
        }
        return matches(name -> nodes.attribute(host, name));
    }

    boolean toleratesTaints(int hostClass) {
        return taintsTolerated[hostClass];
    }

    /** Evaluates the per-class checks for classes first seen. */
    void syncClasses(int classes) {
        if (classes == classesKnown) {
            return;
        }
        ContainerHosts nodes = scheduler.nodes();
        int n = Math.max(classes, affinity.length * 2);
        affinity = Arrays.copyOf(affinity, n);
        taintsTolerated = Arrays.copyOf(taintsTolerated, n);
        preferNoSchedulePenalty = Arrays.copyOf(preferNoSchedulePenalty, n);
        for (int c = classesKnown; c < classes; c++) {
            final int hostClass = c;
            affinity[c] = !hostSpecific && matches(name -> nodes.classAttribute(hostClass, name));
            HostSpec classSpec = nodes.classSpec(c);
            boolean ok = true;
            int penalty = 0;
            for (Taint t : classSpec.taints()) {
                boolean tolerated = tolerates(t);
                if (!tolerated && t.effect() == TaintEffect.PREFER_NO_SCHEDULE) {
                    penalty++;
                } else if (!tolerated) {
                    ok = false;
                }
            }
            taintsTolerated[c] = ok;
            preferNoSchedulePenalty[c] = penalty;
        }
        classesKnown = classes;
    }

    private boolean tolerates(Taint taint) {
        for (Toleration t : spec.tolerations()) {
            if (t.tolerates(taint)) {
                return true;
            }
        }
        return false;
    }

    private interface Labels {
        String get(String name);
    }

    private boolean matches(Labels labels) {
        for (Map.Entry<String, String> e : spec.nodeSelector().entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        if (spec.requiredNodeAffinity().isEmpty()) {
            return true;
        }
        for (NodeSelectorTerm term : spec.requiredNodeAffinity()) {
            boolean all = true;
            for (NodeSelectorRequirement r : term.matchExpressions()) {
                if (!r.matches(labels.get(r.key()))) {
                    all = false;
                    break;
                }
            }
            if (all) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "PodGroup[" + spec + "]";
    }
}
