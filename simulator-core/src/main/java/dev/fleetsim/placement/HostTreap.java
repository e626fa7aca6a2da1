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
 *
 * <p>Layout: a node is one record of six ints (left, right, its subtree's largest free CPU and memory, and its
 * own free CPU and memory, copied from the hosts when the owner reports a change), so that a step down the tree
 * and the refresh of a node's maxima read one or two cache lines instead of one per field and per host array.
 * With 10,000 hosts the six separate arrays this replaced made the treap most of an end-to-end run's time.
 */
final class HostTreap {

    static final int NIL = -1;

    /** Ints per node record, and the field offsets within it. */
    private static final int R = 6;
    private static final int LEFT = 0;
    private static final int RIGHT = 1;
    private static final int MAX_CPU = 2;
    private static final int MAX_MEM = 3;
    private static final int OWN_CPU = 4;
    private static final int OWN_MEM = 5;

    private final ContainerHosts hosts;
    private int[] node = new int[0];
    private long[] key = new long[0];
    private boolean[] member = new boolean[0];

    HostTreap(ContainerHosts hosts) {
        this.hosts = hosts;
    }

    void ensureCapacity(int n) {
        if (n <= key.length) {
            return;
        }
        int size = Math.max(n, key.length * 2);
        node = Arrays.copyOf(node, size * R);
        key = Arrays.copyOf(key, size);
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
        int at = h * R;
        node[at + LEFT] = NIL;
        node[at + RIGHT] = NIL;
        member[h] = true;
        copyFree(h);
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
            copyFree(h);
            refreshPath(root, h);
            return root;
        }
        return insert(remove(root, h), h, k);
    }

    /** Recomputes the maxima of {@code h} and its ancestors after its free capacity changed. */
    private void refreshPath(int n, int h) {
        if (n == h) {
            pull(h);
            return;
        }
        if (n == NIL) {
            throw new IllegalStateException("host " + h + " is not in this tree");
        }
        refreshPath(node[n * R + (less(h, n) ? LEFT : RIGHT)], h);
        pull(n);
    }

    /**
     * The first host in (key, index) order at or after (loKey, loHost) with at least {@code cpu} CPU and
     * {@code memoryMiB} memory free, or {@link #NIL}.
     */
    int firstFit(int n, long loKey, int loHost, int cpu, int memoryMiB) {
        final int[] t = node;
        while (n != NIL && t[n * R + MAX_CPU] >= cpu && t[n * R + MAX_MEM] >= memoryMiB) {
            long k = key[n];
            if (k < loKey || k == loKey && n < loHost) {
                n = t[n * R + RIGHT];
                continue;
            }
            int found = firstFit(t[n * R + LEFT], loKey, loHost, cpu, memoryMiB);
            if (found != NIL) {
                return found;
            }
            if (t[n * R + OWN_CPU] >= cpu && t[n * R + OWN_MEM] >= memoryMiB) {
                return n;
            }
            n = t[n * R + RIGHT];
        }
        return NIL;
    }

    private int insertNode(int root, int h) {
        if (root == NIL) {
            return h;
        }
        if (less(h, root)) {
            int child = insertNode(node[root * R + LEFT], h);
            node[root * R + LEFT] = child;
            if (priority(child) > priority(root)) {
                return rotateRight(root);
            }
        } else {
            int child = insertNode(node[root * R + RIGHT], h);
            node[root * R + RIGHT] = child;
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
            return merge(node[h * R + LEFT], node[h * R + RIGHT]);
        }
        int side = root * R + (less(h, root) ? LEFT : RIGHT);
        node[side] = removeNode(node[side], h);
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
            node[a * R + RIGHT] = merge(node[a * R + RIGHT], b);
            pull(a);
            return a;
        }
        node[b * R + LEFT] = merge(a, node[b * R + LEFT]);
        pull(b);
        return b;
    }

    private int rotateRight(int n) {
        int l = node[n * R + LEFT];
        node[n * R + LEFT] = node[l * R + RIGHT];
        node[l * R + RIGHT] = n;
        pull(n);
        pull(l);
        return l;
    }

    private int rotateLeft(int n) {
        int r = node[n * R + RIGHT];
        node[n * R + RIGHT] = node[r * R + LEFT];
        node[r * R + LEFT] = n;
        pull(n);
        pull(r);
        return r;
    }

    /** Copies the host's free capacity into its record: the owner calls insert or update after every change. */
    private void copyFree(int h) {
        node[h * R + OWN_CPU] = hosts.cpuFree(h);
        node[h * R + OWN_MEM] = hosts.memoryFreeMiB(h);
    }

    private void pull(int n) {
        final int[] t = node;
        int at = n * R;
        int cpu = t[at + OWN_CPU];
        int mem = t[at + OWN_MEM];
        int l = t[at + LEFT];
        int r = t[at + RIGHT];
        if (l != NIL) {
            cpu = Math.max(cpu, t[l * R + MAX_CPU]);
            mem = Math.max(mem, t[l * R + MAX_MEM]);
        }
        if (r != NIL) {
            cpu = Math.max(cpu, t[r * R + MAX_CPU]);
            mem = Math.max(mem, t[r * R + MAX_MEM]);
        }
        t[at + MAX_CPU] = cpu;
        t[at + MAX_MEM] = mem;
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
