package dev.fleetsim.placement;

import dev.fleetsim.cluster.HostAttributes;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The pods of one workload per topology domain of one spread constraint, and the least count over the
 * domains that exist (aws-rules.md item 8: skew = count in a domain - global minimum). A domain exists
 * while at least one node that matches the pod's node selector and affinity carries it; nodes without the
 * key belong to no domain. The minimum is kept with a histogram of domain counts, so every update is O(1)
 * amortized. The hostname key gives one domain per node, numbered by host index.
 */
final class SpreadCounter {

    final TopologySpreadConstraint constraint;
    final boolean hostname;
    private final Map<String, Integer> domainIds = new HashMap<>(); // lookup only
    private int[] hostDomain = new int[0];
    private int[] domainNodes = new int[0];
    private int[] domainCount = new int[0];
    private int[] histogram = new int[4];
    private int domains;
    private int min;
    /** Scratch for counting distinct domains during one scoring pass. */
    private int[] stamp = new int[0];

    SpreadCounter(TopologySpreadConstraint constraint) {
        this.constraint = constraint;
        this.hostname = HostAttributes.K8S_HOSTNAME.equals(constraint.topologyKey());
    }

    /** The node's domain, or -1 when it has none (lacks the key or does not match the pod's affinity). */
    int domainOf(int host) {
        return host < hostDomain.length ? hostDomain[host] : -1;
    }

    int count(int domain) {
        return domainCount[domain];
    }

    /** The least pod count over existing domains (0 when there is none). */
    int min() {
        return min;
    }

    void nodeAdded(int host, String label, boolean matchesAffinity) {
        ensureHosts(host + 1);
        if (label == null || !matchesAffinity) {
            hostDomain[host] = -1;
            return;
        }
        int d;
        if (hostname) {
            d = host;
        } else {
            Integer id = domainIds.get(label);
            if (id == null) {
                id = domainIds.size();
                domainIds.put(label, id);
            }
            d = id;
        }
        ensureDomains(d + 1);
        hostDomain[host] = d;
        if (domainNodes[d]++ == 0) {
            int c = domainCount[d];
            ensureHistogram(c);
            histogram[c]++;
            min = domains == 0 ? c : Math.min(min, c);
            domains++;
        }
    }

    void nodeRemoving(int host) {
        int d = domainOf(host);
        if (d < 0) {
            return;
        }
        hostDomain[host] = -1;
        if (--domainNodes[d] == 0) {
            int c = domainCount[d];
            histogram[c]--;
            domains--;
            if (domains == 0) {
                min = 0;
            } else if (c == min) {
                while (histogram[min] == 0) {
                    min++;
                }
            }
        }
    }

    void podAdded(int host) {
        int d = domainOf(host);
        if (d < 0) {
            return;
        }
        int c = domainCount[d]++;
        if (domainNodes[d] > 0) {
            ensureHistogram(c + 1);
            histogram[c]--;
            histogram[c + 1]++;
            if (c == min && histogram[c] == 0) {
                min = c + 1;
            }
        }
    }

    void podRemoved(int host) {
        int d = domainOf(host);
        if (d < 0) {
            return;
        }
        int c = domainCount[d]--;
        if (domainNodes[d] > 0) {
            histogram[c]--;
            histogram[c - 1]++;
            min = Math.min(min, c - 1);
        }
    }

    /** Counts distinct domains among the given nodes (skipping those without one). */
    int distinctDomains(int[] nodes, int n, int pass) {
        if (hostname) {
            int k = 0;
            for (int i = 0; i < n; i++) {
                k += domainOf(nodes[i]) >= 0 ? 1 : 0;
            }
            return k;
        }
        if (stamp.length < domainCount.length) {
            stamp = Arrays.copyOf(stamp, domainCount.length);
        }
        int k = 0;
        for (int i = 0; i < n; i++) {
            int d = domainOf(nodes[i]);
            if (d >= 0 && stamp[d] != pass) {
                stamp[d] = pass;
                k++;
            }
        }
        return k;
    }

    private void ensureHosts(int n) {
        if (hostDomain.length < n) {
            int old = hostDomain.length;
            hostDomain = Arrays.copyOf(hostDomain, Math.max(n, old * 2));
            Arrays.fill(hostDomain, old, hostDomain.length, -1);
        }
    }

    private void ensureDomains(int n) {
        if (domainCount.length < n) {
            int size = Math.max(n, domainCount.length * 2);
            domainCount = Arrays.copyOf(domainCount, size);
            domainNodes = Arrays.copyOf(domainNodes, size);
        }
    }

    private void ensureHistogram(int count) {
        if (histogram.length <= count) {
            histogram = Arrays.copyOf(histogram, Math.max(count + 1, histogram.length * 2));
        }
    }
}
