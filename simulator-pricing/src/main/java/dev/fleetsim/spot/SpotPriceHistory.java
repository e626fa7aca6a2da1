package dev.fleetsim.spot;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Spot price history as AWS's DescribeSpotPriceHistory gives it, one row per price change: CSV with a header
 * naming {@code timestamp} (ISO-8601 with offset, e.g. {@code 2021-01-08T01:06:24+00:00}), {@code availability_zone},
 * {@code type}, {@code spot_price_usd_per_hour} and optionally {@code product_description} (default
 * {@code Linux/UNIX}); other columns are ignored, rows may come in any order. Rows of descriptions other than
 * Linux/UNIX and Windows (SUSE, Red Hat) are skipped: they carry their licence in the price and fleetsim does not
 * replay them.
 *
 * <p>Each pool's price holds from its row's timestamp until the next row of that pool (a price change), and fleetsim
 * reads the first row as also holding before it: DescribeSpotPriceHistory reports the price in effect at the start
 * of the queried window as its first row. Prices keep their exact text value, at scale 6 (half-even rounding only if
 * a file has more decimals).
 */
public final class SpotPriceHistory {

    private static final String[] REQUIRED = {"timestamp", "availability_zone", "type", "spot_price_usd_per_hour"};

    private final Map<String, Series> series;
    private final long earliestEpochMs;
    private final long latestEpochMs;
    private final int rows;

    private SpotPriceHistory(Map<String, Series> series, long earliestEpochMs, long latestEpochMs, int rows) {
        this.series = series;
        this.earliestEpochMs = earliestEpochMs;
        this.latestEpochMs = latestEpochMs;
        this.rows = rows;
    }

    /**
     * Reads a history. {@code name} is for messages (the file name).
     *
     * @throws IllegalArgumentException naming the line and the problem
     */
    public static SpotPriceHistory read(Reader reader, String name) {
        try (BufferedReader in = new BufferedReader(reader)) {
            String header = in.readLine();
            if (header == null) {
                throw new IllegalArgumentException(name + " is empty; it needs a header row");
            }
            if (header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            List<String> columns = Arrays.asList(split(header));
            int[] col = new int[REQUIRED.length];
            for (int i = 0; i < REQUIRED.length; i++) {
                col[i] = columns.indexOf(REQUIRED[i]);
                if (col[i] < 0) {
                    throw new IllegalArgumentException(name + " has no column '" + REQUIRED[i] + "'; its columns are "
                            + String.join(", ", columns));
                }
            }
            int product = columns.indexOf("product_description");
            Map<String, List<Row>> byPool = new TreeMap<>();
            long earliest = Long.MAX_VALUE;
            long latest = Long.MIN_VALUE;
            int count = 0;
            int lineNo = 1;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                String[] f = split(line);
                if (f.length < columns.size()) {
                    throw new IllegalArgumentException(name + " line " + lineNo + ": " + f.length
                            + " cells, the header has " + columns.size());
                }
                String platform = product < 0 ? Platforms.LINUX : Platforms.ofProductDescription(f[product]);
                if (platform == null) {
                    continue;
                }
                long epochMs = parseTime(f[col[0]], name, lineNo);
                BigDecimal price = parsePrice(f[col[3]], name, lineNo);
                byPool.computeIfAbsent(key(f[col[2]], f[col[1]], platform), k -> new ArrayList<>())
                        .add(new Row(epochMs, price, count));
                earliest = Math.min(earliest, epochMs);
                latest = Math.max(latest, epochMs);
                count++;
            }
            if (count == 0) {
                throw new IllegalArgumentException(name + " has no Linux/UNIX or Windows price rows");
            }
            Map<String, Series> series = new HashMap<>();
            for (Map.Entry<String, List<Row>> e : byPool.entrySet()) {
                series.put(e.getKey(), Series.of(e.getValue()));
            }
            return new SpotPriceHistory(series, earliest, latest, count);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The price of a pool at an instant (see the class comment for before the first row); empty if not in the file. */
    public Optional<BigDecimal> priceAt(String instanceType, String zone, String platform, Instant at) {
        Series s = series.get(key(instanceType, zone, platform));
        return s == null ? Optional.empty() : Optional.of(s.at(at.toEpochMilli()));
    }

    /** True if the history has rows for the pool. */
    public boolean covers(String instanceType, String zone, String platform) {
        return series.containsKey(key(instanceType, zone, platform));
    }

    /** The earliest row's time over all pools. */
    public Instant earliest() {
        return Instant.ofEpochMilli(earliestEpochMs);
    }

    public Instant latest() {
        return Instant.ofEpochMilli(latestEpochMs);
    }

    /** Price rows kept (Linux/UNIX and Windows). */
    public int rows() {
        return rows;
    }

    private static String key(String type, String zone, String platform) {
        return type + '@' + zone + '/' + platform;
    }

    private static long parseTime(String text, String name, int lineNo) {
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": timestamp '" + text
                    + "' is not an ISO-8601 date-time with offset (2021-01-08T01:06:24+00:00)");
        }
    }

    private static BigDecimal parsePrice(String text, String name, int lineNo) {
        BigDecimal p;
        try {
            p = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": price '" + text + "' is not a number");
        }
        if (p.signum() <= 0) {
            throw new IllegalArgumentException(name + " line " + lineNo + ": price " + text + " must be > 0");
        }
        return p.setScale(AdvisorSpotMarket.SCALE, RoundingMode.HALF_EVEN);
    }

    private static String[] split(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            f[i] = f[i].trim();
        }
        return f;
    }

    private record Row(long epochMs, BigDecimal price, int order) {
        Row {
            Objects.requireNonNull(price, "price");
        }
    }

    /** One pool's changes in time order (ties in file order: the later row wins from that instant). */
    private static final class Series {
        final long[] epochMs;
        final BigDecimal[] prices;

        private Series(long[] epochMs, BigDecimal[] prices) {
            this.epochMs = epochMs;
            this.prices = prices;
        }

        static Series of(List<Row> rows) {
            rows.sort((a, b) -> a.epochMs != b.epochMs ? Long.compare(a.epochMs, b.epochMs)
                    : Integer.compare(a.order, b.order));
            long[] t = new long[rows.size()];
            BigDecimal[] p = new BigDecimal[rows.size()];
            for (int i = 0; i < t.length; i++) {
                t[i] = rows.get(i).epochMs;
                p[i] = rows.get(i).price;
            }
            return new Series(t, p);
        }

        BigDecimal at(long epochMs) {
            int i = Arrays.binarySearch(this.epochMs, epochMs);
            if (i < 0) {
                i = -i - 2;
            } else {
                while (i + 1 < this.epochMs.length && this.epochMs[i + 1] == epochMs) {
                    i++;
                }
            }
            return prices[Math.max(0, i)];
        }
    }
}
