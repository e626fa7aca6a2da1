package dev.fleetsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Report directories appear whole or not at all: in-process for the swap logic, and with a child JVM
 * (AtomicOutputChild, on the test class path) killed while it writes or while it swaps.
 */
final class AtomicOutputTest {

    @TempDir
    Path parent;

    /** The previous report that a new run replaces. */
    private Path previousReport() throws IOException {
        Path out = Files.createDirectories(parent.resolve("out"));
        Files.writeString(out.resolve("report.json"), "old report");
        Files.writeString(out.resolve("line-items.csv"), "old line items");
        return out;
    }

    /** Every entry of the parent directory, hidden ones included, with the files inside each. */
    private Map<String, Map<String, String>> tree() throws IOException {
        Map<String, Map<String, String>> all = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(parent)) {
            for (Path d : dirs.toList()) {
                Map<String, String> files = new TreeMap<>();
                try (Stream<Path> inside = Files.list(d)) {
                    for (Path f : inside.toList()) {
                        files.put(f.getFileName().toString(), Files.readString(f));
                    }
                }
                all.put(d.getFileName().toString(), files);
            }
        }
        return all;
    }

    @Test
    void commit_newDirectory_holdsExactlyTheFilesAndNothingIsLeftBeside() throws IOException {
        Path out = parent.resolve("new/out");

        List<Path> written = new AtomicOutput(out).add("report.json", bytes("{}")).add("line-items.csv", bytes("a"))
                .commit();

        assertThat(written).containsExactly(out.toAbsolutePath().resolve("line-items.csv"),
                out.toAbsolutePath().resolve("report.json"));
        assertThat(Files.readString(out.resolve("report.json"))).isEqualTo("{}");
        try (Stream<Path> beside = Files.list(out.getParent())) {
            assertThat(beside.map(p -> p.getFileName().toString())).containsExactly("out");
        }
    }

    @Test
    void commit_overAPreviousReport_replacesTheWholeDirectory() throws IOException {
        Path out = previousReport();

        new AtomicOutput(out).add("report.json", bytes("new report")).commit();

        // line-items.csv of the previous run is gone with it: the directory is one report, never a mix.
        assertThat(tree()).isEqualTo(Map.of("out", Map.of("report.json", "new report")));
    }

    @Test
    void checkTarget_directoryWithOtherFiles_isRefusedAndLeftAlone() throws IOException {
        Path out = previousReport();
        Files.writeString(out.resolve("notes.txt"), "mine");

        assertThatThrownBy(() -> new AtomicOutput(out).add("report.json", bytes("new")).commit())
                .isInstanceOf(IOException.class).hasMessageEndingWith("holds files fleetsim does not write"
                        + " (notes.txt), and the whole directory is replaced; give a new or empty directory");
        assertThat(tree()).isEqualTo(Map.of("out", Map.of("report.json", "old report", "line-items.csv",
                "old line items", "notes.txt", "mine")));
    }

    @Test
    void checkTarget_fileLinkOrRoot_isRefused() throws IOException {
        Path file = Files.writeString(parent.resolve("file"), "x");
        Path link = Files.createSymbolicLink(parent.resolve("link"), previousReport());

        assertThatThrownBy(() -> AtomicOutput.checkTarget(file, Set.of())).hasMessageEndingWith("is a file, not a"
                + " directory");
        assertThatThrownBy(() -> AtomicOutput.checkTarget(link, Set.of())).hasMessageEndingWith("is a symbolic link;"
                + " give the directory it points to");
        assertThatThrownBy(() -> AtomicOutput.checkTarget(Path.of("/"), Set.of())).hasMessageEndingWith("is a file"
                + " system root; give a directory for the report");
    }

    @Test
    void staging_closedWithoutCommit_leavesThePreviousReportAndNoTemporaryDirectory() throws IOException {
        Path out = previousReport();
        Map<String, Map<String, String>> before = tree();

        try (AtomicOutput.Staging s = AtomicOutput.stage(out, Set.of("report.json"))) {
            s.write("report.json", bytes("new"));
            assertThat(Files.exists(s.temporaryDirectory())).isTrue();
        }

        assertThat(tree()).isEqualTo(before);
    }

    @Test
    void staging_unannouncedOrHiddenName_isRefused() throws IOException {
        try (AtomicOutput.Staging s = AtomicOutput.stage(parent.resolve("out"), Set.of("report.json"))) {
            assertThatThrownBy(() -> s.open("other.csv")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> s.open("../report.json")).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new AtomicOutput(parent).add(".hidden", bytes("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---- a child JVM killed at the worst moments ----

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermWhileWriting_leavesThePreviousReportAndRemovesTheTemporaryDirectory() throws Exception {
        previousReport();
        Map<String, Map<String, String>> before = tree();

        Process child = start("write", "WRITING");
        child.destroy(); // SIGTERM: the JVM runs its shutdown hooks

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void ctrlCWhileWriting_leavesThePreviousReportAndRemovesTheTemporaryDirectory() throws Exception {
        previousReport();
        Map<String, Map<String, String>> before = tree();

        Process child = start("write", "WRITING");
        // What Ctrl-C sends to the foreground process.
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();

        assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tree()).isEqualTo(before);
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigkillWhileWriting_leavesThePreviousReportUntouched() throws Exception {
        previousReport();

        Process child = start("write", "WRITING");
        child.destroyForcibly(); // SIGKILL: no hook runs

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        Map<String, Map<String, String>> after = tree();
        assertThat(after.get("out")).isEqualTo(Map.of("report.json", "old report", "line-items.csv",
                "old line items"));
        // What may remain is one hidden, incomplete staging directory beside it (docs/reliability.md).
        assertThat(after.keySet()).allMatch(name -> name.equals("out") || name.startsWith(".out.fleetsim-tmp-"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigtermDuringTheSwap_waitsForItToFinish() throws Exception {
        previousReport();

        Process child = start("swap", "SWAPPING");
        child.destroy();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(tree()).isEqualTo(Map.of("out", Map.of("report.json", "new report", "line-items.csv",
                "new line items")));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void sigkillDuringTheSwap_leavesTwoCompleteReportsAndNoMix() throws Exception {
        previousReport();

        Process child = start("swap", "SWAPPING");
        child.destroyForcibly();

        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        // Killed between the renames: out is gone for the moment, the previous report is whole under
        // .out.fleetsim-old-*, the new one whole under .out.fleetsim-tmp-*.
        Map<String, Map<String, String>> after = tree();
        assertThat(after).hasSize(2).doesNotContainKey("out");
        List<Map<String, String>> contents = new ArrayList<>();
        after.forEach((name, files) -> {
            assertThat(name).matches("\\.out\\.fleetsim-(old|tmp)-[0-9a-z]+");
            contents.add(files);
        });
        assertThat(contents).containsExactlyInAnyOrder(
                Map.of("report.json", "old report", "line-items.csv", "old line items"),
                Map.of("report.json", "new report", "line-items.csv", "new line items"));
    }

    /** Starts AtomicOutputChild on parent/out and waits until it prints {@code ready}. */
    private Process start(String mode, String ready) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                AtomicOutputChild.class.getName(), parent.resolve("out").toString(), mode)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); ; line = out.readLine()) {
            if (line == null) {
                throw new IllegalStateException("the child ended before printing " + ready);
            }
            if (line.equals(ready)) {
                return child;
            }
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
