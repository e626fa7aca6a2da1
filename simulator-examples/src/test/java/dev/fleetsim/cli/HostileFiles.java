package dev.fleetsim.cli;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Whole hostile documents for the fuzzer: degenerate files, alias bombs, deep nesting, files at and past the
 * size limit, wrong encodings and random bytes. The small ones are drawn at random in the main loop; the
 * large ones (megabytes) run once each.
 */
final class HostileFiles {

    /** The loader's limit (YamlTree.MAX_BYTES): 10 MiB. */
    static final int MAX_BYTES = 10 * 1024 * 1024;

    record Hostile(String name, byte[] bytes) {
    }

    private static final String VALID = "name: h\nhorizon: PT1H\n";

    private static final String[] SMALL = {"", " ", "\n\n\n", "# only a comment\n", "---", "---\n...\n", "...",
        "~", "null", "[]", "{}", "0", "\"x\"", "- a", "? a", ": ", "&a", "*a", "!!str", "'", "\"", "{", "[", "]",
        "%YAML 1.3\n---\nname: x\n", "%TAG ! tag:example.invalid,2000:\n--- !foo\nname: x\n", "name: x\n---\nname: y\n",
        "--- |\n  text\n", "name: &a [*a]\nhorizon: PT1H\n", "&a {x: *a}\n", "? [a, b]\n: 1\n", "? {a: 1}\n: 2\n",
        "name: x\nname: y\nhorizon: PT1H\n", "<<: {name: m, horizon: PT1H}\n", "<<: [1, 2]\nname: x\n",
        "name: !!binary aGVsbG8=\nhorizon: PT1H\n", "name: t\nhorizon: PT1H\n\tzones: [a]\n",
        "name: t\r\nhorizon: PT1H\r\n", "name: t\rhorizon: PT1H\r", "\uFEFFname: t\nhorizon: PT1H\n",
        "name: t\nhorizon: PT1H\nec2: {instances: [{name: a, type: m5.large, count: 1000000}]}\n",
        "name: t\nhorizon: P3653D\necs: {clusters: [{name: c, capacityProviders: [{name: FARGATE}], tasks: [{name: t,"
                + " launchType: FARGATE, cpu: 256, memory: 512, arrivals: {every: PT1S, count: 1000000000},"
                + " duration: {fixed: PT1S}}]}]}\n",
        "*a: 1\n", "[a]: 1\n", "{a: 1}: 2\n", "name: t\nhorizon: PT1H\nzones: [*x]\n", VALID + "x: &x 1\ny: *x\n"};

    private HostileFiles() {
    }

    /** A small hostile document, drawn at random. */
    static Hostile small(SplittableRandom random) {
        int kind = random.nextInt(10);
        return switch (kind) {
            case 0, 1, 2 -> {
                int i = random.nextInt(SMALL.length);
                yield new Hostile("small #" + i, utf8(SMALL[i]));
            }
            case 3 -> {
                byte[] b = new byte[1 + random.nextInt(4096)];
                random.nextBytes(b);
                yield new Hostile("random " + b.length + " bytes", b);
            }
            case 4 -> {
                int depth = 10 + random.nextInt(2000);
                String open = random.nextBoolean() ? "[" : "{a: ";
                yield new Hostile("flow nesting " + depth + " " + open.strip(), utf8(VALID + "zones: "
                        + open.repeat(depth) + "\n"));
            }
            case 5 -> {
                int depth = 10 + random.nextInt(200);
                StringBuilder y = new StringBuilder(VALID).append("demand:\n");
                for (int i = 0; i < depth; i++) {
                    y.append("  ".repeat(i + 1)).append("k").append(i).append(":\n");
                }
                yield new Hostile("block nesting " + depth, utf8(y.toString()));
            }
            case 6 -> {
                int width = 2 + random.nextInt(9);
                int levels = 2 + random.nextInt(9);
                yield new Hostile("laughs " + width + "x" + levels, utf8(laughs(width, levels, random.nextBoolean())));
            }
            case 7 -> new Hostile("doubling bomb", utf8(doubling(10 + random.nextInt(40))));
            case 8 -> {
                String text = VALID + "zones: [a, b]\n";
                boolean big = random.nextBoolean();
                byte[] b = (big ? "\uFEFF" + text : text).getBytes(big ? StandardCharsets.UTF_16BE
                        : StandardCharsets.UTF_16LE);
                yield new Hostile(big ? "UTF-16BE with BOM" : "UTF-16LE without BOM", b);
            }
            default -> {
                byte[] b = utf8(VALID + "region: \"x\"\n");
                b[b.length - 3] = (byte) (0x80 + random.nextInt(128));
                yield new Hostile("latin-1 byte in a value", b);
            }
        };
    }

