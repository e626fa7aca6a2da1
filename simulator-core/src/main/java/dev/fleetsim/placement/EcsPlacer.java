package dev.fleetsim.placement;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostKind;
import dev.fleetsim.cluster.HostListener;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * ECS task placement on the container instances of one cluster (aws-rules.md item 7, ECS developer guide
 * task-placement.md): resources (CPU units, memory, the task's CPU architecture), then constraints
 * (distinctInstance, memberOf), then strategies in list order; ties left after every strategy go to the
 * lowest host index (ECS picks among them at random; we choose determinism).
 *
 * <p>How it avoids scanning every host. Hosts are split by host class (equal type, zone, OS and
 * attributes), which settles architecture and memberOf once per class, and the attribute of any spread
 * on {@code attribute:NAME}. Each class keeps three {@link HostTreap}s over its hosts: by index, by free
 * CPU and by free memory, each knowing the largest free CPU and memory of every subtree. A placement
 * orders the eligible classes by the leading attribute spreads (tasks of the group per attribute value,
 * fewest first), then in the first tier that has a fitting host asks the tree of the next strategy:
 * binpack takes the first host at or above the task's need (the tightest fit), spread by instance asks
 * the group's own tree ordered by its task count per host, no strategy takes the lowest index. That is
 * O(classes x log hosts). What is still linear: random falls back to a scan of the tier when 32 draws
 * miss (it samples hosts uniformly and keeps the first that fits, exactly uniform over fitting hosts);
 * strategies after the first non-attribute one run over the hosts tied on it; distinctInstance skips
 * the hosts that already run the group's tasks.
 */
public final class EcsPlacer implements HostListener {

    private static final int RANDOM_DRAWS = 32;

    private final ContainerHosts hosts;
    private final SplittableRandom random;
    private final HostTreap byIndex;
    private final HostTreap byCpu;
    private final HostTreap byMemory;
    private int[] rootIndex = new int[0];
    private int[] rootCpu = new int[0];
    private int[] rootMemory = new int[0];
    private boolean useIndexTree;
    private boolean useCpuTree;
    private boolean useMemoryTree;
    private EcsTaskGroup[] treeGroups = new EcsTaskGroup[0];

    private int[] classScratch = new int[8];
    private int[] candidates = new int[64];
    private int candidateCount;

    /**
     * @param random the cluster's placement stream, e.g. {@code streams.stream("placement", clusterName)};
     *     only the random strategy draws from it
     */
    public EcsPlacer(ContainerHosts hosts, SplittableRandom random) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.random = Objects.requireNonNull(random, "random");
        if (hosts.kind() != HostKind.ECS_CONTAINER_INSTANCE) {
            throw new IllegalArgumentException("EcsPlacer places on ECS container instances, not " + hosts.kind());
        }
        byIndex = new HostTreap(hosts);
        byCpu = new HostTreap(hosts);
        byMemory = new HostTreap(hosts);
        hosts.addListener(this);
    }

    public ContainerHosts hosts() {
        return hosts;
    }

    /**
     * A task group, e.g. {@code group("service:web", def, PlacementStrategy.SERVICE_DEFAULT, List.of())}.
     * Each call makes a new group with its own counts.
     */
    public EcsTaskGroup group(String name, EcsTaskDefinition definition, List<PlacementStrategy> strategies,
            List<PlacementConstraint> constraints) {
        EcsTaskGroup g = new EcsTaskGroup(this, name, definition, strategies, constraints);
        g.ensureHostCapacity(hosts.hostSlots());
        g.syncClasses(hosts.classCount());
        int first = g.prefixLength < g.kinds.length ? g.kinds[g.prefixLength] : -1;
        if (first == EcsTaskGroup.BINPACK_CPU) {
            useCpuTree = enable(byCpu, useCpuTree);
        } else if (first == EcsTaskGroup.BINPACK_MEMORY) {
            useMemoryTree = enable(byMemory, useMemoryTree);
        } else if (first != EcsTaskGroup.SPREAD_INSTANCE) {
            // No strategy after the attribute spreads, or random (whose fallback scans by index).
            useIndexTree = enable(byIndex, useIndexTree);
        }
        if (g.spreadTree != null) {
            treeGroups = Arrays.copyOf(treeGroups, treeGroups.length + 1);
            treeGroups[treeGroups.length - 1] = g;
            for (int h = 0; h < hosts.hostSlots(); h++) {
                if (hosts.isActive(h) && !hosts.isCordoned(h)) {
                    int c = hosts.hostClass(h);
                    g.spreadRoot[c] = g.spreadTree.insert(g.spreadRoot[c], h, 0);
                }
            }
        }
        return g;
    }

    // ---- index maintenance ----

    /** Builds a shared tree the first time a group needs it; until then no capacity change touches it. */
    private boolean enable(HostTreap tree, boolean enabled) {
        if (enabled) {
            return true;
        }
        ensureClasses(hosts.classCount());
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (hosts.isActive(h) && !hosts.isCordoned(h)) {
                int c = hosts.hostClass(h);
                if (tree == byIndex) {
                    rootIndex[c] = byIndex.insert(rootIndex[c], h, 0);
                } else if (tree == byCpu) {
                    rootCpu[c] = byCpu.insert(rootCpu[c], h, hosts.cpuFree(h));
                } else {
                    rootMemory[c] = byMemory.insert(rootMemory[c], h, hosts.memoryFreeMiB(h));
                }
            }
        }
        return true;
    }

    @Override
    public void hostAdded(int h) {
        int c = hosts.hostClass(h);
        ensureClasses(hosts.classCount());
        if (useIndexTree) {
            rootIndex[c] = byIndex.insert(rootIndex[c], h, 0);
        }
        if (useCpuTree) {
            rootCpu[c] = byCpu.insert(rootCpu[c], h, hosts.cpuFree(h));
        }
        if (useMemoryTree) {
            rootMemory[c] = byMemory.insert(rootMemory[c], h, hosts.memoryFreeMiB(h));
        }
        for (EcsTaskGroup g : treeGroups) {
            g.ensureHostCapacity(hosts.hostSlots());
            g.syncClasses(hosts.classCount());
            g.spreadRoot[c] = g.spreadTree.insert(g.spreadRoot[c], h, g.countOnHost[h]);
        }
    }

    @Override
    public void hostRemoving(int h) {
        if (!hosts.isCordoned(h)) {
            dropFromIndexes(h);
        }
    }

    /** A DRAINING instance leaves every index at once: no placement can reach it, and its releases are ignored. */
    @Override
    public void hostCordoned(int h) {
        dropFromIndexes(h);
    }

    private void dropFromIndexes(int h) {
        int c = hosts.hostClass(h);
        if (useIndexTree) {
            rootIndex[c] = byIndex.remove(rootIndex[c], h);
        }
        if (useCpuTree) {
            rootCpu[c] = byCpu.remove(rootCpu[c], h);
        }
        if (useMemoryTree) {
            rootMemory[c] = byMemory.remove(rootMemory[c], h);
        }
        for (EcsTaskGroup g : treeGroups) {
            g.spreadRoot[c] = g.spreadTree.remove(g.spreadRoot[c], h);
        }
    }

    @Override
    public void capacityChanged(int h) {
        if (hosts.isCordoned(h)) {
            return;
        }
        int c = hosts.hostClass(h);
        if (useIndexTree) {
            rootIndex[c] = byIndex.update(rootIndex[c], h, 0);
        }
        if (useCpuTree) {
            rootCpu[c] = byCpu.update(rootCpu[c], h, hosts.cpuFree(h));
        }
        if (useMemoryTree) {
            rootMemory[c] = byMemory.update(rootMemory[c], h, hosts.memoryFreeMiB(h));
        }
        for (EcsTaskGroup g : treeGroups) {
            g.spreadRoot[c] = g.spreadTree.update(g.spreadRoot[c], h, g.countOnHost[h]);
        }
    }

    private void ensureClasses(int classes) {
        if (rootIndex.length >= classes) {
            return;
        }
        int old = rootIndex.length;
        int n = Math.max(classes, old * 2);
        rootIndex = grownRoots(rootIndex, old, n);
        rootCpu = grownRoots(rootCpu, old, n);
        rootMemory = grownRoots(rootMemory, old, n);
    }

    private static int[] grownRoots(int[] roots, int old, int n) {
        int[] grown = Arrays.copyOf(roots, n);
        Arrays.fill(grown, old, n, HostTreap.NIL);
        return grown;
    }

    // ---- search ----

    int find(EcsTaskGroup g) {
        int classes = hosts.classCount();
        g.syncClasses(classes);
        g.ensureHostCapacity(hosts.hostSlots());
        if (classScratch.length < classes) {
            classScratch = new int[Math.max(classes, classScratch.length * 2)];
        }
        int[] cls = classScratch;
        int m = 0;
        for (int c = 0; c < classes; c++) {
            if (hosts.classSize(c) > 0 && g.eligible(c)) {
                cls[m++] = c;
            }
        }
        if (g.prefixLength > 0) {
            sortByPrefix(g, cls, m);
        }
        int i = 0;
        while (i < m) {
            int j = i + 1;
            while (j < m && comparePrefix(g, cls[i], cls[j]) == 0) {
                j++;
            }
            int h = searchTier(g, cls, i, j);
            if (h >= 0) {
                return h;
            }
            i = j;
        }
        return -1;
    }

    private int searchTier(EcsTaskGroup g, int[] cls, int from, int to) {
        int cpu = g.cpuRequest();
        int mem = g.memoryRequestMiB();
        int strategy = g.prefixLength;
        if (strategy == g.kinds.length) {
            int best = HostTreap.NIL;
            for (int i = from; i < to; i++) {
                int h = firstAllowed(g, byIndex, rootIndex[cls[i]], 0, 0);
                if (h != HostTreap.NIL && (best == HostTreap.NIL || h < best)) {
                    best = h;
                }
            }
            return best;
        }
        HostTreap tree;
        int[] roots;
        long lo;
        switch (g.kinds[strategy]) {
            case EcsTaskGroup.RANDOM:
                return randomInTier(g, cls, from, to);
            case EcsTaskGroup.BINPACK_CPU:
                tree = byCpu;
                roots = rootCpu;
                lo = cpu;
                break;
            case EcsTaskGroup.BINPACK_MEMORY:
                tree = byMemory;
                roots = rootMemory;
                lo = mem;
                break;
            default:
                tree = g.spreadTree;
                roots = g.spreadRoot;
                lo = 0;
                break;
        }
        int best = HostTreap.NIL;
        long bestKey = 0;
        for (int i = from; i < to; i++) {
            int h = firstAllowed(g, tree, roots[cls[i]], lo, 0);
            if (h != HostTreap.NIL) {
                long k = tree.key(h);
                if (best == HostTreap.NIL || k < bestKey || k == bestKey && h < best) {
                    best = h;
                    bestKey = k;
                }
            }
        }
        if (best == HostTreap.NIL || strategy + 1 == g.kinds.length) {
            return best;
        }
        candidateCount = 0;
        for (int i = from; i < to; i++) {
            int root = roots[cls[i]];
            int h = firstAllowed(g, tree, root, bestKey, 0);
            while (h != HostTreap.NIL && tree.key(h) == bestKey) {
                addCandidate(h);
                h = firstAllowed(g, tree, root, bestKey, h + 1);
            }
        }
        Arrays.sort(candidates, 0, candidateCount);
        return linearRest(g, strategy + 1);
    }

    /** The first host in tree order from (loKey, loHost) that fits and that distinctInstance allows. */
    private int firstAllowed(EcsTaskGroup g, HostTreap tree, int root, long loKey, int loHost) {
        int cpu = g.cpuRequest();
        int mem = g.memoryRequestMiB();
        while (true) {
            int h = tree.firstFit(root, loKey, loHost, cpu, mem);
            if (h == HostTreap.NIL || !g.distinctInstance || g.countOnHost[h] == 0) {
                return h;
            }
            if (tree == g.spreadTree) {
                return HostTreap.NIL; // ordered by the group's count: every later host runs a task too
            }
            loKey = tree.key(h);
            loHost = h + 1;
        }
    }

    /** Applies strategies {@code from..} to the candidates (sorted by index), narrowing to the best each time. */
    private int linearRest(EcsTaskGroup g, int from) {
        for (int s = from; s < g.kinds.length && candidateCount > 1; s++) {
            if (g.kinds[s] == EcsTaskGroup.RANDOM) {
                return candidates[random.nextInt(candidateCount)];
            }
            long min = Long.MAX_VALUE;
            for (int i = 0; i < candidateCount; i++) {
                min = Math.min(min, strategyKey(g, s, candidates[i]));
            }
            int kept = 0;
            for (int i = 0; i < candidateCount; i++) {
                if (strategyKey(g, s, candidates[i]) == min) {
                    candidates[kept++] = candidates[i];
                }
            }
            candidateCount = kept;
        }
        return candidates[0];
    }

    private long strategyKey(EcsTaskGroup g, int s, int h) {
        switch (g.kinds[s]) {
            case EcsTaskGroup.BINPACK_CPU:
                return hosts.cpuFree(h);
            case EcsTaskGroup.BINPACK_MEMORY:
                return hosts.memoryFreeMiB(h);
            case EcsTaskGroup.SPREAD_INSTANCE:
                return g.countOnHost[h];
            default:
                return g.attributeCount(g.slotOf[s], hosts.hostClass(h));
        }
    }

    /** Uniform over the tier's hosts that fit: rejection sampling, then a scan if the draws keep missing. */
    private int randomInTier(EcsTaskGroup g, int[] cls, int from, int to) {
        int total = 0;
        for (int i = from; i < to; i++) {
            total += hosts.classSize(cls[i]);
        }
        int cpu = g.cpuRequest();
        int mem = g.memoryRequestMiB();
        for (int draw = 0; draw < RANDOM_DRAWS; draw++) {
            int r = random.nextInt(total);
            int i = from;
            while (r >= hosts.classSize(cls[i])) {
                r -= hosts.classSize(cls[i]);
                i++;
            }
            int h = hosts.classMember(cls[i], r);
            if (allows(g, h, cpu, mem)) {
                return h;
            }
        }
        candidateCount = 0;
        for (int i = from; i < to; i++) {
            int h = firstAllowed(g, byIndex, rootIndex[cls[i]], 0, 0);
            while (h != HostTreap.NIL) {
                addCandidate(h);
                h = firstAllowed(g, byIndex, rootIndex[cls[i]], 0, h + 1);
            }
        }
        if (candidateCount == 0) {
            return -1;
        }
        Arrays.sort(candidates, 0, candidateCount);
        return candidates[random.nextInt(candidateCount)];
    }

    private boolean allows(EcsTaskGroup g, int h, int cpu, int mem) {
        return hosts.cpuFree(h) >= cpu && hosts.memoryFreeMiB(h) >= mem
                && (!g.distinctInstance || g.countOnHost[h] == 0);
    }

    private void addCandidate(int h) {
        if (candidateCount == candidates.length) {
            candidates = Arrays.copyOf(candidates, candidateCount * 2);
        }
        candidates[candidateCount++] = h;
    }

    private static int comparePrefix(EcsTaskGroup g, int a, int b) {
        for (int s = 0; s < g.prefixLength; s++) {
            int slot = g.slotOf[s];
            int d = Integer.compare(g.attributeCount(slot, a), g.attributeCount(slot, b));
            if (d != 0) {
                return d;
            }
        }
        return 0;
    }

    /** Insertion sort by (leading spread counts, class id): classes are few. */
    private static void sortByPrefix(EcsTaskGroup g, int[] cls, int m) {
        for (int i = 1; i < m; i++) {
            int c = cls[i];
            int j = i - 1;
            while (j >= 0 && (comparePrefix(g, cls[j], c) > 0 || comparePrefix(g, cls[j], c) == 0 && cls[j] > c)) {
                cls[j + 1] = cls[j];
                j--;
            }
            cls[j + 1] = c;
        }
    }

    /** A diagnostic scan naming the first stage that rules every host out, in ECS's words where it has them. */
    String pendingReason(EcsTaskGroup g) {
        if (hosts.activeHostCount() == 0) {
            return "no container instances in the cluster";
        }
        if (hosts.schedulableHostCount() == 0) {
            return "every container instance is DRAINING";
        }
        g.syncClasses(hosts.classCount());
        g.ensureHostCapacity(hosts.hostSlots());
        int cpu = g.cpuRequest();
        int mem = g.memoryRequestMiB();
        int archOk = 0;
        int memberOk = 0;
        int cpuOk = 0;
        int memOk = 0;
        int distinctOk = 0;
        for (int h = 0; h < hosts.hostSlots(); h++) {
            if (!hosts.isActive(h) || hosts.isCordoned(h) || !g.architectureMatches(hosts.hostClass(h))) {
                continue;
            }
            archOk++;
            if (!g.eligible(hosts.hostClass(h))) {
                continue;
            }
            memberOk++;
            if (hosts.cpuFree(h) < cpu) {
                continue;
            }
            cpuOk++;
            if (hosts.memoryFreeMiB(h) < mem) {
                continue;
            }
            memOk++;
            if (g.distinctInstance && g.countOnHost[h] > 0) {
                continue;
            }
            distinctOk++;
        }
        if (archOk == 0) {
            return "ATTRIBUTE: no container instance has ecs.cpu-architecture "
                    + g.definition().architecture().key();
        }
        if (memberOk == 0) {
            return "MemberOf placement constraint unsatisfied: " + g.memberOfText();
        }
        if (cpuOk == 0) {
            return "RESOURCE:CPU: no container instance has " + cpu + " CPU units free";
        }
        if (memOk == 0) {
            return "RESOURCE:MEMORY: no container instance has " + mem + " MiB free with the CPU";
        }
        if (distinctOk == 0) {
            return "DistinctInstance placement constraint unsatisfied";
        }
        return "no container instance fits";
    }
}
