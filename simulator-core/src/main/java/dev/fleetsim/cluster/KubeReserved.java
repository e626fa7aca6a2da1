package dev.fleetsim.cluster;

/**
 * What an EKS node keeps back from pods: Allocatable = Capacity - kubeReserved - evictionHard.
 *
 * <p>Source: the EKS optimized AMI's bootstrap script (awslabs/amazon-eks-ami, files/bootstrap.sh, functions
 * get_memory_mebibytes_to_reserve, get_cpu_millicores_to_reserve and get_resource_to_reserve_in_range;
 * nodeadm keeps the same formula). Memory: 11 MiB per max pod + 255 MiB. CPU: 6% of the first core, 1% of
 * the second, 0.5% of the third and fourth, 0.25% of every core above four, each range in integer
 * millicores rounded down as the script's shell arithmetic does. The script also sets evictionHard
 * memory.available to 100Mi, which the kubelet subtracts from allocatable too.
 *
 * <p>Reading: capacity here is the type's nominal memory (the catalog's MiB); a real kubelet reports the
 * OS's MemTotal, a little lower, so real allocatable memory is a few percent below ours.
 */
public final class KubeReserved {

    /** evictionHard memory.available set by the EKS AMI. */
    public static final int EVICTION_HARD_MEMORY_MIB = 100;
    /** The kubelet's default maxPods, used when the catalog does not know a type's limit. */
    public static final int KUBELET_DEFAULT_MAX_PODS = 110;

    private static final int[] RANGE_START_MILLICORES = {0, 1000, 2000, 4000};
    private static final int[] RANGE_END_MILLICORES = {1000, 2000, 4000, Integer.MAX_VALUE};
    /** Hundredths of a percent reserved in each range: 6%, 1%, 0.5%, 0.25%. */
    private static final int[] RANGE_BASIS_POINTS = {600, 100, 50, 25};

    private KubeReserved() {
    }

    /** kubeReserved memory: 11 MiB per max pod + 255 MiB. */
    public static int memoryMiB(int maxPods) {
        if (maxPods < 0) {
            throw new IllegalArgumentException("maxPods must be >= 0, got " + maxPods);
        }
        return 11 * maxPods + 255;
    }

    /** kubeReserved CPU in millicores for a node of {@code vcpu} vCPUs. */
    public static int cpuMillicores(int vcpu) {
        if (vcpu < 0) {
            throw new IllegalArgumentException("vcpu must be >= 0, got " + vcpu);
        }
        long total = vcpu * 1000L;
        long reserved = 0;
        for (int i = 0; i < RANGE_BASIS_POINTS.length; i++) {
            if (total > RANGE_START_MILLICORES[i]) {
                long inRange = Math.min(total, RANGE_END_MILLICORES[i]) - RANGE_START_MILLICORES[i];
                reserved += inRange * RANGE_BASIS_POINTS[i] / 100 / 100;
            }
        }
        return (int) reserved;
    }

    /** Memory held back from pods: kubeReserved plus the eviction threshold. */
    public static int memoryHeldBackMiB(int maxPods) {
        return memoryMiB(maxPods) + EVICTION_HARD_MEMORY_MIB;
    }

    /** The pod limit of a type: the catalog's max pods, or the kubelet default when unknown (0). */
    public static int maxPods(int catalogMaxPods) {
        return catalogMaxPods > 0 ? catalogMaxPods : KUBELET_DEFAULT_MAX_PODS;
    }
}
