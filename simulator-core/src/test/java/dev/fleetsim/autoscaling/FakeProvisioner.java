package dev.fleetsim.autoscaling;

import dev.fleetsim.host.Market;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A provisioner with optional finite pools; records every call. Ids count up from 0. */
final class FakeProvisioner implements InstanceProvisioner {

    record Launch(int id, String type, String zone, Market market) {
    }

    final List<Launch> launched = new ArrayList<>();
    final List<Integer> terminated = new ArrayList<>();
    int attempts;
    private final Map<String, Integer> capacity = new HashMap<>();
    private int nextId;

    /** Limits a pool (type, zone, market) to {@code remaining} more launches; 0 closes it. */
    FakeProvisioner limit(String type, String zone, Market market, int remaining) {
        capacity.put(key(type, zone, market), remaining);
        return this;
    }

    @Override
    public int launch(String type, String zone, Market market) {
        attempts++;
        String k = key(type, zone, market);
        Integer left = capacity.get(k);
        if (left != null) {
            if (left == 0) {
                return INSUFFICIENT_CAPACITY;
            }
            capacity.put(k, left - 1);
        }
        int id = nextId++;
        launched.add(new Launch(id, type, zone, market));
        return id;
    }

    @Override
    public void terminate(int instanceId) {
        terminated.add(instanceId);
    }

    Launch launch(int id) {
        return launched.get(id);
    }

    private static String key(String type, String zone, Market market) {
        return type + '|' + zone + '|' + market;
    }
}
