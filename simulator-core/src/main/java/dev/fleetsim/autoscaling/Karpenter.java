package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostListener;
import dev.fleetsim.cluster.NodeProvisioner;
import dev.fleetsim.engine.EventHandler;
import dev.fleetsim.engine.Phase;
import dev.fleetsim.engine.Simulation;
import dev.fleetsim.placement.KubeScheduler;
import dev.fleetsim.placement.PodGroup;
import dev.fleetsim.workload.ClusterRuntime;
import dev.fleetsim.workload.TaskTarget;
import dev.fleetsim.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Karpenter on one EKS cluster: its NodePools provision nodes for pods the scheduler could not place and
 * consolidate them away (SPEC section 3; aws-rules.md item 8).
 *
 * <p>Provisioning. A tick every second watches the pending pods; a batch opens at the first tick that sees
 * pending pods and closes when a tick sees no more pods than the last one (1 s idle) or 10 s after it opened
 * (Karpenter's batch windows, BATCH_IDLE_DURATION 1 s and BATCH_MAX_DURATION 10 s, at 1-s resolution). Then the
 * pending pods are packed first-fit-decreasing (largest CPU request first, then memory, as Karpenter sorts them):
 * each pod goes to the first in-flight node (launched, not yet joined) with room, else to the first planned node
 * for which some of its candidate offerings still hold all its pods, else opens a planned node in the first pool
 * (list order is weight order) with an offering that admits it (node selector, required affinity and taints
 * against the pool's labels, taints and the type's and zone's well-known labels) and stays within the pool's
 * limits. Each planned node launches the first of its remaining candidates in {@link KarpenterPool#launchOrder}
 * (cheapest On-Demand; Spot price-capacity-optimized); InsufficientInstanceCapacity puts the offering in a 3-minute
 * cache and tries the next. An empty node's room is its allocatable (kubeReserved and eviction threshold,
 * aws-rules.md E14) minus every DaemonSet. Topology spread constraints are not part of the plan.
 *
 * <p>A new evaluation runs only when the pending count or the node set changed since the last one, or 3 minutes
 * passed (offerings leave the ICE cache), so pods blocked by limits do not cost an evaluation a second.
 *
 * <p>Disruption runs every 15 s ({@link KarpenterDisruption}).
 */
public final class Karpenter implements HostListener {

    public static final long TICK_MS = 1_000;
    public static final long BATCH_IDLE_MS = 1_000;
    public static final long BATCH_MAX_MS = 10_000;
    public static final long CONSOLIDATION_PERIOD_MS = 15_000;
    /** Karpenter keeps an offering that failed with InsufficientInstanceCapacity out for 3 minutes. */
    public static final long ICE_TTL_MS = 180_000;
    /** A claim that has not joined after 15 minutes is given up (Karpenter's registration TTL). */
    public static final long REGISTRATION_TTL_MS = 900_000;

    final Simulation sim;
    final ClusterRuntime runtime;
    final KubeScheduler scheduler;
    final ContainerHosts hosts;
    final NodeProvisioner provisioner;
    final OfferingPrices prices;
    final List<KarpenterPool> pools = new ArrayList<>();
    private final KarpenterDisruption disruption;

    /** Per host: when a pod was last added or removed (or it joined); for consolidateAfter. */
    long[] lastChangeMs = new long[16];
    /** Per host: its node claim, if it belongs to a pool. */
    KarpenterPool.Node[] nodeOfHost = new KarpenterPool.Node[16];
    KarpenterPool[] poolByHost = new KarpenterPool[16];
    /** Hosts added or removed so far. */
    long topologyChanges;

    private long batchStartMs = -1;
    private int batchPending;
    private int lastEvalPending = -1;
    private long lastEvalTopology = -1;
    private long lastEvalMs = Long.MIN_VALUE / 2;
    private long ticks;
    private int[] order = new int[16];

    private final EventHandler onTick = (s, p) -> tick();

    public Karpenter(Simulation sim, ClusterRuntime runtime, KubeScheduler scheduler, NodeProvisioner provisioner,
            OfferingPrices prices, List<KarpenterPoolConfig> configs) {
        this.sim = Objects.requireNonNull(sim, "sim");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.provisioner = Objects.requireNonNull(provisioner, "provisioner");
        this.prices = Objects.requireNonNull(prices, "prices");
        this.hosts = provisioner.hosts();
        if (hosts != scheduler.nodes()) {
            throw new IllegalArgumentException("the provisioner's hosts are not the scheduler's nodes");
        }
        for (KarpenterPoolConfig c : configs) {
            for (KarpenterPool other : pools) {
                if (other.config.name().equals(c.name())) {
                    throw new IllegalArgumentException("karpenter pool name '" + c.name() + "' is used twice");
                }
            }
            pools.add(new KarpenterPool(c));
        }
        this.disruption = new KarpenterDisruption(this);
        hosts.addListener(this);
        sim.schedule(sim.nowMs(), Phase.AUTOSCALING, onTick, 0);
    }

    /** The counters of every pool, in configuration order. */
    public List<KarpenterCounters> counters() {
        List<KarpenterCounters> out = new ArrayList<>(pools.size());
        for (KarpenterPool p : pools) {
            out.add(p.counters());
        }
        return out;
    }

    // ---- host events ----

    @Override
    public void hostAdded(int host) {
        ensureHosts(host + 1);
        lastChangeMs[host] = sim.nowMs();
        topologyChanges++;
        for (KarpenterPool p : pools) {
            for (KarpenterPool.Node n : p.nodes) {
                if (n.host < 0 && provisioner.hostOf(n.claim) == host) {
                    bind(p, n, host);
                    return;
                }
            }
        }
    }

    @Override
    public void hostRemoving(int host) {
        topologyChanges++;
        KarpenterPool.Node n = host < nodeOfHost.length ? nodeOfHost[host] : null;
        if (n == null) {
            return;
        }
        KarpenterPool p = poolByHost[host];
        nodeOfHost[host] = null;
        poolByHost[host] = null;
        if (!n.removing) {
            p.lost++;
        }
        p.remove(n);
    }

    @Override
    public void capacityChanged(int host) {
        ensureHosts(host + 1);
        lastChangeMs[host] = sim.nowMs();
    }

    private void bind(KarpenterPool p, KarpenterPool.Node n, int host) {
        ensureHosts(host + 1);
        n.host = host;
        nodeOfHost[host] = n;
        poolByHost[host] = p;
    }

    /** Binds claims that joined; gives up claims that never joined within the registration TTL. */
    void bindClaims(long nowMs) {
        for (KarpenterPool p : pools) {
            for (int i = 0; i < p.nodes.size(); i++) {
                KarpenterPool.Node n = p.nodes.get(i);
                if (n.host >= 0) {
                    continue;
                }
                int h = provisioner.hostOf(n.claim);
                if (h >= 0 && hosts.isActive(h)) {
                    bind(p, n, h);
                } else if (nowMs - n.launchMs >= REGISTRATION_TTL_MS) {
                    p.lost++;
                    p.remove(n);
                    i--;
                }
            }
        }
    }

    // ---- the tick ----

    private void tick() {
        long now = sim.nowMs();
        bindClaims(now);
        watchPending(now);
        if (ticks++ % (CONSOLIDATION_PERIOD_MS / TICK_MS) == 0) {
            disruption.run(now);
        }
        if (now + TICK_MS <= sim.horizonMs()) {
            sim.schedule(now + TICK_MS, Phase.AUTOSCALING, onTick, 0);
        }
    }

    private void watchPending(long now) {
        int pending = runtime.pendingCount();
        if (pending == 0) {
            batchStartMs = -1;
            return;
        }
        boolean changed = pending != lastEvalPending || topologyChanges != lastEvalTopology
                || now - lastEvalMs >= ICE_TTL_MS;
        if (!changed) {
            batchStartMs = -1;
            return;
        }
        if (batchStartMs < 0) {
            batchStartMs = now;
            batchPending = pending;
            return;
        }
        if (pending > batchPending && now - batchStartMs < BATCH_MAX_MS) {
            batchPending = pending;
            return;
        }
        batchStartMs = -1;
        provision(now);
        lastEvalPending = runtime.pendingCount();
        lastEvalTopology = topologyChanges;
        lastEvalMs = now;
    }

    // ---- provisioning ----

    /** A planned node: its pool, the offerings that still hold all its pods, and those pods' sums. */
    private static final class Plan {
        final KarpenterPool pool;
        final boolean[] candidates;
        long cpu;
        long mem;
        int pods;

        Plan(KarpenterPool pool) {
            this.pool = pool;
            this.candidates = new boolean[pool.offerings()];
        }
    }

    /** Plans nodes for the pending pods and launches them. */
    void provision(long now) {
        for (KarpenterPool p : pools) {
            p.computeAllocatable(scheduler.daemonSets());
        }
        List<PodGroup> groups = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        for (Workload w : runtime.workloads()) {
            int n = runtime.pendingCount(w);
            if (n > 0 && w.target() instanceof TaskTarget.OnHosts
                    && ((TaskTarget.OnHosts) w.target()).group() instanceof PodGroup) {
                groups.add((PodGroup) ((TaskTarget.OnHosts) w.target()).group());
                counts.add(n);
            }
        }
        Integer[] byRequest = new Integer[groups.size()];
        for (int i = 0; i < byRequest.length; i++) {
            byRequest[i] = i;
        }
        // Largest CPU request first, then memory; stable (workload order) among equals.
        Arrays.sort(byRequest, (a, b) -> {
            PodGroup ga = groups.get(a);
            PodGroup gb = groups.get(b);
            if (ga.cpuRequest() != gb.cpuRequest()) {
                return Integer.compare(gb.cpuRequest(), ga.cpuRequest());
            }
            return Integer.compare(gb.memoryRequestMiB(), ga.memoryRequestMiB());
        });

        // In-flight claims are capacity already on its way.
        List<KarpenterPool.Node> inflight = new ArrayList<>();
        List<KarpenterPool> inflightPool = new ArrayList<>();
        for (KarpenterPool p : pools) {
            for (KarpenterPool.Node n : p.nodes) {
                if (n.host < 0) {
                    inflight.add(n);
                    inflightPool.add(p);
                }
            }
        }
        long[] vCpu = new long[inflight.size()];
        long[] vMem = new long[inflight.size()];
        int[] vPods = new int[inflight.size()];
        for (int v = 0; v < vCpu.length; v++) {
            KarpenterPool p = inflightPool.get(v);
            int t = p.typeOf(inflight.get(v).offering);
            vCpu[v] = p.allocCpu[t];
            vMem[v] = p.allocMem[t];
            vPods[v] = p.allocPods[t];
        }

        List<Plan> plans = new ArrayList<>();
        boolean[][] admits = new boolean[pools.size()][];
        for (Integer gi : byRequest) {
            PodGroup g = groups.get(gi);
            for (int pi = 0; pi < pools.size(); pi++) {
                KarpenterPool p = pools.get(pi);
                admits[pi] = new boolean[p.offerings()];
                for (int o = 0; o < p.offerings(); o++) {
                    admits[pi][o] = g.admits(p.specs[o]);
                }
            }
            int cpu = g.cpuRequest();
            int mem = g.memoryRequestMiB();
            for (int k = counts.get(gi); k > 0; k--) {
                if (!placeOnInflight(inflight, inflightPool, admits, vCpu, vMem, vPods, cpu, mem)
                        && !placeOnPlan(plans, admits, cpu, mem) && !openPlan(plans, admits, cpu, mem, now)) {
                    break; // the group's remaining pods are identical: none of them can be served either
                }
            }
        }
        for (Plan plan : plans) {
            launch(plan, now);
        }
    }

    private boolean placeOnInflight(List<KarpenterPool.Node> inflight, List<KarpenterPool> inflightPool,
            boolean[][] admits, long[] vCpu, long[] vMem, int[] vPods, int cpu, int mem) {
        for (int v = 0; v < vCpu.length; v++) {
            if (admits[pools.indexOf(inflightPool.get(v))][inflight.get(v).offering] && vCpu[v] >= cpu
                    && vMem[v] >= mem && vPods[v] >= 1) {
                vCpu[v] -= cpu;
                vMem[v] -= mem;
                vPods[v]--;
                return true;
            }
        }
        return false;
    }

    private boolean placeOnPlan(List<Plan> plans, boolean[][] admits, int cpu, int mem) {
        for (Plan plan : plans) {
            KarpenterPool p = plan.pool;
            boolean[] ok = admits[pools.indexOf(p)];
            boolean any = false;
            for (int o = 0; o < p.offerings(); o++) {
                any |= plan.candidates[o] && ok[o]
                        && p.fitsEmpty(p.typeOf(o), plan.cpu + cpu, plan.mem + mem, plan.pods + 1);
            }
            if (!any) {
                continue;
            }
            for (int o = 0; o < p.offerings(); o++) {
                plan.candidates[o] = plan.candidates[o] && ok[o]
                        && p.fitsEmpty(p.typeOf(o), plan.cpu + cpu, plan.mem + mem, plan.pods + 1);
            }
            plan.cpu += cpu;
            plan.mem += mem;
            plan.pods++;
            return true;
        }
        return false;
    }

    private boolean openPlan(List<Plan> plans, boolean[][] admits, int cpu, int mem, long now) {
        for (int pi = 0; pi < pools.size(); pi++) {
            KarpenterPool p = pools.get(pi);
            Plan plan = new Plan(p);
            boolean any = false;
            for (int o = 0; o < p.offerings(); o++) {
                int t = p.typeOf(o);
                plan.candidates[o] = admits[pi][o] && p.fitsEmpty(t, cpu, mem, 1) && p.withinLimits(t)
                        && p.launchable(o, prices, now);
                any |= plan.candidates[o];
            }
            if (any) {
                plan.cpu = cpu;
                plan.mem = mem;
                plan.pods = 1;
                plans.add(plan);
                return true;
            }
        }
        return false;
    }

    /** Launches the plan's first launchable candidate within limits; ICE falls through to the next. */
    private void launch(Plan plan, long now) {
        KarpenterPool p = plan.pool;
        ensureOrder(p.offerings());
        int n = p.launchOrder(plan.candidates, prices, now, order);
        boolean limited = false;
        for (int i = 0; i < n; i++) {
            int o = order[i];
            if (!p.withinLimits(p.typeOf(o))) {
                limited = true;
                continue;
            }
            int claim = provisioner.launch(p.specs[o], p.market);
            if (claim == NodeProvisioner.INSUFFICIENT_CAPACITY) {
                p.iceUntilMs[o] = now + ICE_TTL_MS;
                p.launchFailures++;
                continue;
            }
            p.add(claim, o, now);
            return;
        }
        if (limited) {
            p.limitBlocked++;
        }
    }

    /** Launches one node of offering order candidates for a replacement; the node, or null when none launched. */
    KarpenterPool.Node launchReplacement(KarpenterPool p, boolean[] candidates, long now) {
        ensureOrder(p.offerings());
        int n = p.launchOrder(candidates, prices, now, order);
        for (int i = 0; i < n; i++) {
            int o = order[i];
            int claim = provisioner.launch(p.specs[o], p.market);
            if (claim == NodeProvisioner.INSUFFICIENT_CAPACITY) {
                p.iceUntilMs[o] = now + ICE_TTL_MS;
                p.launchFailures++;
                continue;
            }
            return p.add(claim, o, now);
        }
        return null;
    }

    private void ensureOrder(int n) {
        if (order.length < n) {
            order = new int[n];
        }
    }

    private void ensureHosts(int n) {
        if (lastChangeMs.length < n) {
            int m = Math.max(n, lastChangeMs.length * 2);
            lastChangeMs = Arrays.copyOf(lastChangeMs, m);
            nodeOfHost = Arrays.copyOf(nodeOfHost, m);
            poolByHost = Arrays.copyOf(poolByHost, m);
        }
    }
}
