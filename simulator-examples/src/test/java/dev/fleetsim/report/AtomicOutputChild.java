package dev.fleetsim.report;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

/**
 * The program AtomicOutputTest starts and kills: it stages a report of two files in the directory given as its
 * first argument and stops where the second argument says, printing a line so the test knows when to kill it.
 * {@code write}: report.json written, line-items.csv half written. {@code swap}: between the two renames.
 */
public final class AtomicOutputChild {

    private AtomicOutputChild() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        try (AtomicOutput.Staging staging = AtomicOutput.stage(dir, Set.of("report.json", "line-items.csv"))) {
            staging.write("report.json", "new report".getBytes(StandardCharsets.UTF_8));
            if (args[1].equals("write")) {
                try (OutputStream out = staging.open("line-items.csv")) {
                    out.write("new line items, first half".getBytes(StandardCharsets.UTF_8));
                    out.flush();
                    announce("WRITING");
                    Thread.sleep(60_000);
                }
            } else {
                staging.write("line-items.csv", "new line items".getBytes(StandardCharsets.UTF_8));
                staging.betweenRenames(() -> {
                    announce("SWAPPING");
                    try {
                        Thread.sleep(2_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                staging.commit();
                announce("COMMITTED");
                Thread.sleep(60_000);
            }
        }
    }

    private static void announce(String what) {
        System.out.println(what);
        System.out.flush();
    }
}
