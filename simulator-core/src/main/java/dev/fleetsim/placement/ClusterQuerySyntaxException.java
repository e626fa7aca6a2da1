package dev.fleetsim.placement;

/** A memberOf expression that does not parse; the message names the column (1-based) and what was expected. */
public final class ClusterQuerySyntaxException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String expression;
    private final int column;

    ClusterQuerySyntaxException(String expression, int offset, String problem) {
        super(problem + " at column " + (offset + 1) + " of '" + expression + "'");
        this.expression = expression;
        this.column = offset + 1;
    }

    public String expression() {
        return expression;
    }

    /** 1-based column of the problem; one past the end when the expression ended too early. */
    public int column() {
        return column;
    }
}
