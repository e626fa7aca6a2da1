package dev.fleetsim.report;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a report directory so that it is never seen half-written or half-replaced (SPEC section 5): all files
 * go into a fresh temporary directory beside the target ({@code .NAME.fleetsim-tmp-*} in the same parent, so
 * on the same file system), each written and forced to disk, then the directory is renamed into place. An
 * existing target is first renamed aside ({@code .NAME.fleetsim-old-*}) and deleted after the new one is in
 * place. Renames use {@link StandardCopyOption#ATOMIC_MOVE}; where the file system refuses that, a plain rename
 * of the sibling directory is used (still one rename on POSIX file systems, but not promised atomic).
 *
 * <p>While a staging is open, a shutdown hook (Ctrl-C, SIGTERM, System.exit) deletes the temporary directory;
 * if the hook fires during the swap it first waits for the swap to finish. A kill that runs no hook (SIGKILL,
 * power loss) can leave a hidden {@code .NAME.fleetsim-tmp-*} directory behind, and, during the microseconds
 * between the two renames, the target missing with the previous report complete in {@code .NAME.fleetsim-old-*};
 * never a directory holding a mix of old and new files. See docs/reliability.md.
 *
 * <p>An existing target is replaced only when it holds nothing but files fleetsim writes ({@link #KNOWN_FILES}
 * and the files being written): {@code --out .} or a directory with other files in it is refused, not emptied.
 */
public final class AtomicOutput {

    /** The files fleetsim writes into an output directory (SPEC section 6). */
    public static final Set<String> KNOWN_FILES = Set.of("report.json", "line-items.csv", "timeseries.csv",
            "report.html");

    private final Path directory;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public AtomicOutput(Path directory) {
        this.directory = directory;
    }

    public AtomicOutput add(String fileName, byte[] content) {
        checkName(fileName);
        files.put(fileName, content.clone());
        return this;
    }

    /** Writes every file and swaps the directory in, or changes nothing (the temporary directory is removed). */
    public List<Path> commit() throws IOException {
        try (Staging staging = stage(directory, files.keySet())) {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                staging.write(e.getKey(), e.getValue());
            }
            return staging.commit();
        }
    }

    /**
     * Checks, before a long run, that {@code directory} can receive a report: it is absent, or a directory (not
     * a link) holding only files fleetsim writes. Throws with a message fit for a user.
     */
    public static void checkTarget(Path directory, Set<String> fileNames) throws IOException {
        Path target = directory.toAbsolutePath().normalize();
        if (target.getParent() == null) {
            throw new IOException(directory + " is a file system root; give a directory for the report");
        }
        if (Files.isSymbolicLink(target)) {
            throw new IOException(directory + " is a symbolic link; give the directory it points to");
        }
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(directory + " is a file, not a directory");
        }
        Set<String> foreign = new TreeSet<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
            for (Path p : entries) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        || !KNOWN_FILES.contains(name) && !fileNames.contains(name)) {
                    foreign.add(name);
                }
            }
        }
        if (!foreign.isEmpty()) {
            List<String> shown = new ArrayList<>(foreign);
            throw new IOException(directory + " holds files fleetsim does not write (" + String.join(", ",
                    shown.subList(0, Math.min(5, shown.size()))) + (shown.size() > 5 ? ", ..." : "") + "), and"
                    + " the whole directory is replaced; give a new or empty directory");
        }
    }

    /**
     * Starts writing a report directory: checks the target, creates the temporary directory and registers the
     * shutdown hook. Close the staging (try-with-resources) whether or not it was committed.
     *
     * @param fileNames the files that will be written (an existing target may hold these besides KNOWN_FILES)
     */
    public static Staging stage(Path directory, Set<String> fileNames) throws IOException {
        for (String name : fileNames) {
            checkName(name);
        }
        checkTarget(directory, fileNames);
        Path target = directory.toAbsolutePath().normalize();
        Files.createDirectories(target.getParent());
        // Not Files.createTempDirectory: its owner-only permissions would become the report directory's.
        while (true) {
            Path temp = sibling(target, "tmp");
            try {
                Files.createDirectory(temp);
                return new Staging(target, temp, fileNames);
            } catch (FileAlreadyExistsException e) {
                // another run picked the same name in the same nanosecond: try the next one
            }
        }
    }

    private static void checkName(String fileName) {
        if (fileName.isEmpty() || fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("a plain file name is needed, got " + fileName);
        }
    }

    /** An output directory being written; see {@link AtomicOutput}. Not for use by several threads at once. */
    public static final class Staging implements AutoCloseable {

        private final Path target;
        private final Path temp;
        private final Set<String> fileNames;
        private final Thread hook;
        /** Guards the swap against the shutdown hook; see {@link #abort()}. */
        private final Object lock = new Object();
        private boolean committed;
        private boolean aborted;
        private Runnable betweenRenames = () -> { };

        private Staging(Path target, Path temp, Set<String> fileNames) {
            this.target = target;
            this.temp = temp;
            this.fileNames = Set.copyOf(fileNames);
            this.hook = new Thread(this::abort, "fleetsim-output-cleanup");
            Runtime.getRuntime().addShutdownHook(hook);
        }

        /** The temporary directory (hidden, beside the target). */
        public Path temporaryDirectory() {
            return temp;
        }

        public void write(String fileName, byte[] content) throws IOException {
            try (OutputStream out = open(fileName)) {
                out.write(content);
            }
        }

        /** A new file in the temporary directory, forced to disk when closed. */
        public OutputStream open(String fileName) throws IOException {
            checkName(fileName);
            if (!fileNames.contains(fileName)) {
                throw new IllegalArgumentException(fileName + " was not announced to stage()");
            }
            FileChannel channel = FileChannel.open(temp.resolve(fileName), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return new OutputStream() {
                private final OutputStream out = java.nio.channels.Channels.newOutputStream(channel);

                @Override
                public void write(int b) throws IOException {
                    out.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                    try (channel) {
                        channel.force(true);
                    }
                }
            };
        }

        /** Renames the written directory into place; returns the files written. */
        public List<Path> commit() throws IOException {
            synchronized (lock) {
                if (aborted) {
                    throw new IOException("the report was not written: the program is shutting down");
                }
                forceDirectory(temp);
                Path old = null;
                if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                    // Checked again: the directory may have changed during a long run.
                    checkTarget(target, fileNames);
                    old = sibling(target, "old");
                    rename(target, old);
                }
                betweenRenames.run();
                try {
                    rename(temp, target);
                } catch (IOException e) {
                    if (old != null) {
                        rename(old, target);
                    }
                    throw e;
                }
                committed = true;
                forceDirectory(target.getParent());
                if (old != null) {
                    deleteTree(old);
                }
            }
            List<Path> written = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(target)) {
                entries.forEach(written::add);
            }
            written.sort(null);
            return written;
        }

        /** Removes the temporary directory unless committed, and the shutdown hook. */
        @Override
        public void close() throws IOException {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                return; // the hook is running or has run, and cleans up
            }
            synchronized (lock) {
                if (!committed) {
                    aborted = true;
                    deleteTree(temp);
                }
            }
        }

        /** The shutdown hook: waits for a swap in progress, then removes what is left of the staging. */
        private void abort() {
            synchronized (lock) {
                aborted = true;
                if (!committed) {
                    try {
                        deleteTree(temp);
                    } catch (IOException | UncheckedIOException e) {
                        // Nothing more can be done while the JVM stops; the directory is hidden and incomplete.
                    }
                }
            }
        }

        /** Test seam: runs between renaming the old directory aside and renaming the new one in. */
        void betweenRenames(Runnable action) {
            this.betweenRenames = action;
        }

    }

    /** A hidden name beside the target that does not exist yet: .NAME.fleetsim-KIND-RANDOM. */
    private static Path sibling(Path target, String kind) {
        java.util.SplittableRandom random = new java.util.SplittableRandom();
        while (true) {
            Path p = target.resolveSibling("." + target.getFileName() + ".fleetsim-" + kind + "-"
                    + Long.toUnsignedString(random.nextLong(), 36));
            if (!Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                return p;
            }
        }
    }

    private static void rename(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        } catch (FileAlreadyExistsException e) {
            throw new IOException(to + " appeared while the report was being written (another run?)", e);
        }
    }

    /** Forces a directory's entries to disk where the platform allows opening a directory (Linux, macOS). */
    private static void forceDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a directory; the renames still happen in order.
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            List<Path> children = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(root)) {
                entries.forEach(children::add);
            }
            for (Path child : children) {
                deleteTree(child);
            }
        }
        try {
            Files.delete(root);
        } catch (NoSuchFileException e) {
            // already gone
        }
    }
}