    /** Large documents, each run once: alias bombs with big scalars, files at and past 10 MiB. */
    static List<Hostile> large() {
        List<Hostile> all = new ArrayList<>();
        all.add(new Hostile("billion laughs 9x9", utf8(laughs(9, 9, false))));
        all.add(new Hostile("billion laughs of mappings", utf8(laughs(9, 9, true))));
        all.add(new Hostile("merge-key bomb", utf8(mergeBomb())));
        // Aliases to one big scalar do not count as collection aliases: 40,000 zones of 90,000 characters.
        StringBuilder zones = new StringBuilder(VALID).append("x: &z \"").append("u".repeat(90_000))
                .append("\"\nzones:\n");
        for (int i = 0; i < 40_000; i++) {
            zones.append("  - *z\n");
        }
        all.add(new Hostile("40,000 aliases of a 90,000-character scalar", utf8(zones.toString())));
        StringBuilder keys = new StringBuilder(VALID);
        for (int i = 0; keys.length() < 500_000; i++) {
            keys.append("unknown").append(i).append(": ").append(i).append('\n');
        }
        all.add(new Hostile("500 KB of unknown keys", utf8(keys.toString())));
        StringBuilder list = new StringBuilder(VALID).append("zones:\n");
        for (int i = 0; list.length() < 1_000_000; i++) {
            list.append("  - us-east-1").append((char) ('a' + i % 26)).append('\n');
        }
        all.add(new Hostile("1 MB zones list", utf8(list.toString())));
        StringBuilder instances = new StringBuilder(VALID).append("ec2:\n  instances:\n");
        for (int i = 0; instances.length() < 1_000_000; i++) {
            instances.append("    - {name: i").append(i).append(", type: m5.large, count: 1000000}\n");
        }
        all.add(new Hostile("1 MB of instances", utf8(instances.toString())));
        all.add(new Hostile("a line of 99,999 characters", utf8(VALID + "region: \"" + "r".repeat(99_988) + "\"\n")));
        all.add(new Hostile("one 9 MB value", utf8(VALID + "region: \"" + "r".repeat(9_000_000) + "\"\n")));
        all.add(new Hostile("one 9 MB key", utf8(VALID + "k".repeat(9_000_000) + ": 1\n")));
        all.add(new Hostile("one 9 MB number", utf8(VALID + "seed: " + "7".repeat(9_000_000) + "\n")));
        all.add(new Hostile("one 9 MB decimal", utf8(VALID + "pricing: {savingsPlans: [{kind: compute, commitment: \""
                + "7".repeat(9_000_000) + "\", term: 1y, payment: no-upfront}]}\n")));
        StringBuilder faults = new StringBuilder(VALID).append("ec2:\n  instances:\n");
        for (int i = 0; i < 5_000; i++) {
            faults.append("    - {name: inst").append(i).append(", type: m5.large, market: spot}\n");
        }
        faults.append("faults:\n");
        for (int i = 0; i < 5_000; i++) {
            faults.append("  - {kind: spot-interruption, target: insx").append(i).append(", at: PT1M}\n");
        }
        all.add(new Hostile("5,000 faults with misspelt targets among 5,000 names", utf8(faults.toString())));
        all.add(new Hostile("a valid scenario padded to exactly 10 MiB", padded(MAX_BYTES)));
        all.add(new Hostile("a valid scenario padded to 10 MiB + 1", padded(MAX_BYTES + 1)));
        byte[] random = new byte[MAX_BYTES];
        new SplittableRandom(42).nextBytes(random);
        all.add(new Hostile("10 MiB of random bytes", random));
        all.add(new Hostile("10 MiB of newlines", utf8("\n".repeat(MAX_BYTES))));
        all.add(new Hostile("many documents", utf8("---\nname: x\n".repeat(200_000))));
        return all;
    }

    /** The classic bomb: each level a list (or mapping) of {@code width} aliases to the level below. */
    static String laughs(int width, int levels, boolean mappings) {
        StringBuilder y = new StringBuilder(VALID).append("l0: &l0 ").append(mappings ? "{a: lol}" : "[lol]")
                .append('\n');
        for (int level = 1; level <= levels; level++) {
            y.append('l').append(level).append(": &l").append(level).append(mappings ? " {" : " [");
            for (int i = 0; i < width; i++) {
                y.append(i == 0 ? "" : ", ").append(mappings ? "k" + i + ": " : "").append("*l").append(level - 1);
            }
            y.append(mappings ? "}\n" : "]\n");
        }
        return y.toString();
    }

    /** Each level aliases the one below twice: only 2 aliases per level, 2^levels values. */
    static String doubling(int levels) {
        StringBuilder y = new StringBuilder(VALID).append("d0: &d0 [x]\n");
        for (int level = 1; level <= levels; level++) {
            y.append('d').append(level).append(": &d").append(level).append(" [*d").append(level - 1).append(", *d")
                    .append(level - 1).append("]\n");
        }
        return y.toString();
    }

    private static String mergeBomb() {
        StringBuilder y = new StringBuilder(VALID).append("m0: &m0 {a: 1, b: 2}\n");
        for (int level = 1; level <= 30; level++) {
            y.append('m').append(level).append(": &m").append(level).append(" {<<: [*m").append(level - 1)
                    .append(", *m").append(level - 1).append("], k").append(level).append(": {<<: *m")
                    .append(level - 1).append("}}\n");
        }
        return y.toString();
    }

    /** A valid scenario followed by short comment lines, to exactly {@code size} bytes. */
    private static byte[] padded(int size) {
        byte[] head = utf8("name: padded\nhorizon: PT1H\n");
        byte[] b = new byte[size];
        for (int i = head.length; i < size; i++) {
            b[i] = (byte) ((i - head.length) % 80 == 0 ? '#' : (i - head.length) % 80 == 79 || i == size - 1 ? '\n' : 'c');
        }
        System.arraycopy(head, 0, b, 0, head.length);
        return b;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
