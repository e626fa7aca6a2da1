package dev.fleetsim.scenario;

import java.util.Objects;

/**
 * One problem with a scenario: where it is (a YAML path such as {@code ec2.instances[0].type}, or "" for the
 * document as a whole), what is wrong, and how to fix it.
 */
public record Issue(String path, String message, String hint) {

    public Issue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
        hint = hint == null ? "" : hint;
    }

    public static Issue of(String path, String message) {
        return new Issue(path, message, "");
    }

    /** {@code path: message; hint}, the pinned one-line format (SPEC section 5). */
    public String format() {
        StringBuilder line = new StringBuilder();
        if (!path.isEmpty()) {
            line.append(path).append(": ");
        }
        line.append(message);
        if (!hint.isEmpty()) {
            line.append("; ").append(hint);
        }
        return line.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
