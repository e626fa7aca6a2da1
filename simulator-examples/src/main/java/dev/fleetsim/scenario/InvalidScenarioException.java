package dev.fleetsim.scenario;

import java.util.List;

/** A scenario that cannot run, with every problem found (never just the first). */
public final class InvalidScenarioException extends Exception {

    private final transient List<Issue> issues;

    public InvalidScenarioException(List<Issue> issues) {
        super(summary(issues));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("an invalid scenario needs at least one issue");
        }
        this.issues = List.copyOf(issues);
    }

    public List<Issue> issues() {
        return issues;
    }

    private static String summary(List<Issue> issues) {
        if (issues.isEmpty()) {
            return "";
        }
        return issues.size() == 1 ? issues.get(0).format()
                : issues.size() + " problems, first: " + issues.get(0).format();
    }
}
