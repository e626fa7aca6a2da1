package dev.fleetsim.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * {@code fleetsim compare}: several reports side by side, each measure with its difference against the first
 * (absolute, and in percent of the first; "n/a" where only the first is zero). Measures: total, unblended total, cost by
 * pricing model, peak instances, unserved demand (share of requests, n/a when no scenario has a demand signal) and Spot interruption
 * notices. Money is the report's: USD rounded to the cent.
 */
public final class Comparison {

    /** One compared scenario. */
    public record Entry(String file, Report report) {
        public Entry {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(report, "report");
        }
    }

    private record Measure(String name, boolean money, List<BigDecimal> values) {
    }

    private final List<Entry> entries;
    private final List<Measure> measures = new ArrayList<>();

    public Comparison(List<Entry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("nothing to compare");
        }
        this.entries = List.copyOf(entries);
        measures.add(money("total", e -> e.report().bill().total()));
        measures.add(money("unblendedTotal", e -> e.report().bill().unblendedTotal()));
        Set<String> models = new LinkedHashSet<>();
        for (Entry e : entries) {
            models.addAll(e.report().bill().byPricingModel().keySet());
        }
        for (String model : models) {
            measures.add(money(model, e -> e.report().bill().byPricingModel().getOrDefault(model, BigDecimal.ZERO)));
        }
        measures.add(count("peakInstances", e -> BigDecimal.valueOf(e.report().capacity().peakInstances())));
        boolean anyDemand = false;
        for (Entry e : entries) {
            anyDemand |= e.report().demand() != null;
        }
        if (anyDemand) {
            // Share of the requested demand left unserved, in percent (0 for a scenario without a demand signal).
            List<BigDecimal> shares = new ArrayList<>();
            for (Entry e : entries) {
                double share = e.report().demand() == null ? 0.0 : e.report().demand().unservedShare();
                shares.add(BigDecimal.valueOf(share * 100).setScale(4, java.math.RoundingMode.HALF_UP));
            }
            measures.add(new Measure("unservedDemand", false, shares));
        } else {
            measures.add(new Measure("unservedDemand", false, null));
        }
        measures.add(count("spotInterruptionNotices",
                e -> BigDecimal.valueOf(e.report().events().spotInterruptionNotices())));
    }

    private Measure money(String name, java.util.function.Function<Entry, BigDecimal> f) {
        return new Measure(name, true, entries.stream().map(f).toList());
    }

    private Measure count(String name, java.util.function.Function<Entry, BigDecimal> f) {
        return new Measure(name, false, entries.stream().map(f).toList());
    }

    /** Rows of measures; per scenario a value column, and for every scenario after the first "vs first" and "%". */
    public String table() {
        List<String[]> rows = new ArrayList<>();
        int columns = 1 + 1 + 3 * (entries.size() - 1);
        String[] header = new String[columns];
        header[0] = "measure";
        header[1] = entries.get(0).report().scenario();
        for (int i = 1; i < entries.size(); i++) {
            header[3 * i - 1] = entries.get(i).report().scenario();
            header[3 * i] = "diff";
            header[3 * i + 1] = "diff %";
        }
        rows.add(header);
        for (Measure m : measures) {
            String[] row = new String[columns];
            row[0] = label(m);
            if (m.values() == null) {
                for (int c = 1; c < columns; c++) {
                    row[c] = "n/a";
                }
            } else {
                row[1] = show(m, m.values().get(0));
                for (int i = 1; i < entries.size(); i++) {
                    BigDecimal base = m.values().get(0);
                    BigDecimal v = m.values().get(i);
                    row[3 * i - 1] = show(m, v);
                    row[3 * i] = signed(show(m, v.subtract(base)));
                    BigDecimal pct = percent(base, v);
                    row[3 * i + 1] = pct == null ? "n/a" : signed(pct.toPlainString()) + "%";
                }
            }
            rows.add(row);
        }
        boolean[] right = new boolean[columns];
        for (int c = 1; c < columns; c++) {
            right[c] = true;
        }
        StringBuilder s = new StringBuilder(TextTable.render(rows, right));
        s.append("money in USD (amortized unless unblended); diff against ").append(entries.get(0).report().scenario())
                .append(" (").append(entries.get(0).file()).append(");"
                + " unserved demand in % of requests\n");
        return s.toString();
    }

    public String json() {
        JsonNodeFactory nodes = JsonNodeFactory.withExactBigDecimals(true);
        ObjectNode root = nodes.objectNode();
        root.put("baseline", entries.get(0).report().scenario());
        ArrayNode list = root.putArray("scenarios");
        for (int i = 0; i < entries.size(); i++) {
            ObjectNode o = list.addObject();
            o.put("file", entries.get(i).file());
            o.put("scenario", entries.get(i).report().scenario());
            ObjectNode values = o.putObject("values");
            ObjectNode diff = i == 0 ? null : o.putObject("difference");
            if (i == 0) {
                o.putNull("difference");
            }
            for (Measure m : measures) {
                if (m.values() == null) {
                    values.putNull(m.name());
                    if (diff != null) {
                        diff.putNull(m.name());
                    }
                    continue;
                }
                BigDecimal v = m.values().get(i);
                putValue(values, m, m.name(), v);
                if (diff != null) {
                    BigDecimal base = m.values().get(0);
                    ObjectNode d = diff.putObject(m.name());
                    putValue(d, m, "absolute", v.subtract(base));
                    BigDecimal pct = percent(base, v);
                    if (pct == null) {
                        d.putNull("percent");
                    } else {
                        d.put("percent", pct);
                    }
                }
            }
        }
        return ReportJson.pretty(root);
    }

    private static void putValue(ObjectNode o, Measure m, String key, BigDecimal v) {
        if (m.money()) {
            o.put(key, Money.format(v));
        } else {
            o.put(key, v.longValueExact());
        }
    }

    /** (v - base) / base in percent, one decimal; 0 when both are zero, null when only base is. */
    static BigDecimal percent(BigDecimal base, BigDecimal v) {
        if (base.signum() == 0) {
            return v.signum() == 0 ? BigDecimal.ZERO.setScale(1) : null;
        }
        return v.subtract(base).multiply(BigDecimal.valueOf(100)).divide(base, 1, RoundingMode.HALF_UP);
    }

    private static String label(Measure m) {
        return switch (m.name()) {
            case "total" -> "total";
            case "unblendedTotal" -> "unblended total";
            case "peakInstances" -> "peak instances";
            case "unservedDemand" -> "unserved demand %";
            case "spotInterruptionNotices" -> "Spot interruption notices";
            default -> "  " + m.name();
        };
    }

    private static String show(Measure m, BigDecimal v) {
        return m.money() ? Money.format(v) : v.toPlainString();
    }

    private static String signed(String s) {
        return s.startsWith("-") || isZero(s) ? s : "+" + s;
    }

    private static boolean isZero(String s) {
        return new BigDecimal(s).signum() == 0;
    }
}
