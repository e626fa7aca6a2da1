package dev.fleetsim.pricing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Reads the plain comma-separated price resources written by {@code tools/import-prices.py}. The script refuses
 * fields containing commas or quotes, so a line splits on every comma; no general CSV parser is needed.
 */
final class PriceCsv {

    private PriceCsv() {
    }

    /** Calls {@code row} with the fields of every data line of a resource next to this class. */
    static void read(String resource, String[] expectedHeader, Consumer<String[]> row) {
        try (InputStream in = PriceCsv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("price resource missing from the classpath: " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String header = reader.readLine();
            if (header == null || !Arrays.equals(split(header, expectedHeader.length), expectedHeader)) {
                throw new IllegalStateException(resource + ": unexpected header " + header);
            }
            String[] fields = new String[expectedHeader.length];
            int lineNumber = 1;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                if (!splitInto(line, fields)) {
                    throw new IllegalStateException(resource + ":" + lineNumber + ": expected "
                            + expectedHeader.length + " fields: " + line);
                }
                row.accept(fields);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read price resource " + resource, e);
        }
    }

    private static String[] split(String line, int n) {
        String[] fields = new String[n];
        return splitInto(line, fields) ? fields : new String[0];
    }

    private static boolean splitInto(String line, String[] fields) {
        int from = 0;
        for (int i = 0; i < fields.length; i++) {
            int comma = line.indexOf(',', from);
            boolean last = i == fields.length - 1;
            if (last != (comma < 0)) {
                return false;
            }
            fields[i] = last ? line.substring(from) : line.substring(from, comma);
            from = comma + 1;
        }
        return true;
    }
}
