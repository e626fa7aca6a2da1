package dev.fleetsim.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One {@code --set path=value} override, applied to the YAML tree before binding, e.g.
 * {@code pricing.savingsPlans[0].commitment=5} or {@code zones=[us-east-1a]}. The value is read as a YAML flow
 * value, so numbers, words, lists and mappings work as they do in the file.
 */
public record SetOverride(String path, String value) {

    public SetOverride {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(value, "value");
    }

    /** Parses {@code path=value}; throws IllegalArgumentException with a message fit for a user. */
    public static SetOverride parse(String assignment) {
        int eq = assignment.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--set " + shown(assignment) + ": expected path=value, e.g."
                    + " pricing.savingsPlans[0].commitment=5");
        }
        SetOverride o = new SetOverride(assignment.substring(0, eq).strip(), assignment.substring(eq + 1));
        o.steps(); // syntax check
        return o;
    }

    /** A key or a list index along the path. */
    record Step(String key, int index) {
        boolean isIndex() {
            return key == null;
        }
    }

    List<Step> steps() {
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = path.length();
        if (n == 0) {
            throw bad("the path is empty");
        }
        while (i < n) {
            int start = i;
            while (i < n && path.charAt(i) != '.' && path.charAt(i) != '[') {
                if (path.charAt(i) == ']') {
                    throw bad("unexpected ']' at character " + (i + 1));
                }
                i++;
            }
            if (i == start) {
                throw bad("a key is missing at character " + (i + 1));
            }
            steps.add(new Step(path.substring(start, i), -1));
            while (i < n && path.charAt(i) == '[') {
                int close = path.indexOf(']', i);
                if (close < 0) {
                    throw bad("'[' without ']'");
                }
                String digits = path.substring(i + 1, close);
                if (!digits.matches("\\d{1,9}")) {
                    throw bad("'[" + digits + "]' is not a list index such as [0]");
                }
                steps.add(new Step(null, Integer.parseInt(digits)));
                i = close + 1;
            }
            if (i < n) {
                if (path.charAt(i) != '.') {
                    throw bad("expected '.' or '[' at character " + (i + 1));
                }
                i++;
                if (i == n) {
                    throw bad("the path ends with '.'");
                }
            }
        }
        return steps;
    }

    private IllegalArgumentException bad(String why) {
        return new IllegalArgumentException("--set " + shown(path + "=" + value) + ": " + why);
    }

    /** The argument as typed, printable and shortened: it is echoed in a one-line message. */
    private static String shown(String argument) {
        return UserText.printable(UserText.abbreviate(argument, 200));
    }
}
