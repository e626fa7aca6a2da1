package dev.fleetsim.cli;

import dev.fleetsim.scenario.Issue;
import dev.fleetsim.scenario.UserText;
import java.io.PrintWriter;
import java.util.List;

/** Prints scenario problems, one line each; whole-file problems are prefixed with the file name. */
final class Issues {

    private Issues() {
    }

    static void print(PrintWriter err, String file, List<Issue> issues) {
        for (Issue issue : issues) {
            err.println(issue.path().isEmpty() ? UserText.printable(file) + ": " + issue.format() : issue.format());
        }
    }
}
