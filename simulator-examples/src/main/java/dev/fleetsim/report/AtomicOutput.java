package dev.fleetsim.report;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a set of report files into a directory so that a failed run never leaves a half-written report:
 * every file is first written in full under a temporary name in the same directory, and only then renamed
 * into place (atomically where the file system allows).
 */
public final class AtomicOutput {

    private final Path directory;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public AtomicOutput(Path directory) {
        this.directory = directory;
    }

    public AtomicOutput add(String fileName, byte[] content) {
        if (fileName.contains("/") || fileName.contains("\\") || fileName.startsWith(".")) {
            throw new IllegalArgumentException("a plain file name is needed, got " + fileName);
        }
        files.put(fileName, content.clone());
        return this;
    }

    /** Writes every file or, on failure, none of the new ones (temporary files are removed). */
    public List<Path> commit() throws IOException {
        Files.createDirectories(directory);
        Map<String, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, byte[]> e : files.entrySet()) {
                Path temp = Files.createTempFile(directory, "." + e.getKey() + ".", ".tmp");
                temps.put(e.getKey(), temp);
                Files.write(temp, e.getValue());
            }
            List<Path> written = new ArrayList<>();
            for (Map.Entry<String, Path> e : temps.entrySet()) {
                Path target = directory.resolve(e.getKey());
                try {
                    Files.move(e.getValue(), target, StandardCopyOption.ATOMIC_MOVE,
                            StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException ex) {
                    Files.move(e.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
                }
                written.add(target);
            }
            return written;
        } finally {
            for (Path temp : temps.values()) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
