package dev.fleetsim.scenario.spec;

import com.fasterxml.jackson.annotation.JsonCreator;
import dev.fleetsim.scenario.UserText;

/**
 * One placement constraint: {@code distinctInstance} (also {@code {distinctInstance: true}}) or
 * {@code {memberOf: EXPRESSION}} in the ECS cluster query language.
 */
public record PlacementConstraintSpec(Boolean distinctInstance, String memberOf) {

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public PlacementConstraintSpec {
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static PlacementConstraintSpec of(String word) {
        if ("distinctInstance".equals(word)) {
            return new PlacementConstraintSpec(true, null);
        }
        throw new IllegalArgumentException(UserText.quote(word) + " is not a placement constraint; write"
                + " distinctInstance or {memberOf: \"attribute:ecs.instance-type =~ m5.*\"}");
    }
}
