package dev.fleetsim.study;

import dev.fleetsim.scenario.Scenario;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A validated sweep: its axes and every point of their cartesian product, each already loaded and validated as a
 * scenario. Point 0 takes every axis's first value; the last axis varies fastest.
 */
public record Sweep(Path file, List<Axis> axes, Objective objective, List<Point> points) {

    public Sweep {
        Objects.requireNonNull(file, "file");
        axes = List.copyOf(axes);
        Objects.requireNonNull(objective, "objective");
        points = List.copyOf(points);
    }

    /** What the sweep minimizes. */
    public enum Objective {
        TOTAL("total"), UNBLENDED_TOTAL("unblendedTotal");

        private final String key;

        Objective(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    /** One axis: a scenario path and the values it takes, as shown in output ({@code none} for a removal). */
    public record Axis(String path, List<String> values) {
        public Axis {
            Objects.requireNonNull(path, "path");
            values = List.copyOf(values);
        }
    }

    /** One combination of axis values, with the scenario it gives. */
    public record Point(int index, List<String> values, Scenario scenario) {
        public Point {
            values = List.copyOf(values);
            Objects.requireNonNull(scenario, "scenario");
        }

        /** {@code path=value, path=value} */
        public String describe(List<Axis> axes) {
            return Sweep.describe(axes, values);
        }
    }

    static String describe(List<Axis> axes, List<String> values) {
        StringBuilder s = new StringBuilder();
        for (int a = 0; a < axes.size(); a++) {
            if (a > 0) {
                s.append(", ");
            }
            s.append(axes.get(a).path()).append('=').append(values.get(a));
        }
        return s.toString();
    }
}
