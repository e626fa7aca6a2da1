package dev.fleetsim.placement;

import java.util.Objects;

/** An ECS placement constraint (aws-rules.md item 7): binding, so a task that meets none stays PENDING. */
public sealed interface PlacementConstraint {

    /** Each task of the group on a different container instance. */
    record DistinctInstance() implements PlacementConstraint {
    }

    /** Only container instances that satisfy a cluster query language expression. */
    record MemberOf(String expression, ClusterQuery query) implements PlacementConstraint {
        public MemberOf {
            Objects.requireNonNull(expression, "expression");
            Objects.requireNonNull(query, "query");
        }
    }

    static PlacementConstraint distinctInstance() {
        return new DistinctInstance();
    }

    /**
     * Parses the expression.
     *
     * @throws ClusterQuerySyntaxException naming the column of the problem
     */
    static PlacementConstraint memberOf(String expression) {
        return new MemberOf(expression, ClusterQuery.parse(expression));
    }
}
