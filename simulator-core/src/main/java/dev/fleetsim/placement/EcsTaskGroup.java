package dev.fleetsim.placement;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostAttributes;
import dev.fleetsim.cluster.HostKind;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.placement.PlacementStrategy.Binpack;
import dev.fleetsim.placement.PlacementStrategy.Resource;
import dev.fleetsim.placement.PlacementStrategy.Spread;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An ECS task group (a service's tasks, or the standalone tasks of one family) placed by an
 * {@link EcsPlacer}: the task definition, its strategies and constraints, and the per-host and
 * per-attribute-value task counts that spread and distinctInstance need. Create it with
 * {@link EcsPlacer#group}.
 */
public final class EcsTaskGroup implements PlacementGroup {

    static final int BINPACK_CPU = 0;
    static final int BINPACK_MEMORY = 1;
    static final int SPREAD_INSTANCE = 2;
    static final int SPREAD_ATTRIBUTE = 3;
    static final int RANDOM = 4;

    private static final byte UNKNOWN = 0;
    private static final byte ELIGIBLE = 1;
    private static final byte INELIGIBLE = 2;

    final EcsPlacer placer;
    private final String name;
    private final EcsTaskDefinition definition;
    private final List<PlacementStrategy> strategies;
    private final List<PlacementConstraint> constraints;
    final boolean distinctInstance;
    private final ClusterQuery[] memberOf;

    /** Per strategy: its kind, and for attribute spreads the attribute slot. */
    final int[] kinds;
    final int[] slotOf;
    /** How many strategies at the front spread on an attribute (they order host classes, not hosts). */
    final int prefixLength;

    private final String[] slotAttribute;
    private final List<Map<String, Integer>> valueIds = new ArrayList<>();
    int[][] valueOfClass;
    int[][] countByValue;

    private byte[] eligibility = new byte[0];
    private int classesKnown;

    int[] countOnHost = new int[0];
    private int running;

    /** Present when the first strategy after the attribute spreads is spread by instance. */
    final HostTreap spreadTree;
    int[] spreadRoot = new int[0];

    EcsTaskGroup(EcsPlacer placer, String name, EcsTaskDefinition definition, List<PlacementStrategy> strategies,
            List<PlacementConstraint> constraints) {
        this.placer = placer;
        this.name = Objects.requireNonNull(name, "name");
        this.definition = Objects.requireNonNull(definition, "definition");
        this.strategies = List.copyOf(strategies);
        this.constraints = List.copyOf(constraints);
        boolean distinct = false;
        List<ClusterQuery> queries = new ArrayList<>();
        for (PlacementConstraint c : this.constraints) {
            if (c instanceof PlacementConstraint.DistinctInstance) {
                distinct = true;
            } else {
                queries.add(((PlacementConstraint.MemberOf) c).query());
            }
        }
        this.distinctInstance = distinct;
        this.memberOf = queries.toArray(new ClusterQuery[0]);

        int n = this.strategies.size();
        kinds = new int[n];
        slotOf = new int[n];
        List<String> attributes = new ArrayList<>();
        int prefix = 0;
        boolean inPrefix = true;
        for (int i = 0; i < n; i++) {
            PlacementStrategy s = this.strategies.get(i);
            slotOf[i] = -1;
            if (s instanceof Binpack) {
                kinds[i] = ((Binpack) s).resource() == Resource.CPU ? BINPACK_CPU : BINPACK_MEMORY;
            } else if (s instanceof Spread && ((Spread) s).byInstance()) {
                kinds[i] = SPREAD_INSTANCE;
            } else if (s instanceof Spread) {
                kinds[i] = SPREAD_ATTRIBUTE;
                slotOf[i] = attributes.size();
                attributes.add(((Spread) s).attribute());
                valueIds.add(new HashMap<>());
            } else {
                kinds[i] = RANDOM;
            }
            if (inPrefix && kinds[i] == SPREAD_ATTRIBUTE) {
                prefix++;
            } else {
                inPrefix = false;
            }
        }
        prefixLength = prefix;
        slotAttribute = attributes.toArray(new String[0]);
        valueOfClass = new int[slotAttribute.length][0];
        countByValue = new int[slotAttribute.length][0];
        boolean ownTree = prefixLength < n && kinds[prefixLength] == SPREAD_INSTANCE;
        spreadTree = ownTree ? new HostTreap(placer.hosts()) : null;
    }

    @Override
    public String name() {
        return name;
    }

    public EcsTaskDefinition definition() {
        return definition;
    }

    public List<PlacementStrategy> strategies() {
        return strategies;
    }

    public List<PlacementConstraint> constraints() {
        return constraints;
    }

    @Override
    public ContainerHosts hosts() {
        return placer.hosts();
    }

    @Override
    public int cpuRequest() {
        return definition.cpuUnits();
    }

    @Override
    public int memoryRequestMiB() {
        return definition.memoryMiB();
    }

    @Override
    public int findHost() {
        return placer.find(this);
    }

    @Override
    public void commit(int host) {
        ContainerHosts hosts = placer.hosts();
        if (!hosts.isActive(host)) {
            throw new IllegalArgumentException("no active host at index " + host);
        }
        syncClasses(hosts.classCount());
        if (!eligible(hosts.hostClass(host)) || distinctInstance && countOnHost[host] > 0) {
            throw new IllegalArgumentException("host " + hosts.hostId(host) + " breaks a constraint of group " + name);
        }
        if (!hosts.fits(host, definition.cpuUnits(), definition.memoryMiB())) {
            throw new IllegalStateException("host " + hosts.hostId(host) + " cannot fit a task of group " + name);
        }
        ensureHostCapacity(hosts.hostSlots());
        countOnHost[host]++;
        changeAttributeCounts(host, 1);
        running++;
        // The capacity listener re-sorts the host in every tree, this group's spread tree with the new count.
        hosts.allocateTask(host, definition.cpuUnits(), definition.memoryMiB());
    }

    @Override
    public void release(int host) {
        if (host < 0 || host >= countOnHost.length || countOnHost[host] == 0) {
            throw new IllegalArgumentException("group " + name + " has no task on host index " + host);
        }
        countOnHost[host]--;
        changeAttributeCounts(host, -1);
        running--;
        placer.hosts().releaseTask(host, definition.cpuUnits(), definition.memoryMiB());
    }

    @Override
    public int runningOn(int host) {
        return host < countOnHost.length ? countOnHost[host] : 0;
    }

    @Override
    public int runningCount() {
        return running;
    }

    /** Tasks of this group on hosts whose attribute {@code attribute} of a spread strategy equals {@code value}. */
    public int runningWhere(String attribute, String value) {
        for (int s = 0; s < slotAttribute.length; s++) {
            if (slotAttribute[s].equals(attribute)) {
                Integer id = valueIds.get(s).get(value);
                return id == null ? 0 : countByValue[s][id];
            }
        }
        throw new IllegalArgumentException("group " + name + " does not spread on attribute " + attribute);
    }

    /** True when each task of the group needs its own container instance (the distinctInstance constraint). */
    public boolean distinctInstance() {
        return distinctInstance;
    }

    /**
     * True if a container instance of {@code template} would pass this group's static checks (architecture and
     * memberOf), resources aside: what cluster auto scaling asks of the capacity provider's instance type.
     */
    public boolean admits(HostSpec template) {
        if (template.instanceType().architecture() != definition.architecture()) {
            return false;
        }
        for (ClusterQuery q : memberOf) {
            if (!q.test(attribute -> HostAttributes.classValue(HostKind.ECS_CONTAINER_INSTANCE, template, attribute))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String pendingReason() {
        return placer.pendingReason(this);
    }

    private void changeAttributeCounts(int host, int delta) {
        int c = placer.hosts().hostClass(host);
        for (int s = 0; s < slotAttribute.length; s++) {
            countByValue[s][valueOfClass[s][c]] += delta;
        }
    }

    void ensureHostCapacity(int slots) {
        if (countOnHost.length < slots) {
            countOnHost = Arrays.copyOf(countOnHost, Math.max(slots, countOnHost.length * 2));
        }
    }

    /** Static checks: architecture and memberOf; the same for every host of a class. */
    boolean eligible(int hostClass) {
        return eligibility[hostClass] == ELIGIBLE;
    }

    /** Evaluates the static checks and interns the spread attribute values of classes first seen. */
    void syncClasses(int classes) {
        if (classes == classesKnown) {
            return;
        }
        ContainerHosts hosts = placer.hosts();
        eligibility = Arrays.copyOf(eligibility, Math.max(classes, eligibility.length * 2));
        if (spreadTree != null && spreadRoot.length < classes) {
            int old = spreadRoot.length;
            spreadRoot = Arrays.copyOf(spreadRoot, Math.max(classes, old * 2));
            Arrays.fill(spreadRoot, old, spreadRoot.length, HostTreap.NIL);
        }
        for (int s = 0; s < slotAttribute.length; s++) {
            if (valueOfClass[s].length < classes) {
                valueOfClass[s] = Arrays.copyOf(valueOfClass[s], Math.max(classes, valueOfClass[s].length * 2));
            }
        }
        for (int c = classesKnown; c < classes; c++) {
            eligibility[c] = staticallyAllowed(c) ? ELIGIBLE : INELIGIBLE;
            for (int s = 0; s < slotAttribute.length; s++) {
                // A host without the attribute counts under its own value (null).
                String value = hosts.classAttribute(c, slotAttribute[s]);
                Map<String, Integer> ids = valueIds.get(s);
                Integer id = ids.get(value);
                if (id == null) {
                    id = ids.size();
                    ids.put(value, id);
                    if (countByValue[s].length <= id) {
                        countByValue[s] = Arrays.copyOf(countByValue[s], Math.max(4, id * 2));
                    }
                }
                valueOfClass[s][c] = id;
            }
        }
        classesKnown = classes;
    }

    boolean staticallyAllowed(int hostClass) {
        ContainerHosts hosts = placer.hosts();
        if (hosts.classSpec(hostClass).instanceType().architecture() != definition.architecture()) {
            return false;
        }
        for (ClusterQuery q : memberOf) {
            if (!q.test(attribute -> hosts.classAttribute(hostClass, attribute))) {
                return false;
            }
        }
        return true;
    }

    boolean architectureMatches(int hostClass) {
        return placer.hosts().classSpec(hostClass).instanceType().architecture() == definition.architecture();
    }

    String memberOfText() {
        StringBuilder b = new StringBuilder();
        for (PlacementConstraint c : constraints) {
            if (c instanceof PlacementConstraint.MemberOf) {
                b.append(b.length() == 0 ? "" : "; ").append(((PlacementConstraint.MemberOf) c).expression());
            }
        }
        return b.toString();
    }

    /** The attribute-spread key of strategy slot {@code slot} for a host class. */
    int attributeCount(int slot, int hostClass) {
        return countByValue[slot][valueOfClass[slot][hostClass]];
    }

    @Override
    public String toString() {
        return "EcsTaskGroup[" + name + ", " + definition + ", " + strategies + ", " + constraints + "]";
    }
}
