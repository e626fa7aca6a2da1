package dev.fleetsim.placement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ECS cluster query language (aws-rules.md item 7; examples from cluster-query-language.md). */
final class ClusterQueryTest {

    private static final Map<String, String> G2_IN_1A = Map.of("ecs.instance-type", "g2.2xlarge",
            "ecs.availability-zone", "us-east-1a");
    private static final Map<String, String> G2_IN_1D = Map.of("ecs.instance-type", "g2.2xlarge",
            "ecs.availability-zone", "us-east-1d");
    private static final Map<String, String> T2_IN_1B = Map.of("ecs.instance-type", "t2.small",
            "ecs.availability-zone", "us-east-1b");

    private static boolean test(String expression, Map<String, String> host) {
        return ClusterQuery.parse(expression).test(host::get);
    }

    @Test
    void memberOf_stringEquality_ecsDocExample() {
        assertThat(test("attribute:ecs.instance-type == t2.small", T2_IN_1B)).isTrue();
        assertThat(test("attribute:ecs.instance-type == t2.small", G2_IN_1A)).isFalse();
        assertThat(test("attribute:ecs.instance-type equals t2.small", T2_IN_1B)).isTrue();
    }

    @Test
    void memberOf_argumentList_ecsDocExample() {
        String e = "attribute:ecs.availability-zone in [us-east-1a, us-east-1b]";
        assertThat(test(e, G2_IN_1A)).isTrue();
        assertThat(test(e, T2_IN_1B)).isTrue();
        assertThat(test(e, G2_IN_1D)).isFalse();
        assertThat(test("attribute:ecs.availability-zone !in [us-east-1a, us-east-1b]", G2_IN_1D)).isTrue();
        assertThat(test("attribute:ecs.availability-zone not_in ['us-east-1d']", G2_IN_1D)).isFalse();
    }

    @Test
    void memberOf_compoundExpression_ecsDocExample() {
        String e = "attribute:ecs.instance-type =~ g2.* and attribute:ecs.availability-zone != us-east-1d";
        assertThat(test(e, G2_IN_1A)).isTrue();
        assertThat(test(e, G2_IN_1D)).isFalse();
        assertThat(test(e, T2_IN_1B)).isFalse();
    }

    @Test
    void memberOf_regexMustMatchTheWholeValue() {
        assertThat(test("attribute:ecs.instance-type =~ g2", G2_IN_1A)).isFalse();
        assertThat(test("attribute:ecs.instance-type =~ g2\\..*", G2_IN_1A)).isTrue();
        assertThat(test("attribute:ecs.instance-type !~ g2.*", G2_IN_1A)).isFalse();
        // A regex may group with parentheses inside its value.
        assertThat(test("attribute:ecs.instance-type =~ (t2|g2)\\.small", T2_IN_1B)).isTrue();
        assertThat(test("not(attribute:ecs.instance-type =~ (t2|g2)\\.small)", G2_IN_1A)).isTrue();
    }

    @Test
    void memberOf_precedence_andBindsTighterThanOr_parenthesesOverride() {
        // a or (b and c): true for T2_IN_1B via a.
        String noParens = "attribute:ecs.instance-type == t2.small or attribute:ecs.instance-type == g2.2xlarge"
                + " and attribute:ecs.availability-zone == us-east-1a";
        assertThat(test(noParens, T2_IN_1B)).isTrue();
        assertThat(test(noParens, G2_IN_1D)).isFalse();
        // (a or b) and c: false for T2_IN_1B (zone 1b).
        String parens = "(attribute:ecs.instance-type == t2.small or attribute:ecs.instance-type == g2.2xlarge)"
                + " && attribute:ecs.availability-zone == us-east-1a";
        assertThat(test(parens, T2_IN_1B)).isFalse();
        assertThat(test(parens, G2_IN_1A)).isTrue();
    }

    @Test
    void memberOf_not_withAndWithoutParentheses() {
        assertThat(test("not(attribute:ecs.availability-zone == us-east-1d)", G2_IN_1D)).isFalse();
        assertThat(test("not attribute:ecs.availability-zone == us-east-1d", G2_IN_1A)).isTrue();
        assertThat(test("!(attribute:ecs.availability-zone == us-east-1d) || attribute:team exists", G2_IN_1D))
                .isFalse();
    }

    @Test
    void memberOf_missingAttribute_failsPositiveOperators_passesNegations() {
        assertThat(test("attribute:team == blue", T2_IN_1B)).isFalse();
        assertThat(test("attribute:team != blue", T2_IN_1B)).isTrue();
        assertThat(test("attribute:team exists", T2_IN_1B)).isFalse();
        assertThat(test("attribute:team !exists", T2_IN_1B)).isTrue();
        assertThat(test("attribute:team in [blue]", T2_IN_1B)).isFalse();
    }

    @Test
    void memberOf_quotedValues() {
        assertThat(test("attribute:ecs.instance-type == 't2.small'", T2_IN_1B)).isTrue();
        assertThat(test("attribute:ecs.instance-type==\"t2.small\"", T2_IN_1B)).isTrue();
    }

    @Test
    void parseError_missingOperator_namesColumn() {
        // "attribute:ecs.instance-type " is 28 characters; the stray word starts at column 29.
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:ecs.instance-type t2.small"))
                .isInstanceOf(ClusterQuerySyntaxException.class)
                .hasMessageContaining("expected an operator")
                .hasMessageContaining("column 29")
                .extracting(e -> ((ClusterQuerySyntaxException) e).column()).isEqualTo(29);
    }

    @Test
    void parseError_unclosedParenthesis_pointsAtEndAndOpening() {
        String e = "(attribute:a == b";
        assertThatThrownBy(() -> ClusterQuery.parse(e)).isInstanceOf(ClusterQuerySyntaxException.class)
                .hasMessageContaining("expected ')' to close the '(' at column 1")
                .hasMessageContaining("column 18");
    }

    @Test
    void parseError_unsupportedSubject_explains() {
        assertThatThrownBy(() -> ClusterQuery.parse("not(task:group == database)"))
                .isInstanceOf(ClusterQuerySyntaxException.class)
                .hasMessageContaining("'task:group' is not supported")
                .hasMessageContaining("column 5");
        assertThatThrownBy(() -> ClusterQuery.parse("zone == a")).hasMessageContaining("unknown subject 'zone'");
    }

    @Test
    void parseError_badRegex_listWithoutBracket_danglingAnd_empty() {
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a =~ m5[")).hasMessageContaining(
                "invalid regular expression").hasMessageContaining("column 16");
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a in us-east-1a"))
                .hasMessageContaining("expected '[' to open the list").hasMessageContaining("column 16");
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a in [x, y"))
                .hasMessageContaining("expected ',' or ']'");
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a == b and"))
                .hasMessageContaining("expression ended").hasMessageContaining("column 21");
        assertThatThrownBy(() -> ClusterQuery.parse("  ")).hasMessageContaining("empty expression");
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a == b)"))
                .hasMessageContaining("')' without a matching '('").hasMessageContaining("column 17");
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a ==")).hasMessageContaining("expected a value");
        assertThatThrownBy(() -> ClusterQuery.parse("attribute:a == 'b")).hasMessageContaining("unterminated quote");
    }

    @Test
    void placementConstraint_memberOf_keepsTheExpression() {
        PlacementConstraint c = PlacementConstraint.memberOf("(attribute:a == b)");
        assertThat(((PlacementConstraint.MemberOf) c).expression()).isEqualTo("(attribute:a == b)");
    }
}
