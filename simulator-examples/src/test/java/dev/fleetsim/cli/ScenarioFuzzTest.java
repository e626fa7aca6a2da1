package dev.fleetsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.OnDemandPriceTable;
import dev.fleetsim.report.Bill;
import dev.fleetsim.report.CapacityReport;
import dev.fleetsim.report.EventCounts;
import dev.fleetsim.report.Report;
import dev.fleetsim.scenario.ScenarioRunner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Feeds mutated and hostile scenario files to the CLI in-process ({@code validate} and {@code run}) and checks
 * the promises of SPEC section 5 and docs/reliability.md: no stack trace, exit status 0 or 2, every problem
 * on its own line naming its path (or one line about the whole file), {@code run} never reaching the runner
 * with invalid input, and {@code run} agreeing with {@code validate}.
 *
 * <p>9,000 mutants, 1,000 argument cases and 18 large files: 10,018 cases. Reproducible: case {@code i} uses
 * the seed {@code mix(MASTER_SEED + i)}; a failure prints the case number, its seed, the mutations and the CLI
 * output, and saves the input under target/fuzz-failures. Rerun one case with {@code -Dfleetsim.fuzz.seed=SEED},
 * or change the number of mutants with {@code -Dfleetsim.fuzz.cases=N}.
 */
final class ScenarioFuzzTest {

    static final long MASTER_SEED = 0x5EED_F1EE_7517L;
    private static final int DEFAULT_CASES = 9_000;
    private static final int SET_CASES = 1_000;
    private static final int MAX_FAILURES = 25;
    /**
     * CPU time of the test thread (so that a busy machine does not matter) beyond which a case counts as a
     * blow-up (quadratic work, an unbounded expansion), for validate and run together.
     */
    private static final long SLOW_CASE_MS = 3_000;
    private static final long SLOW_LARGE_CASE_MS = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static final InstanceCatalog CATALOG = InstanceCatalog.loadDefault();
    private static final OnDemandPriceTable PRICES = OnDemandPriceTable.loadDefault();

    /** A seed scenario: its file name, bytes and tree. */
    private record Base(String name, byte[] bytes, JsonNode tree) {
    }

    private record Outcome(int status, String out, String err, int runnerCalls) {
    }

    private static List<Base> bases;
    @TempDir
    static Path work;

    /** Failures by case number, so that the report reads the same whichever worker found them. */
    private final Map<Long, String> failures = new ConcurrentSkipListMap<>();
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final Map<String, Long> timeByKind = new ConcurrentHashMap<>();
    private final AtomicInteger workerCount = new AtomicInteger();
    /** Each worker thread has its own CLI (it is not thread-safe) and its own file under test. */
    private final ThreadLocal<Harness> harness = ThreadLocal.withInitial(() -> new Harness(workerCount
            .getAndIncrement()));

    /** One worker's CLI, with a runner that counts its calls, and the file it writes each case to. */
    private static final class Harness {
        private final Path file;
        private int runnerCalls;
        private final FleetsimCli cli = new FleetsimCli(() -> CATALOG, () -> PRICES, (scenario, options) -> {
            runnerCalls++;
            return fixedReport();
        }, false, false);

        Harness(int worker) {
            this.file = work.resolve("case-" + worker + ".yaml");
        }
    }

