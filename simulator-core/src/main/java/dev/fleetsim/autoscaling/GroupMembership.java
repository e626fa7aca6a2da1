package dev.fleetsim.autoscaling;

import dev.fleetsim.cluster.ContainerHosts;
import dev.fleetsim.cluster.HostSpec;
import dev.fleetsim.cluster.NodeGroup;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Which {@link NodeGroup} a host of a shared {@link ContainerHosts} belongs to. {@link NodeGroup} does not list its
 * hosts, so a host is the group's when its spec equals one of the group's templates in everything but the zone
 * (type, OS, labels or attributes, taints): EKS managed nodes carry their node group's name as a label
 * ({@code eks.amazonaws.com/nodegroup}), and an ECS capacity provider has its container instances to itself.
 * Decided once per host class.
 */
final class GroupMembership {

    private final ContainerHosts hosts;
    private final List<NodeGroup> groups;
    /** Per group, its templates as seen at construction (zone aside, templates do not change). */
    private final HostSpec[][] templates;
    /** Per host class: the owning group's index, -1 none, -2 not decided yet. */
    private int[] owner = new int[0];

    GroupMembership(ContainerHosts hosts, List<NodeGroup> groups) {
        this.hosts = Objects.requireNonNull(hosts, "hosts");
        this.groups = List.copyOf(groups);
        templates = new HostSpec[this.groups.size()][];
        for (int g = 0; g < templates.length; g++) {
            NodeGroup group = this.groups.get(g);
            if (group.hosts() != hosts) {
                throw new IllegalArgumentException("node group " + group.name() + " joins other hosts");
            }
            templates[g] = new HostSpec[group.templateCount()];
            for (int i = 0; i < templates[g].length; i++) {
                templates[g][i] = group.template(i);
            }
        }
    }

    /** The index of the group that owns the active host, or -1 if none of the groups does. */
    int groupOf(int host) {
        int c = hosts.hostClass(host);
        if (c >= owner.length) {
            int old = owner.length;
            owner = Arrays.copyOf(owner, Math.max(c + 1, old * 2));
            Arrays.fill(owner, old, owner.length, -2);
        }
        if (owner[c] == -2) {
            owner[c] = decide(hosts.classSpec(c));
        }
        return owner[c];
    }

    private int decide(HostSpec spec) {
        for (int g = 0; g < templates.length; g++) {
            for (HostSpec t : templates[g]) {
                if (t.instanceType().equals(spec.instanceType()) && t.os() == spec.os()
                        && t.attributes().equals(spec.attributes()) && t.taints().equals(spec.taints())) {
                    return g;
                }
            }
        }
        return -1;
    }
}
