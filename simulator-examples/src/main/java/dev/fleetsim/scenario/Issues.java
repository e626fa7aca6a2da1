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

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }
}
