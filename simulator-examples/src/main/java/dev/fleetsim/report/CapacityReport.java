package dev.fleetsim.report;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Capacity used.
 *
 * @param instanceHours running hours by instance type, sorted by type name
 * @param meanCpuUtilization time-weighted mean of requested over available vCPU, 0..1
 */
public record CapacityReport(Map<String, Double> instanceHours, int peakInstances, double meanCpuUtilization) {

    public CapacityReport {
        TreeMap<String, Double> sorted = new TreeMap<>();
        for (Map.Entry<String, Double> e : Objects.requireNonNull(instanceHours, "instanceHours").entrySet()) {
            double h = Objects.requireNonNull(e.getValue());
            if (!(h >= 0) || Double.isInfinite(h)) {
                throw new IllegalArgumentException("instance hours must be finite and >= 0: " + e.getKey());
            }
            sorted.put(e.getKey(), h);
        }
        instanceHours = Collections.unmodifiableMap(sorted);
        if (peakInstances < 0) {
            throw new IllegalArgumentException("peakInstances must not be negative");
        }
        if (!(meanCpuUtilization >= 0 && meanCpuUtilization <= 1)) {
            throw new IllegalArgumentException("meanCpuUtilization must be within 0..1, got " + meanCpuUtilization);
        }
    }
}
