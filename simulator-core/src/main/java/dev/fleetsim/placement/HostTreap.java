package dev.fleetsim.placement;

import dev.fleetsim.cluster.ContainerHosts;
import java.util.Arrays;

/**
 * Ordered sets of hosts in primitive arrays: intrusive treaps whose nodes are the host indices themselves,
 * so inserting or moving a host allocates nothing. One instance holds many disjoint trees (one per host
 * class), each identified by its root; a host is in at most one of them.
 *
 * <p>Order: (key, host index), the key chosen by the owner (free CPU for binpack, a task count for spread,
 * 0 for index order). Each node also keeps the largest free CPU and free memory in its subtree, so
 * {@link #firstFit} finds the first host in order that fits a task in O(log n) expected steps, skipping
 * whole subtrees where nothing fits. Priorities are a fixed hash of the index: deterministic.
 */
final class HostTreap {

    static final int NIL = -1;

    private final ContainerHosts hosts;
    private int[] left = new int[0];
    private int[] right = new int[0];
    private long[] key = new long[0];
    private int[] maxCpu = new int[0];
    private int[] maxMem = new int[0];
    private boolean[] member = new boolean[0];

    HostTreap(ContainerHosts hosts) {
        this.hosts = hosts;
    }

    void ensureCapacity(int n) {
        if (n <= left.length) {
            return;
        }
        int size = Math.max(n, left.length * 2);
        left = Arrays.copyOf(left, size);
        right = Arrays.copyOf(right, size);
        key = Arrays.copyOf(key, size);
        maxCpu = Arrays.copyOf(maxCpu, size);
        maxMem = Arrays.copyOf(maxMem, size);
        member = Arrays.copyOf(member, size);
    }

    boolean contains(int h) {
        return h < member.length && member[h];
    }

    long key(int h) {
        return key[h];
    }

    /** Inserts {@code h} with {@code k}; returns the new root. */
    int insert(int root, int h, long k) {
        ensureCapacity(h + 1);
        key[h] = k;
        left[h] = NIL;
        right[h] = NIL;
        member[h] = true;
        pull(h);
        return insertNode(root, h);
    }

    /** Removes {@code h}; returns the new root. */
    int remove(int root, int h) {
        member[h] = false;
        return removeNode(root, h);
    }

    /**
     * Re-sorts {@code h} under key {@code k} and refreshes the subtree maxima on its path; returns the new
     * root. An unchanged key only walks the path (no rotations).
     */
    int update(int root, int h, long k) {
        if (key[h] == k) {
            refreshPath(root, h);
            return root;
        }
        return insert(remove(root, h), h, k);
    }

    /** Recomputes the maxima of {@code h} and its ancestors after its free capacity changed. */
    private void refreshPath(int node, int h) {
        if (node == h) {
            pull(h);
            return;
        }
        if (node == NIL) {
            throw new IllegalStateException("host " + h + " is not in this tree");
        }
        refreshPath(less(h, node) ? left[node] : right[node], h);
        pull(node);
    }

    /**
     * The first host in (key, index) order at or after (loKey, loHost) with at least {@code cpu} CPU and
     * {@code memoryMiB} memory free, or {@link #NIL}.
     */
    int firstFit(int node, long loKey, int loHost, int cpu, int memoryMiB) {
        while (node != NIL && maxCpu[node] >= cpu && maxMem[node] >= memoryMiB) {
            long k = key[node];
            if (k < loKey || k == loKey && node < loHost) {
                node = right[node];
                continue;
            }
            int found = firstFit(left[node], loKey, loHost, cpu, memoryMiB);
            if (found != NIL) {
                return found;
            }
            if (hosts.cpuFree(node) >= cpu && hosts.memoryFreeMiB(node) >= memoryMiB) {
                return node;
            }
            node = right[node];
        }
        return NIL;
    }

    private int insertNode(int root, int h) {
        if (root == NIL) {
            return h;
        }
        if (less(h, root)) {
            int child = insertNode(left[root], h);
            left[root] = child;
            if (priority(child) > priority(root)) {
                return rotateRight(root);
            }
        } else {
            int child = insertNode(right[root], h);
            right[root] = child;
            if (priority(child) > priority(root)) {
                return rotateLeft(root);
            }
        }
        pull(root);
        return root;
    }

    private int removeNode(int root, int h) {
        if (root == NIL) {
            throw new IllegalStateException("host " + h + " is not in this tree");
        }
        if (root == h) {
            return merge(left[h], right[h]);
        }
        if (less(h, root)) {
            left[root] = removeNode(left[root], h);
        } else {
            right[root] = removeNode(right[root], h);
        }
        pull(root);
        return root;
    }

    private int merge(int a, int b) {
        if (a == NIL) {
            return b;
        }
        if (b == NIL) {
            return a;
        }
        if (priority(a) > priority(b)) {
            right[a] = merge(right[a], b);
            pull(a);
            return a;
        }
        left[b] = merge(a, left[b]);
        pull(b);
        return b;
    }

    private int rotateRight(int n) {
        int l = left[n];
        left[n] = right[l];
        right[l] = n;
        pull(n);
        pull(l);
        return l;
    }

    private int rotateLeft(int n) {
        int r = right[n];
        right[n] = left[r];
        left[r] = n;
        pull(n);
        pull(r);
        return r;
    }

    private void pull(int n) {
        int cpu = hosts.cpuFree(n);
        int mem = hosts.memoryFreeMiB(n);
        int l = left[n];
        int r = right[n];
        if (l != NIL) {
            cpu = Math.max(cpu, maxCpu[l]);
            mem = Math.max(mem, maxMem[l]);
        }
        if (r != NIL) {
            cpu = Math.max(cpu, maxCpu[r]);
            mem = Math.max(mem, maxMem[r]);
        }
        maxCpu[n] = cpu;
        maxMem[n] = mem;
    }

    private boolean less(int a, int b) {
        return key[a] < key[b] || key[a] == key[b] && a < b;
    }

    /** A fixed pseudo-random priority per index (the SplitMix64 finalizer, truncated). */
    private static int priority(int h) {
        long z = (h + 1) * 0x9E37_79B9_7F4A_7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58_476D_1CE4_E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D0_49BB_1331_11EBL;
        return (int) (z ^ (z >>> 31));
    }
}
