package dev.fleetsim.report;

import dev.fleetsim.billing.LineItemCsv;
import dev.fleetsim.catalog.InstanceCatalog;
import dev.fleetsim.pricing.PriceBook;
import dev.fleetsim.scenario.RunResult;
import dev.fleetsim.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The files of {@code run --out DIR} (SPEC section 6), in memory, ready for {@link AtomicOutput}:
 * {@code report.json}, {@code line-items.csv}, {@code timeseries.csv} and {@code report.html}.
 */
public final class ReportFiles {

    /** The files {@code run --out} writes, and may replace in an existing output directory. */
    public static final java.util.Set<String> NAMES =
            java.util.Set.of("report.json", "line-items.csv", "timeseries.csv", "report.html");

    private ReportFiles() {
    }

    /**
     * @param report the report to write (the run's own, or one with replication statistics added)
     */
    public static Map<String, byte[]> of(Scenario scenario, RunResult result, Report report,
            InstanceCatalog catalog) {
        StringBuilder lineItems = new StringBuilder();
        LineItemCsv.write(result.bill(), lineItems);
        TimeSeries series = TimeSeries.of(result.bill(), result.usage(), catalog, result.hourlyCosts(),
                result.hourlyWorkloads());
        String html = new ReportHtml().write(new ReportHtml.Input(report, result.bill().rounded(), series,
                result.notSimulated(), !scenario.spec().demand().isEmpty()));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("report.json", new ReportJson().write(report).getBytes(StandardCharsets.UTF_8));
        files.put("line-items.csv", lineItems.toString().getBytes(StandardCharsets.UTF_8));
        files.put("timeseries.csv", TimeSeriesCsv.write(series).getBytes(StandardCharsets.UTF_8));
        files.put("report.html", html.getBytes(StandardCharsets.UTF_8));
        return files;
    }
}
