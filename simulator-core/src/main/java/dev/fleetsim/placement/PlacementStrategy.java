package dev.fleetsim.placement;

import dev.fleetsim.cluster.HostAttributes;
import java.util.List;
import java.util.Objects;

/**
 * An ECS task placement strategy (aws-rules.md item 7, task-placement-strategies.md). Strategies are
 * best effort and apply in list order, each narrowing the candidates the previous ones left tied; ties
 * after all of them go to the lowest host index (ECS itself picks among them at random).
 */
public sealed interface PlacementStrategy {

    /** The resource a binpack strategy packs on. */
    enum Resource { CPU, MEMORY }

    /** ECS's default for services: spread across Availability Zones (aws-rules.md item 7). */
    List<PlacementStrategy> SERVICE_DEFAULT = List.of(new Spread("attribute:" + HostAttributes.ECS_AVAILABILITY_ZONE));

    /** Leave the least of {@code resource} unused: the candidate with the least remaining amount wins. */
    record Binpack(Resource resource) implements PlacementStrategy {
        public Binpack {
            Objects.requireNonNull(resource, "resource");
        }
    }

    /**
     * Spread evenly: the candidate with the fewest tasks of this group on the same instance
     * ({@code instanceId} or {@code host}) or with the same value of {@code attribute:NAME} wins.
     */
    record Spread(String field) implements PlacementStrategy {
        public Spread {
            Objects.requireNonNull(field, "field");
            if (!field.equals("instanceId") && !field.equals("host")
                    && !(field.startsWith("attribute:") && field.length() > "attribute:".length())) {
                throw new IllegalArgumentException("spread field '" + field + "' must be instanceId, host or "
                        + "attribute:NAME, e.g. attribute:ecs.availability-zone");
            }
        }

        /** True for instanceId and host: spread over individual instances. */
        public boolean byInstance() {
            return !field.startsWith("attribute:");
        }

        /** The attribute name of {@code attribute:NAME}; null when spreading by instance. */
        public String attribute() {
            return byInstance() ? null : field.substring("attribute:".length());
        }
    }

    /** Place at random among the candidates (drawn from the placer's random stream). */
    record Random() implements PlacementStrategy {
    }

    static PlacementStrategy binpack(Resource resource) {
        return new Binpack(resource);
    }

    static PlacementStrategy spread(String field) {
        return new Spread(field);
    }

    static PlacementStrategy random() {
        return new Random();
    }
}
