package dev.fleetsim.run;

/**
 * How an ECS service's desired count is split over the capacity providers of its strategy (the ECS
 * developer guide, "capacity provider strategy": base is the minimum number of tasks on that provider, at most
 * one provider has one; weight is the relative share of the tasks launched after the base is met).
 *
 * <p>Reading. ECS assigns the tasks one at a time: the first {@code base} tasks go to the provider with the
 * base; each further task goes to the provider whose count, with that task, stays lowest relative to its
 * weight, that is the least {@code (count + 1) / weight} (providers of weight 0 get none), ties to the provider
 * listed first. Weights 1 and 4 thus give "for every one task on the first, four on the second" as the ECS
 * guide puts it; 1 and 1 split evenly with the odd task on the first listed.
 */
final class ProviderSplit {

    private ProviderSplit() {
    }

    /**
     * @param base per provider, in strategy order; at most one is above 0
     * @param weight per provider; at least one is above 0 when tasks remain after the base
     * @return tasks per provider, summing to {@code desired}
     */
    static int[] split(int desired, int[] base, int[] weight) {
        if (desired < 0 || base.length != weight.length) {
            throw new IllegalArgumentException("desired must be >= 0 and base and weight must align");
        }
        int[] count = new int[base.length];
        int left = desired;
        for (int i = 0; i < base.length && left > 0; i++) {
            int b = Math.min(base[i], left);
            count[i] += b;
            left -= b;
        }
        // The weighted part starts from zero: the base tasks do not count toward the base provider's share.
        int[] weighted = new int[base.length];
        for (; left > 0; left--) {
            int best = -1;
            for (int i = 0; i < weight.length; i++) {
                if (weight[i] <= 0) {
                    continue;
                }
                // (weighted[i] + 1) / weight[i] < (weighted[best] + 1) / weight[best], in integers.
                if (best < 0 || (long) (weighted[i] + 1) * weight[best] < (long) (weighted[best] + 1) * weight[i]) {
                    best = i;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("no provider has a weight above 0 for the tasks beyond the base");
            }
            weighted[best]++;
            count[best]++;
        }
        return count;
    }
}
