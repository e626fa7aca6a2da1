package dev.fleetsim.cluster;

/**
 * Observes a {@link ContainerHosts}: placement indexes keep themselves in step through it. Callbacks run
 * synchronously inside the mutating call, in registration order, and must not add or remove hosts.
 */
public interface HostListener {

    /** A host has joined; its index is valid and its capacity set. */
    default void hostAdded(int host) {
    }

    /** A host is about to leave; it is still readable. */
    default void hostRemoving(int host) {
    }

    /**
     * A host is about to be cordoned (ECS DRAINING, Kubernetes cordon): from now on nothing is placed on it. It
     * stays active until removed; its tasks may still be released (capacityChanged) while it drains.
     */
    default void hostCordoned(int host) {
    }

    /** A host's allocated amounts changed (a task placed or released, an overhead reserved). */
    default void capacityChanged(int host) {
    }
}
