package dev.fleetsim.scenario;

import java.util.ArrayList;
import java.util.List;

/** Collects issues while a check walks a scenario; nothing stops at the first problem. */
final class Issues {

    private final List<Issue> list = new ArrayList<>();

    void add(String path, String message, String hint) {
        list.add(new Issue(path, message, hint));
    }

    void add(String path, String message) {
        list.add(new Issue(path, message, ""));
    }

    void addAll(List<Issue> more) {
        list.addAll(more);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    List<Issue> list() {
        return List.copyOf(list);
    }

    /**
     * The path of a key below {@code path}. A key that is not a plain word (empty, or with spaces, dots,
     * brackets, quotes or other punctuation) is written in double quotes, {@code labels."kubernetes.io/arch"},
     * so that every path reads unambiguously.
     */
    static String child(String path, String key) {
        String segment = plain(key) ? key : quoted(key);
        return path.isEmpty() ? segment : path + "." + segment;
    }

    private static boolean plain(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (!Character.isLetterOrDigit(c) && "_-/<~+@$".indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Quoted and printable ({@link UserText}), as Issue would print it, so that file order can find it. */
    private static String quoted(String key) {
        String text = UserText.abbreviate(key, Issue.MAX_PATH_CHARS);
        StringBuilder b = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                b.append('\\');
            }
            b.append(c);
        }
        return UserText.printable(b.append('"').toString());
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
