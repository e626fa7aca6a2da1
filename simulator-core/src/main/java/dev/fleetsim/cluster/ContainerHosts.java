package dev.fleetsim.cluster;

import dev.fleetsim.catalog.InstanceType;
import dev.fleetsim.processor.Architecture;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The container hosts of one cluster (ECS container instances or EKS nodes) and their capacity
 * bookkeeping, in primitive arrays indexed by host. A removed host's index is reused by the next host
 * added (lowest free index first), so arrays stay as large as the peak host count.
 *
 * <p>Hosts with equal {@link HostSpec}s share a host class (numbered in order of first appearance);
 * {@link #classMember(int, int)} lists a class's active hosts for sampling.
 *
 * <p>Reserved overhead, fixed when a host joins: ECS, the {@link EcsReservation} given at construction
 * (default none); EKS, kubeReserved and the eviction threshold of the EKS AMI ({@link KubeReserved}), and
 * a pod limit of the type's max pods (aws-rules.md item 6, E14). DaemonSet pods are reserved on top
 * through {@link #reserveOverhead}.
 *
 * <p>Not thread-safe; one instance belongs to one simulation.
 */
public final class ContainerHosts implements HostView {

    private static final HostListener[] NO_LISTENERS = {};

    private final HostKind kind;
    private final EcsReservation ecsReservation;

    private final List<HostSpec> classSpecs = new ArrayList<>();
    // Lookup only, never iterated.
    private final Map<HostSpec, Integer> classIds = new HashMap<>();
    private int[][] classMembers = new int[4][];
    private int[] classSizes = new int[4];

    private int highWater;
    private int activeCount;
    private int cordonedCount;
    private final BitSet freeIndices = new BitSet();
    private boolean[] active;
    private boolean[] cordoned;
    private String[] hostIds;
    private int[] hostClass;
    private int[] memberPosition;
    private int[] cpuCapacity;
    private int[] cpuReserved;
    private int[] cpuAllocated;
    private int[] memCapacity;
    private int[] memReserved;
    private int[] memAllocated;
    private int[] podCapacity;
    private int[] podsAllocated;
    private int[] running;

    private HostListener[] listeners = NO_LISTENERS;

    private ContainerHosts(HostKind kind, EcsReservation ecsReservation) {
        this.kind = kind;
        this.ecsReservation = ecsReservation;
        allocate(16);
    }

    /** ECS container instances without a reservation. */
    public static ContainerHosts ecs() {
        return new ContainerHosts(HostKind.ECS_CONTAINER_INSTANCE, EcsReservation.NONE);
    }

    /** ECS container instances that keep {@code reservation} back from tasks (ECS_RESERVED_MEMORY). */
    public static ContainerHosts ecs(EcsReservation reservation) {
        return new ContainerHosts(HostKind.ECS_CONTAINER_INSTANCE, Objects.requireNonNull(reservation, "reservation"));
    }

    /** EKS nodes with the EKS AMI's reservations. */
    public static ContainerHosts eks() {
        return new ContainerHosts(HostKind.EKS_NODE, EcsReservation.NONE);
    }

    public void addListener(HostListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners = Arrays.copyOf(listeners, listeners.length + 1);
        listeners[listeners.length - 1] = listener;
    }

    /**
     * Adds a host and tells the listeners.
     *
     * @param hostId e.g. the EC2 instance id; used as the Kubernetes hostname
     * @return the host's index
     * @throws IllegalArgumentException if the type has no vCPU or no memory (the catalog's unknown values),
     *     or its reservation exceeds its capacity
     */
    public int addHost(HostSpec spec, String hostId) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(hostId, "hostId");
        InstanceType type = spec.instanceType();
        if (type.vcpu() <= 0 || type.memoryMiB() <= 0) {
            throw new IllegalArgumentException(type.name() + " has no known vCPU count or memory; it cannot host tasks");
        }
        int cpu = type.vcpu() * kind.cpuPerVcpu();
        int cpuRes = reservedCpu(type);
        int memRes = reservedMemoryMiB(type);
        int pods = podLimit(type);
        if (cpuRes > cpu || memRes > type.memoryMiB()) {
            throw new IllegalArgumentException(type.name() + ": reserved " + cpuRes + " CPU and " + memRes
                    + " MiB exceed its capacity of " + cpu + " CPU and " + type.memoryMiB() + " MiB");
        }
        int h = freeIndices.nextSetBit(0);
        if (h < 0) {
            h = highWater++;
            if (h == active.length) {
                allocate(active.length * 2);
            }
        } else {
            freeIndices.clear(h);
        }
        int c = classOf(spec);
        active[h] = true;
        cordoned[h] = false;
        hostIds[h] = hostId;
        hostClass[h] = c;
        cpuCapacity[h] = cpu;
        cpuReserved[h] = cpuRes;
        cpuAllocated[h] = 0;
        memCapacity[h] = type.memoryMiB();
        memReserved[h] = memRes;
        memAllocated[h] = 0;
        podCapacity[h] = pods;
        podsAllocated[h] = 0;
        running[h] = 0;
        addMember(c, h);
        activeCount++;
        for (HostListener l : listeners) {
            l.hostAdded(h);
        }
        return h;
    }

    // ---- what a host of a spec would offer (for capacity controllers estimating new hosts) ----

    /**
     * CPU a host of {@code spec} would offer tasks when it joins: capacity minus this cluster's reservation
     * (DaemonSet pods not deducted). 0 for a type without a known vCPU count.
     */
    public int allocatableCpuOf(HostSpec spec) {
        InstanceType type = spec.instanceType();
        return Math.max(0, type.vcpu() * kind.cpuPerVcpu() - reservedCpu(type));
    }

    /** Memory a host of {@code spec} would offer tasks when it joins, in MiB (DaemonSet pods not deducted). */
    public int allocatableMemoryMiBOf(HostSpec spec) {
        InstanceType type = spec.instanceType();
        return Math.max(0, type.memoryMiB() - reservedMemoryMiB(type));
    }

    /** Pod slots a host of {@code spec} would have (EKS: max pods; ECS: unlimited, {@link Integer#MAX_VALUE}). */
    public int podCapacityOf(HostSpec spec) {
        return podLimit(spec.instanceType());
    }

    private int reservedCpu(InstanceType type) {
        return kind == HostKind.EKS_NODE ? KubeReserved.cpuMillicores(type.vcpu()) : ecsReservation.cpuUnits();
    }

    private int reservedMemoryMiB(InstanceType type) {
        return kind == HostKind.EKS_NODE ? KubeReserved.memoryHeldBackMiB(podLimit(type)) : ecsReservation.memoryMiB();
    }

    private int podLimit(InstanceType type) {
        return kind == HostKind.EKS_NODE ? KubeReserved.maxPods(type.maxPods()) : Integer.MAX_VALUE;
    }

    /**
     * Removes a host that runs no workload tasks (reserved overhead such as DaemonSet pods goes with it).
     *
     * @throws IllegalStateException if tasks still run on it: evict them first
     */
    public void removeHost(int host) {
        requireActive(host);
        if (running[host] != 0) {
            throw new IllegalStateException("host " + hostIds[host] + " still runs " + running[host]
                    + " tasks; evict them before removing it");
        }
        for (HostListener l : listeners) {
            l.hostRemoving(host);
        }
        if (cordoned[host]) {
            cordonedCount--;
        } else {
            removeMember(hostClass[host], host);
        }
        active[host] = false;
        cordoned[host] = false;
        hostIds[host] = null;
        freeIndices.set(host);
        activeCount--;
    }

    /**
     * Marks a host unschedulable (an ECS container instance set to DRAINING, a cordoned Kubernetes node): its tasks
     * keep running until they are stopped or evicted, nothing new is placed on it, and it leaves its host class's
     * members, so placement indexes never see it again. Idempotent; a cordoned host leaves only through
     * {@link #removeHost}.
     */
    public void cordon(int host) {
        requireActive(host);
        if (cordoned[host]) {
            return;
        }
        for (HostListener l : listeners) {
            l.hostCordoned(host);
        }
        cordoned[host] = true;
        removeMember(hostClass[host], host);
        cordonedCount++;
    }

    /** True if the host is active and cordoned (DRAINING); placement skips it. */
    @Override
    public boolean isCordoned(int host) {
        return isActive(host) && cordoned[host];
    }

    /** Active hosts that accept new tasks: active and not cordoned. */
    public int schedulableHostCount() {
        return activeCount - cordonedCount;
    }

    /** Places one task or pod: allocates its requests and one pod slot. */
    public void allocateTask(int host, int cpu, int memoryMiB) {
        change(host, cpu, memoryMiB, 1, 1);
    }

    /** Releases what {@link #allocateTask} allocated. */
    public void releaseTask(int host, int cpu, int memoryMiB) {
        change(host, -cpu, -memoryMiB, -1, -1);
    }

    /** Reserves a per-host overhead that is not a workload task (a DaemonSet pod: {@code pods} = 1). */
    public void reserveOverhead(int host, int cpu, int memoryMiB, int pods) {
        change(host, cpu, memoryMiB, pods, 0);
    }

    /** Releases what {@link #reserveOverhead} reserved. */
    public void releaseOverhead(int host, int cpu, int memoryMiB, int pods) {
        change(host, -cpu, -memoryMiB, -pods, 0);
    }

    /** True if {@code cpu}, {@code memoryMiB} and one pod slot fit in the host's free capacity. */
    public boolean fits(int host, int cpu, int memoryMiB) {
        return cpuReserved[host] + cpuAllocated[host] + cpu <= cpuCapacity[host]
                && memReserved[host] + memAllocated[host] + memoryMiB <= memCapacity[host]
                && podsAllocated[host] < podCapacity[host];
    }

    private void change(int host, int cpu, int mem, int pods, int tasks) {
        requireActive(host);
        if (cpu < 0 && cpuAllocated[host] + cpu < 0 || mem < 0 && memAllocated[host] + mem < 0
                || podsAllocated[host] + pods < 0 || running[host] + tasks < 0) {
            throw new IllegalStateException("host " + hostIds[host] + ": releasing more than is allocated");
        }
        if (cpu > 0 && cpuReserved[host] + cpuAllocated[host] + cpu > cpuCapacity[host]
                || mem > 0 && memReserved[host] + memAllocated[host] + mem > memCapacity[host]
                || pods > 0 && podsAllocated[host] + pods > podCapacity[host]) {
            throw new IllegalStateException("host " + hostIds[host] + " cannot fit " + cpu + " CPU, " + mem
                    + " MiB, " + pods + " pods: free " + cpuFree(host) + " CPU, " + memoryFreeMiB(host) + " MiB, "
                    + (podCapacity[host] - podsAllocated[host]) + " pods");
        }
        cpuAllocated[host] += cpu;
        memAllocated[host] += mem;
        podsAllocated[host] += pods;
        running[host] += tasks;
        for (HostListener l : listeners) {
            l.capacityChanged(host);
        }
    }

    // ---- classes ----

    /** Host classes seen so far (some may have no active host now). */
    public int classCount() {
        return classSpecs.size();
    }

    public HostSpec classSpec(int hostClass) {
        return classSpecs.get(hostClass);
    }

    /** Active hosts of a class that are not cordoned. */
    public int classSize(int hostClass) {
        return classSizes[hostClass];
    }

    /** The {@code i}-th active, uncordoned host of a class, 0 <= i < classSize; the order changes as hosts leave. */
    public int classMember(int hostClass, int i) {
        return classMembers[hostClass][i];
    }

    /** A class-level attribute (anything but the hostname) of the class's hosts, or null. */
    public String classAttribute(int hostClass, String name) {
        return HostAttributes.classValue(kind, classSpecs.get(hostClass), name);
    }

    private int classOf(HostSpec spec) {
        Integer id = classIds.get(spec);
        if (id != null) {
            return id;
        }
        int c = classSpecs.size();
        classSpecs.add(spec);
        classIds.put(spec, c);
        if (c == classSizes.length) {
            classSizes = Arrays.copyOf(classSizes, c * 2);
            classMembers = Arrays.copyOf(classMembers, c * 2);
        }
        classMembers[c] = new int[4];
        return c;
    }

    private void addMember(int c, int h) {
        int n = classSizes[c];
        if (n == classMembers[c].length) {
            classMembers[c] = Arrays.copyOf(classMembers[c], n * 2);
        }
        classMembers[c][n] = h;
        memberPosition[h] = n;
        classSizes[c] = n + 1;
    }

    private void removeMember(int c, int h) {
        int last = --classSizes[c];
        int pos = memberPosition[h];
        int moved = classMembers[c][last];
        classMembers[c][pos] = moved;
        memberPosition[moved] = pos;
    }

    // ---- view ----

    @Override
    public HostKind kind() {
        return kind;
    }

    @Override
    public int hostSlots() {
        return highWater;
    }

    @Override
    public int activeHostCount() {
        return activeCount;
    }

    @Override
    public boolean isActive(int host) {
        return host >= 0 && host < highWater && active[host];
    }

    @Override
    public String hostId(int host) {
        return hostIds[host];
    }

    @Override
    public int hostClass(int host) {
        return hostClass[host];
    }

    @Override
    public HostSpec spec(int host) {
        return classSpecs.get(hostClass[host]);
    }

    @Override
    public InstanceType instanceType(int host) {
        return spec(host).instanceType();
    }

    @Override
    public Architecture architecture(int host) {
        return spec(host).instanceType().architecture();
    }

    @Override
    public String zone(int host) {
        return spec(host).zone();
    }

    @Override
    public int cpuCapacity(int host) {
        return cpuCapacity[host];
    }

    @Override
    public int cpuReserved(int host) {
        return cpuReserved[host];
    }

    @Override
    public int cpuAllocatable(int host) {
        return cpuCapacity[host] - cpuReserved[host];
    }

    @Override
    public int cpuAllocated(int host) {
        return cpuAllocated[host];
    }

    @Override
    public int cpuFree(int host) {
        return cpuCapacity[host] - cpuReserved[host] - cpuAllocated[host];
    }

    @Override
    public int memoryCapacityMiB(int host) {
        return memCapacity[host];
    }

    @Override
    public int memoryReservedMiB(int host) {
        return memReserved[host];
    }

    @Override
    public int memoryAllocatableMiB(int host) {
        return memCapacity[host] - memReserved[host];
    }

    @Override
    public int memoryAllocatedMiB(int host) {
        return memAllocated[host];
    }

    @Override
    public int memoryFreeMiB(int host) {
        return memCapacity[host] - memReserved[host] - memAllocated[host];
    }

    @Override
    public int podCapacity(int host) {
        return podCapacity[host];
    }

    @Override
    public int podsAllocated(int host) {
        return podsAllocated[host];
    }

    @Override
    public int runningCount(int host) {
        return running[host];
    }

    @Override
    public String attribute(int host, String name) {
        if (kind == HostKind.EKS_NODE && HostAttributes.K8S_HOSTNAME.equals(name)) {
            return hostIds[host];
        }
        return classAttribute(hostClass[host], name);
    }

    private void requireActive(int host) {
        if (!isActive(host)) {
            throw new IllegalArgumentException("no active host at index " + host);
        }
    }

    private void allocate(int n) {
        active = active == null ? new boolean[n] : Arrays.copyOf(active, n);
        cordoned = cordoned == null ? new boolean[n] : Arrays.copyOf(cordoned, n);
        hostIds = hostIds == null ? new String[n] : Arrays.copyOf(hostIds, n);
        hostClass = grow(hostClass, n);
        memberPosition = grow(memberPosition, n);
        cpuCapacity = grow(cpuCapacity, n);
        cpuReserved = grow(cpuReserved, n);
        cpuAllocated = grow(cpuAllocated, n);
        memCapacity = grow(memCapacity, n);
        memReserved = grow(memReserved, n);
        memAllocated = grow(memAllocated, n);
        podCapacity = grow(podCapacity, n);
        podsAllocated = grow(podsAllocated, n);
        running = grow(running, n);
    }

    private static int[] grow(int[] a, int n) {
        return a == null ? new int[n] : Arrays.copyOf(a, n);
    }
}
