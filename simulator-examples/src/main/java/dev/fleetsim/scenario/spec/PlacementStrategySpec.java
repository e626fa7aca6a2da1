package dev.fleetsim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fleetsim.scenario.UserText;

/**
 * One placement strategy: {@code {binpack: cpu|memory}}, {@code {spread: FIELD}} (instanceId, host or
 * attribute:NAME, e.g. attribute:ecs.availability-zone) or {@code random} (also {@code {random: true}}).
 */
public record PlacementStrategySpec(BinpackResource binpack, String spread, Boolean random) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PlacementStrategySpec {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlacementStrategySpec of(String word) {
        if ("random".equals(word)) {
            return new PlacementStrategySpec(null, null, true);
        }
        throw new IllegalArgumentException(UserText.quote(word) + " is not a placement strategy; write random,"
                + " {binpack: cpu}, {binpack: memory} or {spread: attribute:ecs.availability-zone}");
    }

    /** The resource a binpack strategy packs on. */
    public enum BinpackResource { CPU, MEMORY }
}
