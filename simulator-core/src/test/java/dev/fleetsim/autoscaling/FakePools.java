package dev.fleetsim.autoscaling;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** Spot pools with a price and bucket per type (the same in every zone unless set per pool). */
final class FakePools implements SpotPoolView {

    private final Map<String, Double> price = new HashMap<>();
    private final Map<String, Integer> bucket = new HashMap<>();
    private final Set<String> closed = new HashSet<>();
    private final Set<String> atOrAboveOnDemand = new HashSet<>();

    FakePools type(String type, double relativePrice, int interruptionBucket) {
        price.put(type, relativePrice);
        bucket.put(type, interruptionBucket);
        return this;
    }

    FakePools close(String type, String zone) {
        closed.add(type + '|' + zone);
        return this;
    }

    FakePools open(String type, String zone) {
        closed.remove(type + '|' + zone);
        return this;
    }

    FakePools aboveOnDemand(String type) {
        atOrAboveOnDemand.add(type);
        return this;
    }

    @Override
    public double relativePrice(String instanceType, String zone, long nowMs) {
        return price.get(instanceType);
    }

    @Override
    public int interruptionBucket(String instanceType, String zone) {
        return bucket.get(instanceType);
    }

    @Override
    public boolean open(String instanceType, String zone, long nowMs) {
        return !closed.contains(instanceType + '|' + zone);
    }

    @Override
    public boolean belowOnDemand(String instanceType, String zone, long nowMs) {
        return !atOrAboveOnDemand.contains(instanceType);
    }
}
