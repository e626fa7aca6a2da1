package dev.fleetsim.scenario;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a demand trace CSV: a header row, then one row per change. The time column holds an ISO-8601 offset
 * from the scenario start (PT5M), seconds from the start (300), or an ISO-8601 date-time
 * (2026-01-01T00:05:00Z); times must not decrease. Values are non-negative numbers.
 */
public final class TraceCsv {

    /** The parsed trace: parallel arrays, times in milliseconds from the scenario start. */
    public record Trace(long[] timeMs, double[] values) {
        public Trace {
            if (timeMs.length != values.length) {
                throw new IllegalArgumentException("times and values differ in length");
            }
            timeMs = timeMs.clone();
            values = values.clone();
        }

        @Override
        public long[] timeMs() {
            return timeMs.clone();
        }

        @Override
        public double[] values() {
            return values.clone();
        }

        public int size() {
            return timeMs.length;
        }
    }

    /** Limits against hostile files: a 10-year trace at one row a minute is 5.3 million rows, about 160 MB. */
    static final long MAX_BYTES = 256L * 1024 * 1024;
    static final int MAX_ROWS = 10_000_000;
    static final int MAX_LINE_CHARS = 10_000;
    /** Longer time cells are refused before BigDecimal parses them (quadratic in their length). */
    private static final int MAX_TIME_CHARS = 64;

    private TraceCsv() {
    }

    /** Reads the trace or throws IllegalArgumentException naming the file, line and problem. */
    public static Trace read(Path file, String timeColumn, String valueColumn, Instant start) {
        try (Lines in = new Lines(Files.newBufferedReader(file, StandardCharsets.UTF_8), file)) {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new IllegalArgumentException(file.getFileName() + " is " + size + " bytes; traces are limited to "
                        + MAX_BYTES + " bytes");
            }
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(file.getFileName() + " is empty; it needs a header row");
            }
            List<String> columns = Arrays.asList(split(header.startsWith("\uFEFF") ? header.substring(1) : header));
            int t = columns.indexOf(timeColumn);
            int v = columns.indexOf(valueColumn);
            if (t < 0 || v < 0) {
                String missing = t < 0 ? timeColumn : valueColumn;
                throw new IllegalArgumentException(file.getFileName() + " has no column " + UserText.quote(missing)
                        + "; its columns are " + UserText.list(columns));
            }
            long[] timeBuf = new long[64];
            double[] valueBuf = new double[64];
            int n = 0;
            int lineNo = 1;
            long previous = Long.MIN_VALUE;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = split(line);
                if (cells.length <= Math.max(t, v)) {
                    throw new IllegalArgumentException(where(file, lineNo) + "has " + cells.length + " cells, fewer"
                            + " than the header");
                }
                long ms = time(cells[t].strip(), start, file, lineNo);
                if (ms < previous) {
                    throw new IllegalArgumentException(where(file, lineNo) + "time goes backwards");
                }
                double value = value(cells[v].strip(), file, lineNo);
                if (n == MAX_ROWS) {
                    throw new IllegalArgumentException(where(file, lineNo) + "traces are limited to " + MAX_ROWS
                            + " rows");
                }
                if (n == timeBuf.length) {
                    timeBuf = Arrays.copyOf(timeBuf, n * 2);
                    valueBuf = Arrays.copyOf(valueBuf, n * 2);
                }
                timeBuf[n] = ms;
                valueBuf[n] = value;
                n++;
                previous = ms;
            }
            if (n == 0) {
                throw new IllegalArgumentException(file.getFileName() + " has a header but no rows");
            }
            return new Trace(Arrays.copyOf(timeBuf, n), Arrays.copyOf(valueBuf, n));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no such file: " + file);
        } catch (MalformedInputException e) {
            throw new IllegalArgumentException(file.getFileName() + " is not UTF-8 text");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
        }
    }

    private static long time(String cell, Instant start, Path file, int line) {
        try {
            if (cell.startsWith("P") || cell.startsWith("-P") || cell.startsWith("p")) {
                return Durations.parse(cell).toMillis();
            }
            if (cell.indexOf('T') > 0 && cell.indexOf('-') > 0) {
                return Duration.between(start, ScalarTypes.instant(cell)).toMillis();
            }
            if (cell.length() > MAX_TIME_CHARS) {
                throw new IllegalArgumentException(cell);
            }
            return new java.math.BigDecimal(cell).movePointRight(3).setScale(0, java.math.RoundingMode.HALF_EVEN)
                    .longValueExact();
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new IllegalArgumentException(where(file, line) + UserText.quote(cell) + " is not a time (PT5M, 300"
                    + " seconds, or 2026-01-01T00:05:00Z)");
        }
    }

    private static double value(String cell, Path file, int line) {
        double d;
        try {
            d = Double.parseDouble(cell);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where(file, line) + UserText.quote(cell) + " is not a number");
        }
        if (!(d >= 0) || Double.isInfinite(d)) {
            throw new IllegalArgumentException(where(file, line) + "value " + UserText.quote(cell)
                    + " must be a finite number >= 0");
        }
        return d;
    }

    private static String where(Path file, int line) {
        return file.getFileName() + " line " + line + ": ";
    }

    /** Lines of at most {@link #MAX_LINE_CHARS} characters: BufferedReader.readLine would buffer any length. */
    private static final class Lines implements AutoCloseable {
        private final Reader in;
        private final Path file;
        private final char[] buffer = new char[8192];
        private int position;
        private int limit;
        private int lineNo;
        /** The previous line ended with \r: a \n right after it belongs to the same line break. */
        private boolean afterCr;

        Lines(Reader in, Path file) {
            this.in = in;
            this.file = file;
        }

        /** The next line without its terminator (\n, \r\n or \r), or null at the end. */
        String readLine() throws IOException {
            StringBuilder line = new StringBuilder();
            lineNo++;
            while (true) {
                if (position == limit) {
                    limit = Math.max(0, in.read(buffer));
                    position = 0;
                    if (limit == 0) {
                        return line.length() == 0 ? null : line.toString();
                    }
                }
                char c = buffer[position++];
                boolean crlf = afterCr && c == '\n';
                afterCr = c == '\r';
                if (crlf) {
                    continue;
                }
                if (c == '\n' || c == '\r') {
                    return line.toString();
                }
                if (line.length() == MAX_LINE_CHARS) {
                    throw new IllegalArgumentException(where(file, lineNo) + "is longer than " + MAX_LINE_CHARS
                            + " characters");
                }
                line.append(c);
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /** Comma-separated cells; a cell in double quotes may hold commas and doubled quotes. */
    static String[] split(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(new String[0]);
    }
}
