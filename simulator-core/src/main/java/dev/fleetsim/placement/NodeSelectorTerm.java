package dev.fleetsim.placement;

import java.util.List;

/** Expressions that must all hold (ANDed); a pod's terms are ORed (aws-rules.md item 8). */
public record NodeSelectorTerm(List<NodeSelectorRequirement> matchExpressions) {
    public NodeSelectorTerm {
        matchExpressions = List.copyOf(matchExpressions);
        if (matchExpressions.isEmpty()) {
            throw new IllegalArgumentException("an empty node selector term matches no node; give it an expression");
        }
    }

    public static NodeSelectorTerm of(NodeSelectorRequirement... expressions) {
        return new NodeSelectorTerm(List.of(expressions));
    }
}
