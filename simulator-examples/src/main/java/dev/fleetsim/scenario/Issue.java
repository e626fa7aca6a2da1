package dev.fleetsim.scenario;

import java.util.Objects;

/**
 * One problem with a scenario: where it is (a YAML path such as {@code ec2.instances[0].type}, or "" for the
 * document as a whole), what is wrong, and how to fix it.
 */
public record Issue(String path, String message, String hint) {

    static final int MAX_PATH_CHARS = 300;
    static final int MAX_TEXT_CHARS = 2_000;

    /** Each part is made printable and bounded ({@link UserText}), so that a problem is always one line. */
    public Issue {
        path = UserText.printable(UserText.abbreviate(Objects.requireNonNull(path, "path"), MAX_PATH_CHARS));
        message = UserText.printable(UserText.abbreviate(Objects.requireNonNull(message, "message"),
                MAX_TEXT_CHARS));
        hint = hint == null ? "" : UserText.printable(UserText.abbreviate(hint, MAX_TEXT_CHARS));
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