    @BeforeAll
    static void loadBases() throws IOException {
        bases = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        // Maven runs tests in the module directory; every scenario shipped and every test scenario is a seed.
        for (Path dir : List.of(Path.of("../scenarios"), Path.of("src/test/resources/scenarios"))) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    bases.add(new Base(f.getFileName().toString(), bytes, yaml.readTree(bytes)));
                }
            }
        }
        // Relative trace files of the seeds resolve against the directory of the file under test.
        Path traces = Files.createDirectories(work.resolve("traces"));
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/scenarios/traces"))) {
            for (Path f : files.toList()) {
                Files.copy(f, traces.resolve(f.getFileName()));
            }
        }
        byte[] big = new byte[20 << 20];
        new SplittableRandom(7).nextBytes(big);
        Files.write(work.resolve("big.bin"), big);
    }

    @Test
    void seeds_areValid() {
        assertThat(bases).hasSizeGreaterThanOrEqualTo(2);
        for (Base b : bases) {
            Outcome r = validate(write(b.bytes()));
            assertThat(r.status()).as(b.name() + ": " + r.err()).isZero();
        }
    }

    @Test
    @Timeout(value = 10, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutatedScenarios_neverCrashAndNameEveryPath() throws Exception {
        String only = System.getProperty("fleetsim.fuzz.seed");
        int cases = only != null ? 1 : Integer.getInteger("fleetsim.fuzz.cases", DEFAULT_CASES);
        long start = System.nanoTime();
        // Cases are independent and seeded by number: two workers give the same cases and checks as one.
        int workers = Math.max(1, Math.min(2, Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        List<Future<long[]>> results = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            int first = w;
            results.add(pool.submit(() -> {
                long cpu = THREADS.getCurrentThreadCpuTime();
                long[] slowest = {0, -1};
                for (int i = first; i < cases && failures.size() < MAX_FAILURES; i += workers) {
                    long seed = only != null ? Long.parseUnsignedLong(only.replaceFirst("^0x", ""), 16)
                            : mix(MASTER_SEED + i);
                    long ms = mutant(i, seed);
                    if (ms > slowest[0]) {
                        slowest[0] = ms;
                        slowest[1] = i;
                    }
                }
                return new long[] {THREADS.getCurrentThreadCpuTime() - cpu, slowest[0], slowest[1]};
            }));
        }
        pool.shutdown();
        long cpuNs = 0;
        long[] slowest = {0, -1};
        for (Future<long[]> f : results) {
            long[] r = f.get();
            cpuNs += r[0];
            if (r[1] > slowest[0]) {
                slowest = new long[] {r[1], r[2]};
            }
        }
        System.out.printf("fuzz: %d cases on %d threads in %d ms, %d ms CPU (CPU ms by kind %s); exit statuses %s;"
                + " slowest case #%d, %d ms CPU%n", cases, workers, (System.nanoTime() - start) / 1_000_000,
                cpuNs / 1_000_000, new TreeMap<>(timeByKind), new TreeMap<>(statuses), slowest[1], slowest[0]);
        assertThat(failures.values()).as(String.join("\n\n", failures.values())).isEmpty();
        if (only == null) {
            assertThat(statuses.getOrDefault("validate 0", 0)).as("some mutants stay valid").isPositive();
        }
    }

    /** Case {@code i}: mutates a seed scenario and checks it; returns the CPU milliseconds it took. */
    private long mutant(int i, long seed) throws IOException {
        Base base = bases.get((int) Long.remainderUnsigned(seed, bases.size()));
        SplittableRandom random = new SplittableRandom(seed);
        ScenarioMutator mutator = new ScenarioMutator(random.nextLong());
        int kind = random.nextInt(20);
        String description;
        byte[] bytes;
        if (kind < 13) {
            ScenarioMutator.Mutant m = mutator.mutateTree(base.tree());
            description = "tree: " + m.description();
            bytes = m.bytes();
        } else if (kind < 18) {
            ScenarioMutator.Mutant m = mutator.mutateBytes(base.bytes());
            description = "bytes: " + m.description();
            bytes = m.bytes();
        } else {
            HostileFiles.Hostile h = HostileFiles.small(random);
            description = "hostile: " + h.name();
            bytes = h.bytes();
        }
        String label = "case #" + i + " seed " + hex(seed) + " (" + base.name() + ") " + description;
        long t0 = THREADS.getCurrentThreadCpuTime();
        check(i, label, bytes, SLOW_CASE_MS);
        long ms = (THREADS.getCurrentThreadCpuTime() - t0) / 1_000_000;
        timeByKind.merge(description.substring(0, description.indexOf(':')), ms, Long::sum);
        return ms;
    }

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void largeHostileFiles_areRefusedOrLoadedWithinBounds() throws IOException {
        List<HostileFiles.Hostile> large = HostileFiles.large();
        for (int i = 0; i < large.size(); i++) {
            HostileFiles.Hostile h = large.get(i);
            long t0 = System.nanoTime();
            Outcome v = check(i, "large: " + h.name(), h.bytes(), SLOW_LARGE_CASE_MS);
            System.out.printf("fuzz large: %s: validate exit %d in %d ms (with run), %d lines, first: %s%n", h.name(),
                    v.status(), (System.nanoTime() - t0) / 1_000_000, v.err().lines().count(),
                    abbreviate(v.err().lines().findFirst().orElse(v.out()).strip(), 160));
        }
        assertThat(failures.values()).as(String.join("\n\n", failures.values())).isEmpty();
    }

    @Test
    @Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES,
            threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void hostileRunArguments_neverCrashAndNeverReachTheRunnerWhenRefused() throws IOException {
        long start = System.nanoTime();
        for (int i = 0; i < SET_CASES && failures.size() < MAX_FAILURES; i++) {
            long seed = mix(MASTER_SEED ^ 0x5E75E7L + i);
            Base base = bases.get((int) Long.remainderUnsigned(seed, bases.size()));
            SplittableRandom random = new SplittableRandom(seed);
            Path file = write(base.bytes());
            List<String> args = new ArrayList<>(List.of("run", file.toString()));
            int sets = 1 + random.nextInt(3);
            for (int k = 0; k < sets; k++) {
                args.add("--set");
                args.add(random.nextInt(3) == 0 ? sameValue(base.tree(), random)
                        : setPath(base.tree(), random) + "=" + setValue(random));
            }
            if (random.nextInt(4) == 0) {
                String[] options = {"--seed", "--replications", "--format", "--max-entities"};
                String[] values = {"abc", "-1", "0", "99999999999999999999", "", "json", "table", "2", "1e3", "0x10"};
                args.add(options[random.nextInt(options.length)]);
                args.add(values[random.nextInt(values.length)]);
            }
            String label = "arguments #" + i + " seed " + hex(seed) + " (" + base.name() + ") "
                    + ScenarioMutator.abbreviate(String.join(" ", args.subList(2, args.size())));
            Outcome r = execute(args.toArray(new String[0]));
            statuses.merge("run " + r.status(), 1, Integer::sum);
            List<String> broken = new ArrayList<>(noCrash("run", r));
            if (r.status() == 0 && r.runnerCalls() != 1 || r.status() != 0 && r.runnerCalls() != 0) {
                broken.add("run exited " + r.status() + " after " + r.runnerCalls() + " runner calls");
            }
            if (r.status() == 2) {
                if (!r.out().isEmpty()) {
                    broken.add("stdout should be empty when the input is refused");
                }
                for (String line : r.err().lines().toList()) {
                    if (!line.startsWith("fleetsim") && !line.startsWith("see '") && !issueLines(file, line + "\n")
                            .isEmpty()) {
                        broken.add("a line that is neither a usage message nor a problem with a path: "
                                + abbreviate(line));
                    }
                }
            } else if (r.status() != 0) {
                broken.add("run exited " + r.status() + ", not 0 or 2");
            }
            if (!broken.isEmpty()) {
                fail(i, label, base.bytes(), broken, r, r);
            }
        }
        System.out.printf("fuzz arguments: %d cases in %d ms; exit statuses %s%n", SET_CASES,
                (System.nanoTime() - start) / 1_000_000, new TreeMap<>(statuses));
        assertThat(failures.values()).as(String.join("\n\n", failures.values())).isEmpty();
        assertThat(statuses.getOrDefault("run 0", 0)).as("some overrides are valid").isPositive();
    }

    /** A path of the seed scenario (so that many overrides land), or a malformed one. */
    private static String setPath(JsonNode tree, SplittableRandom random) {
        String[] hostile = {"", ".", "a..b", "[0]", "zones[", "zones[99999999999]", "zones[-1]", "zones[0]x",
            "ec2.instances[0].type.x", "名前", "a\nb", "seed[0]", "demand.new.constant", "processors.graviton3",
            "pricing.rates[0].match.type", "ec2.instances[999].count", "ec2", "eks.clusters[0].workloads",
            "x".repeat(10_000), "name "};
        if (random.nextInt(4) == 0) {
            return hostile[random.nextInt(hostile.length)];
        }
        List<String> paths = new ArrayList<>();
        collectPaths(tree, "", paths);
        return paths.get(random.nextInt(paths.size()));
    }

    /** An override that sets a value of the seed to itself, as JSON (which YAML reads as a flow value). */
    private static String sameValue(JsonNode tree, SplittableRandom random) {
        List<String> paths = new ArrayList<>();
        collectPaths(tree, "", paths);
        String path = paths.get(random.nextInt(paths.size()));
        JsonNode node = tree;
        for (String step : path.replace("[", ".[").split("\\.")) {
            node = step.startsWith("[") ? node.get(Integer.parseInt(step.substring(1, step.length() - 1)))
                    : node.get(step);
        }
        return path + "=" + node.toString();
    }

    private static void collectPaths(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String p = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                paths.add(p);
                collectPaths(e.getValue(), p, paths);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                paths.add(path + "[" + i + "]");
                collectPaths(node.get(i), path + "[" + i + "]", paths);
            }
        }
    }

    private static String setValue(SplittableRandom random) {
        String[][] pools = {ScenarioMutator.DURATIONS, ScenarioMutator.RAW_NUMBERS, ScenarioMutator.RAW_SCALARS,
            ScenarioMutator.TEXTS, {"", "[", "{a: 1", "*a", "&a x", "x: y", "- a", "null", "~", "{}", "[]", "a\n---\nb",
                "[1, [2, [3]]]", "{name: x}", "m5.large", "7", "P1D", "on-demand", "spot", "\"quoted\""}};
        String[] pool = pools[random.nextInt(pools.length)];
        return pool[random.nextInt(pool.length)];
    }

    /** Runs validate and run on the bytes and records every broken promise. */
    private Outcome check(long caseNumber, String label, byte[] bytes, long slowMs) throws IOException {
        Path file = write(bytes);
        long t0 = THREADS.getCurrentThreadCpuTime();
        Outcome v = validate(file);
        Outcome r = execute("run", file.toString());
        long ms = (THREADS.getCurrentThreadCpuTime() - t0) / 1_000_000;
        boolean reached = r.runnerCalls() > 0;
        statuses.merge("validate " + v.status(), 1, Integer::sum);
        List<String> broken = new ArrayList<>();
        broken.addAll(noCrash("validate", v));
        broken.addAll(noCrash("run", r));
        if (v.status() != 0 && v.status() != 2) {
            broken.add("validate exited " + v.status() + ", not 0 or 2");
        }
        if (v.status() == 0) {
            if (!v.err().isEmpty() || !v.out().startsWith(file + ": OK: ") || v.out().indexOf('\n') != v.out().length()
                    - 1) {
                broken.add("a valid file should give one OK line on stdout and nothing on stderr");
            }
            if (r.status() != 0 || !reached) {
                broken.add("validate accepted the file but run exited " + r.status()
                        + (reached ? "" : " without reaching the runner"));
            }
        } else if (v.status() == 2) {
            if (!v.out().isEmpty()) {
                broken.add("stdout should be empty when the file is invalid");
            }
            broken.addAll(issueLines(file, v.err()));
            if (reached) {
                broken.add("run reached the runner with a file validate refused");
            }
            if (r.status() != 2 || !r.err().equals(v.err())) {
                broken.add("run should refuse the file with validate's lines and exit 2; it exited " + r.status());
            }
        }
        if (ms > slowMs) {
            broken.add("took " + ms + " ms of CPU time (limit " + slowMs + " ms)");
        }
        if (!broken.isEmpty()) {
            fail(caseNumber, label, bytes, broken, v, r);
        }
        return v;
    }

    /** No stack trace, no internal error, no control characters that a terminal would act on. */
    private static List<String> noCrash(String verb, Outcome o) {
        List<String> broken = new ArrayList<>();
        String all = o.out() + o.err();
        if (all.contains("Exception") || all.contains("\tat ") || all.contains("internal error")
                || all.contains("at java.") || all.contains("at dev.fleetsim.")) {
            broken.add(verb + " printed a stack trace or an internal error");
        }
        for (int i = 0; i < all.length(); i++) {
            char c = all.charAt(i);
            int type = Character.getType(c);
            if (c != '\n' && (type == Character.CONTROL || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR)) {
                broken.add(verb + " printed the control or format character U+" + String.format("%04X", (int) c));
                break;
            }
        }
        return broken;
    }

    /** Every line is "PATH: problem", or the one line is "FILE: problem" about the whole file. */
    private static List<String> issueLines(Path file, String err) {
        List<String> broken = new ArrayList<>();
        if (err.isEmpty() || !err.endsWith("\n")) {
            broken.add("stderr should end with a complete line, got " + err.length() + " characters");
            return broken;
        }
        String[] lines = err.substring(0, err.length() - 1).split("\n", -1);
        String filePrefix = file + ": ";
        for (String line : lines) {
            int colon = line.indexOf(": ");
            if (line.startsWith(filePrefix)) {
                if (lines.length != 1) {
                    broken.add("a whole-file line among " + lines.length + " lines: " + abbreviate(line));
                }
                if (line.length() == filePrefix.length()) {
                    broken.add("an empty message");
                }
            } else if (colon <= 0 || Character.isWhitespace(line.charAt(0))
                    || Character.isWhitespace(line.charAt(colon - 1)) || colon + 2 >= line.length()) {
                broken.add("a line that names no path: " + abbreviate(line));
            }
        }
        return broken;
    }

    private void fail(long caseNumber, String label, byte[] bytes, List<String> broken, Outcome v, Outcome r)
            throws IOException {
        Path dir = Files.createDirectories(Path.of("target/fuzz-failures"));
        String name = label.replace("case #", "case-").replace(" seed ", "-").replaceAll("[^A-Za-z0-9_.-]+", "_");
        Path saved = dir.resolve((name.length() > 60 ? name.substring(0, 60) : name) + ".yaml");
        Files.write(saved, bytes);
        failures.put(caseNumber, ScenarioMutator.abbreviate(label) + "\n  broken: " + String.join("; ", broken)
                + "\n  input saved to " + saved.toAbsolutePath()
                + "\n  validate exit " + v.status() + ", stderr: " + abbreviate(v.err()) + " stdout: "
                + abbreviate(v.out())
                + "\n  run exit " + r.status() + ", stderr: " + abbreviate(r.err()));
    }

    private Outcome validate(Path file) {
        return execute("validate", file.toString());
    }

    private Outcome execute(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Harness h = harness.get();
        int before = h.runnerCalls;
        int status = h.cli.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Outcome(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                h.runnerCalls - before);
    }

    private Path write(byte[] bytes) {
        try {
            return Files.write(harness.get().file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A report whose content does not matter here: the fuzzer tests the CLI's handling of input. */
    private static Report fixedReport() {
        BigDecimal zero = new BigDecimal("0.00");
        Bill bill = new Bill("USD", zero, zero, Map.of("ec2", zero), Map.of("on-demand", zero), List.of());
        return new Report("fuzz", 1, Duration.ofHours(1), bill, List.of(), new CapacityReport(Map.of(), 0, 0.0),
                new EventCounts(0, 0), null);
    }

    /** SplitMix64's finalizer: spreads consecutive case numbers over the seed space. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String hex(long seed) {
        return "0x" + Long.toHexString(seed);
    }

    private static String abbreviate(String s) {
        return abbreviate(s, 600);
    }

    private static String abbreviate(String s, int max) {
        String one = s.length() > max ? s.substring(0, max) + "...(" + s.length() + " chars)" : s;
        return one.replace("\n", "\\n");
    }
}
